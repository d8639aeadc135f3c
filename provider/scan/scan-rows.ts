import type { QuotaService } from '../apis/quota-apis';
import type { QuotaResource } from '../quota/quota-resource';
import { byPressure } from './pressure-order';
import type { ScanRow, ScanScope } from './scan-result';
import { percentUsed, quotaStatus, type Thresholds } from './thresholds';

/** A read's result as rows need it: where it was read, and its quotas (or, per user, each user's). */
export interface ReadOutcome {
  readonly domainId?: string;
  readonly projectId?: string;
  readonly region?: string;
  readonly resources?: readonly QuotaResource[];
  readonly users?: readonly { readonly userId: string; readonly resources: readonly QuotaResource[] }[];
}

/** Units the definition knows for types whose answers carry none (MetaStudio's minutes). */
export type KnownUnits = Readonly<Record<string, { readonly unit?: string } | undefined>>;

/**
 * One row per quota of a read. Per-user quotas (MetaStudio) give one row per type, not per user: the user under the
 * most pressure for that type, with the number of users, so that 250 users make 8 rows and the worst still shows.
 */
export function rowsOfRead(scope: ScanScope & { service: QuotaService }, outcome: ReadOutcome, units: KnownUnits, thresholds: Thresholds): ScanRow[] {
  const where: ScanScope & { service: QuotaService } = {
    ...scope,
    ...(outcome.region ? { region: outcome.region } : {}),
    ...(outcome.projectId ? { projectId: outcome.projectId } : {}),
    ...(outcome.domainId ? { domainId: outcome.domainId } : {}),
  };
  if (!outcome.users) return (outcome.resources ?? []).map((resource) => quotaRow(where, resource, units, thresholds));
  const byType = new Map<string, ScanRow[]>();
  for (const user of outcome.users) {
    for (const resource of user.resources) {
      const rows = byType.get(resource.type) ?? [];
      rows.push({ ...quotaRow(where, resource, units, thresholds), userId: user.userId });
      byType.set(resource.type, rows);
    }
  }
  return [...byType.values()].map((rows) => ({ ...rows.reduce((worst, row) => (byPressure(row, worst) < 0 ? row : worst)), users: rows.length }));
}

function quotaRow(where: ScanScope & { service: QuotaService }, resource: QuotaResource, units: KnownUnits, thresholds: Thresholds): ScanRow {
  const percent = percentUsed(resource.quota, resource.used);
  const unit = resource.unit ?? (Object.hasOwn(units, resource.type) ? units[resource.type]?.unit : undefined);
  return {
    ...where,
    type: resource.type,
    ...(unit ? { unit } : {}),
    quota: resource.quota,
    used: resource.used,
    headroom: resource.headroom,
    unlimited: resource.unlimited,
    percentUsed: percent,
    status: quotaStatus(resource, percent, thresholds),
  };
}
