import type { QuotaCheck } from '../quota/requirements';
import { formatAmount, formatTable } from './table';

/** The shortfall table: service, scope, type, need, headroom, shortfall, status. */
export function formatChecks(checks: readonly QuotaCheck[], color: boolean): string {
  const rows = checks.map((check) => [
    check.requirement.service,
    check.scope,
    check.requirement.type,
    check.margin ? `${formatAmount(check.requirement.need, '-')} (+${formatAmount(check.margin, '-')} margin)` : formatAmount(check.requirement.need, '-'),
    check.unlimited ? 'unlimited' : formatAmount(check.headroom, 'unknown'),
    formatAmount(check.shortfall, 'unknown'),
    check.met ? 'ok' : check.note ? `NOT MET: ${check.note}` : 'SHORT',
  ]);
  return formatTable(['SERVICE', 'SCOPE', 'TYPE', 'NEED', 'HEADROOM', 'SHORTFALL', 'STATUS'], rows, { color, highlight: (index) => !checks[index]!.met });
}
