import type { QuotaCheck } from '../quota/requirements';
import { formatAmount, formatTable } from './table';

/**
 * The shortfall table: service, scope, type, need, headroom, shortfall, status; with a CLAIMED column when the checks
 * come from a guard, which reads only the growth beyond its claim (a row that does not grow is not read: headroom `-`).
 */
export function formatChecks(checks: readonly QuotaCheck[], color: boolean): string {
  const fromGuard = checks.some((check) => check.claimed !== undefined);
  const rows = checks.map((check) => {
    const need = check.margin ? `${formatAmount(check.requirement.need, '-')} (+${formatAmount(check.margin, '-')} margin)` : formatAmount(check.requirement.need, '-');
    const notRead = check.met && !check.unlimited && check.headroom === null;
    const headroom = check.unlimited ? 'unlimited' : formatAmount(check.headroom, notRead ? '-' : 'unknown');
    const status = check.met ? 'ok' : check.note ? `NOT MET: ${check.note}` : 'SHORT';
    const row = [check.requirement.service, check.scope, check.requirement.type, need, headroom, formatAmount(check.shortfall, 'unknown'), status];
    if (fromGuard) row.splice(4, 0, formatAmount(check.claimed ?? 0, '-'));
    return row;
  });
  const headers = ['SERVICE', 'SCOPE', 'TYPE', 'NEED', 'HEADROOM', 'SHORTFALL', 'STATUS'];
  if (fromGuard) headers.splice(4, 0, 'CLAIMED');
  return formatTable(headers, rows, { color, highlight: (index) => !checks[index]!.met });
}
