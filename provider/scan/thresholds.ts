import type { QuotaStatus, ScanResult } from './scan-result';

/** Percent used at which a quota warns and fails; "reach" means ≥. */
export interface Thresholds {
  /** Default 80. */
  readonly warn: number;
  /** Default 95. */
  readonly fail: number;
}

/** `--warn 80 --fail 95` when neither is given. */
export const DEFAULT_THRESHOLDS: Thresholds = { warn: 80, fail: 95 };

/** Exit codes of `hwquota scan`: all under `--warn`, some reaching `--fail`, a read failed or bad input, some reaching `--warn` only. */
export const SCAN_EXIT = { ok: 0, fail: 1, error: 2, warn: 3, interrupted: 130 } as const;

/**
 * How a quota stands: by its percent used against the thresholds; a quota of 0 is `zero` with nothing used and
 * `fail` with anything used (it is over its limit).
 */
export function quotaStatus(quota: { quota: number | null; used: number | null; unlimited: boolean }, percentUsed: number | null, thresholds: Thresholds): QuotaStatus {
  if (quota.unlimited) return 'unlimited';
  if (quota.used === null) return 'unknown';
  if (percentUsed === null) return quota.used > 0 ? 'fail' : 'zero';
  if (percentUsed >= thresholds.fail) return 'fail';
  return percentUsed >= thresholds.warn ? 'warn' : 'ok';
}

/** `used / quota × 100`, exact for whole results (`used * 100 / quota`, not `used / quota * 100`); `null` when there is none. */
export function percentUsed(quota: number | null, used: number | null): number | null {
  if (quota === null || used === null || quota <= 0) return null;
  return (used * 100) / quota;
}

/** The scan's exit code: 2 when a read failed, else 1 when any quota reaches `--fail`, else 3 when any reaches `--warn`, else 0. */
export function scanExitCode(result: Pick<ScanResult, 'rows' | 'failures'>): number {
  if (result.failures.length > 0) return SCAN_EXIT.error;
  if (result.rows.some((row) => row.status === 'fail')) return SCAN_EXIT.fail;
  if (result.rows.some((row) => row.status === 'warn')) return SCAN_EXIT.warn;
  return SCAN_EXIT.ok;
}
