// The package root: the Pulumi layer (data sources; guards arrive with their issue) plus everything in `/client`.
export * from './client';
export * from './pulumi/get-account-quotas';
export * from './pulumi/get-project-quotas';
export * from './pulumi/get-kms-quotas';
export * from './pulumi/get-sfs-turbo-quotas';
export * from './pulumi/get-metastudio-user-quotas';
export type { ConnectionArgs } from './pulumi/settings';
