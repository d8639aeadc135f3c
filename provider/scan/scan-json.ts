import { printableJson } from '../printable-text';
import { cutPercent } from './percent-text';
import type { ScanResult } from './scan-result';
import type { Thresholds } from './thresholds';

/**
 * The scan as JSON: `{"thresholds": {...}, "rows": [...], "errors": [...]}`, rows by pressure, `percentUsed` cut to
 * two decimals (`null` when there is none), each error with its scope, kind and reason.
 */
export function formatScanJson(result: ScanResult, thresholds: Thresholds): string {
  const rows = result.rows.map((row) => ({ ...row, percentUsed: row.percentUsed === null ? null : cutPercent(row.percentUsed, 2) }));
  return `${printableJson({ thresholds, rows, errors: result.failures })}\n`;
}
