import { printable } from '../printable-text';
import { cutPercent } from './percent-text';
import type { ScanFailure, ScanResult, ScanRow } from './scan-result';

const COLUMNS = [
  'status', 'percent_used', 'service', 'type', 'region', 'project_id', 'project_name', 'domain_id', 'quota', 'used', 'headroom',
  'unit', 'user_id', 'users', 'error_kind', 'error_code', 'http_status', 'request_id', 'message',
] as const;
type Column = (typeof COLUMNS)[number];

/** A field as RFC 4180 wants it: quoted when it holds a quote, a comma or a line break (control characters are escaped first). */
function field(value: string | number | undefined): string {
  const text = printable(value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const amount = (value: number | null, whenNull: string) => (value === null ? whenNull : value);

function quotaRecord(row: ScanRow): Partial<Record<Column, string | number>> {
  return {
    status: row.status,
    percent_used: row.percentUsed === null ? undefined : cutPercent(row.percentUsed, 2),
    service: row.service, type: row.type, region: row.region, project_id: row.projectId, project_name: row.projectName, domain_id: row.domainId,
    quota: amount(row.quota, 'unlimited'),
    used: amount(row.used, 'unknown'),
    headroom: row.unlimited ? 'unlimited' : amount(row.headroom, 'unknown'),
    unit: row.unit, user_id: row.userId, users: row.users,
  };
}

function failureRecord(failure: ScanFailure): Partial<Record<Column, string | number>> {
  return {
    status: failure.status, service: failure.service, region: failure.region, project_id: failure.projectId, project_name: failure.projectName, domain_id: failure.domainId,
    error_kind: failure.kind, error_code: failure.code, http_status: failure.httpStatus, request_id: failure.requestId, message: failure.message,
  };
}

/**
 * The scan as CSV (RFC 4180: CRLF line ends, a header row): one record per quota by pressure, then one per scope that
 * could not be read, with its reason. `percent_used` is empty when there is none; `quota`, `used` and `headroom` read
 * `unlimited` or `unknown` rather than a number that would be wrong.
 */
export function formatScanCsv(result: ScanResult): string {
  const records = [...result.rows.map(quotaRecord), ...result.failures.map(failureRecord)];
  return [COLUMNS.join(','), ...records.map((record) => COLUMNS.map((column) => field(record[column])).join(','))].map((line) => `${line}\r\n`).join('');
}
