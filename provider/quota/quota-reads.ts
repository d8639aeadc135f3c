// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type { QuotaReadArgs, QuotaReadResult } from '../apis/quota-apis';

/** One read per quota API of the registry: its arguments checked before any request, its result normalised. */
export interface QuotaReads {
  /** Reads the IAM quotas of the account: users, groups, identity providers, agencies, policies and permission assignments (IAM `GET /v3.0/OS-QUOTA/domains/{domain_id}`). */
  accountQuotas(args?: QuotaReadArgs<'account'>): Promise<QuotaReadResult<'account'>>;
  /** Reads the ECS quotas of a project: `instances`, `cores`, `ram` (MiB), their spot twins, server groups and floating IPs; limits whose usage ECS does not report have `used: null` (ECS `GET /v1/{project_id}/cloudservers/limits`). */
  ecsQuotas(args?: QuotaReadArgs<'ecs'>): Promise<QuotaReadResult<'ecs'>>;
  /** Reads the quotas of dedicated load balancers (ELB v3) in a project: `loadbalancer`, `listener`, `pool`, `member`, `certificate` and the per-resource limits such as `members_per_pool` (ELB `GET /v3/{project_id}/elb/quotas/details`). */
  elbQuotas(args?: QuotaReadArgs<'elb'>): Promise<QuotaReadResult<'elb'>>;
  /** Reads the EVS quotas of a project: `volumes`, `gigabytes` (GiB), `snapshots`, `backups` and the per-type keys such as `volumes_SSD` and `gigabytes_GPSSD`; `used` counts what is in use and what is reserved (EVS `GET /v2/{project_id}/os-quota-sets/{target_project_id}`). */
  evsQuotas(args?: QuotaReadArgs<'evs'>): Promise<QuotaReadResult<'evs'>>;
  /** Reads the KMS quotas of a project: `CMK` (customer master keys) and `grant_per_CMK` (KMS `GET /v1.0/{project_id}/kms/user-quotas`). */
  kmsQuotas(args?: QuotaReadArgs<'kms'>): Promise<QuotaReadResult<'kms'>>;
  /** Reads the MetaStudio quotas of every IAM user of the account (or one), every page read for you. Only the account's root credentials may call it. `video_time_*` values are minutes and may be fractional; `-1` quotas come back as `unlimited` (MetaStudio `GET /v1/{project_id}/user/quotas`). */
  metaStudioUserQuotas(args?: QuotaReadArgs<'metastudio'>): Promise<QuotaReadResult<'metastudio'>>;
  /** Reads the IAM quotas of a project: `project`, the sub-projects its region may hold (IAM `GET /v3.0/OS-QUOTA/projects/{project_id}`). */
  projectQuotas(args?: QuotaReadArgs<'project'>): Promise<QuotaReadResult<'project'>>;
  /** Reads the SFS Turbo quotas of a project: `shares` (file systems) and `capacity` (GB) (SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas`). */
  sfsTurboQuotas(args?: QuotaReadArgs<'sfs-turbo'>): Promise<QuotaReadResult<'sfs-turbo'>>;
  /** Reads the VPC quotas of a project: `vpc`, `subnet`, `securityGroup`, `securityGroupRule`, `publicIp` (EIPs), shared bandwidth, and the shared load balancers and listeners (VPC `GET /v1/{project_id}/quotas`). */
  vpcQuotas(args?: QuotaReadArgs<'vpc'>): Promise<QuotaReadResult<'vpc'>>;
}
