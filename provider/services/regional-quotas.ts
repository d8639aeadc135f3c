import type { QuotaResource } from '../quota/quota-resource';

/** Quotas of a regional service in one project (KMS, SFS Turbo). */
export interface RegionalQuotas {
  readonly projectId: string;
  readonly region: string;
  readonly resources: readonly QuotaResource[];
}

/** Where a regional read goes: a project in a region. */
export interface RegionalScope {
  projectId: string;
  region: string;
  signal?: AbortSignal;
}
