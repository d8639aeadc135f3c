import type { QuotaService } from '../apis/quota-apis';

/** What a scan reads: which APIs, in which regions, in which projects of the account. */
export interface ScanSelection {
  /** Region IDs, or `all`: every region the account has a project in. */
  readonly regions: readonly string[] | 'all';
  /** `own`: each region's own project (as `hwquota get` finds it); `all`: every project of the account; or project names. */
  readonly projects: 'own' | 'all' | readonly string[];
  /** The APIs to read, by the names `hwquota get` takes. */
  readonly services: readonly QuotaService[];
}
