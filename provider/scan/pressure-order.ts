import type { ScanRow } from './scan-result';

/** Rows without a percent, after every row with one: over a quota of 0 first, then a quota of 0, unknown, unlimited. */
const RANK_WITHOUT_PERCENT: Record<ScanRow['status'], number> = { fail: 0, warn: 1, ok: 1, zero: 2, unknown: 3, unlimited: 4 };

/** Code-unit order, not the locale's: the same output on every machine. */
const compare = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/**
 * Sorts rows by pressure: highest percent used first, then the rows without one (a quota of 0 with something used,
 * a quota of 0, unknown usage, unlimited); ties by service, region, project and type, so that output is stable.
 */
export function byPressure(a: ScanRow, b: ScanRow): number {
  if (a.percentUsed !== null || b.percentUsed !== null) {
    if (a.percentUsed === null) return a.status === 'fail' ? -1 : 1;
    if (b.percentUsed === null) return b.status === 'fail' ? 1 : -1;
    if (a.percentUsed !== b.percentUsed) return b.percentUsed - a.percentUsed;
  } else if (a.status !== b.status) {
    return RANK_WITHOUT_PERCENT[a.status] - RANK_WITHOUT_PERCENT[b.status];
  }
  return (
    compare(a.service, b.service) ||
    compare(a.region, b.region) ||
    compare(a.projectName ?? a.projectId, b.projectName ?? b.projectId) ||
    compare(a.type, b.type)
  );
}
