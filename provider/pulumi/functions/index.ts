// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
export * from './get-account-quotas';
export * from './get-ecs-quotas';
export * from './get-elb-quotas';
export * from './get-evs-quotas';
export * from './get-kms-quotas';
export * from './get-meta-studio-user-quotas';
export * from './get-project-quotas';
export * from './get-sfs-turbo-quotas';
export * from './get-vpc-quotas';
