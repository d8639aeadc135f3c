// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type { z } from 'zod';
import type { account } from '../apis/account';
import type { ecs } from '../apis/ecs';
import type { elb } from '../apis/elb';
import type { evs } from '../apis/evs';
import type { kms } from '../apis/kms';
import type { metaStudio } from '../apis/metastudio';
import type { project } from '../apis/project';
import type { sfsTurbo } from '../apis/sfs-turbo';
import type { vpc } from '../apis/vpc';

/** The schema of one entry of an API's list. */
type EntryOf<A extends { emulator(): { entry: z.ZodTypeAny } }> = ReturnType<A['emulator']>['entry'];

/** The quotas the emulator keeps on each project, one list per API, under the API's state key. */
export interface ProjectQuotaLists {
  /** ECS quotas: ECS `GET /v1/{project_id}/cloudservers/limits`. */
  ecsQuotas: z.output<EntryOf<typeof ecs>>[];
  /** ELB quotas: ELB `GET /v3/{project_id}/elb/quotas/details`. */
  elbQuotas: z.output<EntryOf<typeof elb>>[];
  /** EVS quotas: EVS `GET /v2/{project_id}/os-quota-sets/{target_project_id}`. */
  evsQuotas: z.output<EntryOf<typeof evs>>[];
  /** KMS quotas: KMS `GET /v1.0/{project_id}/kms/user-quotas`. */
  kmsQuotas: z.output<EntryOf<typeof kms>>[];
  /** IAM project quotas: IAM `GET /v3.0/OS-QUOTA/projects/{project_id}`. */
  iamQuotas: z.output<EntryOf<typeof project>>[];
  /** SFS Turbo quotas: SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas`. */
  sfsTurboQuotas: z.output<EntryOf<typeof sfsTurbo>>[];
  /** VPC quotas: VPC `GET /v1/{project_id}/quotas`. */
  vpcQuotas: z.output<EntryOf<typeof vpc>>[];
}

/** The same as a state file writes them: each list may be left out. */
export interface ProjectQuotaListsInput {
  /** ECS quotas: ECS `GET /v1/{project_id}/cloudservers/limits` (default none). */
  ecsQuotas?: z.input<EntryOf<typeof ecs>>[];
  /** ELB quotas: ELB `GET /v3/{project_id}/elb/quotas/details` (default none). */
  elbQuotas?: z.input<EntryOf<typeof elb>>[];
  /** EVS quotas: EVS `GET /v2/{project_id}/os-quota-sets/{target_project_id}` (default none). */
  evsQuotas?: z.input<EntryOf<typeof evs>>[];
  /** KMS quotas: KMS `GET /v1.0/{project_id}/kms/user-quotas` (default none). */
  kmsQuotas?: z.input<EntryOf<typeof kms>>[];
  /** IAM project quotas: IAM `GET /v3.0/OS-QUOTA/projects/{project_id}` (default none). */
  iamQuotas?: z.input<EntryOf<typeof project>>[];
  /** SFS Turbo quotas: SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas` (default none). */
  sfsTurboQuotas?: z.input<EntryOf<typeof sfsTurbo>>[];
  /** VPC quotas: VPC `GET /v1/{project_id}/quotas` (default none). */
  vpcQuotas?: z.input<EntryOf<typeof vpc>>[];
}

/** The quotas the emulator keeps on each account, one list per API, under the API's state key. */
export interface AccountQuotaLists {
  /** IAM account quotas: IAM `GET /v3.0/OS-QUOTA/domains/{domain_id}`. */
  iamQuotas: z.output<EntryOf<typeof account>>[];
  /** MetaStudio user quotas: MetaStudio `GET /v1/{project_id}/user/quotas`. */
  metaStudioUsers: z.output<EntryOf<typeof metaStudio>>[];
}

/** The same as a state file writes them: each list may be left out. */
export interface AccountQuotaListsInput {
  /** IAM account quotas: IAM `GET /v3.0/OS-QUOTA/domains/{domain_id}` (default none). */
  iamQuotas?: z.input<EntryOf<typeof account>>[];
  /** MetaStudio user quotas: MetaStudio `GET /v1/{project_id}/user/quotas` (default none). */
  metaStudioUsers?: z.input<EntryOf<typeof metaStudio>>[];
}
