import { invalidArgument } from '../errors';
import type { QuotaCheck } from '../quota/requirements';

/** Headroom to keep free on top of each need: a fixed amount, a share of the quota, or both (added). */
export interface Margin {
  /** A fixed amount, ≥ 0, in the quota's unit. */
  absolute?: number;
  /** 0 to 100. */
  percentOfQuota?: number;
}

/** Judges checks again, keeping the margin free; unlimited quotas need no margin and unknown usage stays unknown. */
export function applyMargin(checks: readonly QuotaCheck[], margin: Margin | undefined): QuotaCheck[] {
  if (!margin) return [...checks];
  const { absolute = 0, percentOfQuota = 0 } = margin;
  if (!Number.isFinite(absolute) || absolute < 0) throw invalidArgument('margin.absolute', 'must be a finite number ≥ 0');
  if (!Number.isFinite(percentOfQuota) || percentOfQuota < 0 || percentOfQuota > 100) {
    throw invalidArgument('margin.percentOfQuota', 'must be a number from 0 to 100');
  }
  return checks.map((check) => {
    if (check.unlimited || check.headroom === null || check.quota === null) return check;
    const extra = absolute + (check.quota * percentOfQuota) / 100;
    const required = check.requirement.need + extra;
    const met = check.headroom >= required;
    return { ...check, margin: extra, met, shortfall: met ? 0 : required - check.headroom };
  });
}
