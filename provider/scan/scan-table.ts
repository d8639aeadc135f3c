import { formatAmount, formatTable } from '../report/table';
import { cutPercent } from './percent-text';
import type { ScanFailure, ScanResult, ScanRow } from './scan-result';
import type { Thresholds } from './thresholds';

const SHOUTED = new Set(['fail', 'warn', 'error', 'denied']);
const statusText = (status: string) => (SHOUTED.has(status) ? status.toUpperCase() : status);
const project = (scope: { projectName?: string; projectId?: string }) => scope.projectName ?? scope.projectId ?? '-';

/**
 * The scan as a table, by pressure, then the scopes that could not be read (their reasons go to stderr), then a
 * summary line. Rows at or over `--fail`, and failed reads, are red when colour is on.
 */
export function formatScanTable(result: ScanResult, thresholds: Thresholds, color: boolean): string {
  const hasUnit = result.rows.some((row) => row.unit !== undefined);
  const perUser = result.rows.some((row) => row.userId !== undefined);
  const headers = ['STATUS', 'USED%', 'SERVICE', 'TYPE', 'REGION', 'PROJECT', 'QUOTA', 'USED', 'HEADROOM', ...(hasUnit ? ['UNIT'] : []), ...(perUser ? ['MOST USED BY'] : [])];
  const quotaCells = (row: ScanRow) => [
    statusText(row.status),
    row.percentUsed === null ? '-' : `${cutPercent(row.percentUsed, 1)}%`,
    row.service,
    row.type,
    row.region ?? '-',
    project(row),
    formatAmount(row.quota, 'unlimited'),
    formatAmount(row.used, 'unknown'),
    row.unlimited ? 'unlimited' : formatAmount(row.headroom, 'unknown'),
    ...(hasUnit ? [row.unit ?? ''] : []),
    ...(perUser ? [row.userId === undefined ? '' : `${row.userId} (${row.users} ${row.users === 1 ? 'user' : 'users'})`] : []),
  ];
  const failureCells = (failure: ScanFailure) => [statusText(failure.status), '-', failure.service ?? '-', '-', failure.region ?? '-', project(failure), '-', '-', '-', ...(hasUnit ? [''] : []), ...(perUser ? [''] : [])];
  const red = [...result.rows.map((row) => row.status === 'fail'), ...result.failures.map(() => true)];
  const table = formatTable(headers, [...result.rows.map(quotaCells), ...result.failures.map(failureCells)], { color, highlight: (index) => red[index]! });
  return `${table}${summary(result, thresholds)}\n`;
}

/** `42 quotas in 12 scopes: 1 reaches --fail 95%, 2 reach --warn 80%; 1 scope could not be read.` */
function summary(result: ScanResult, thresholds: Thresholds): string {
  const count = (status: string) => result.rows.filter((row) => row.status === status).length;
  const reach = (n: number) => `${n} ${n === 1 ? 'reaches' : 'reach'}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const failed = result.failures.length;
  return (
    `${plural(result.rows.length, 'quota')} in ${plural(result.scopes - failed, 'scope')}: ${reach(count('fail'))} --fail ${thresholds.fail}%, ${reach(count('warn'))} --warn ${thresholds.warn}%` +
    (failed > 0 ? `; ${plural(failed, 'scope')} could not be read.` : '.')
  );
}
