import { TRANSPORT_ERROR_CODES } from './transport-error-codes';

/** Statuses worth another attempt: throttling and passing server or gateway faults. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Connection faults worth another attempt. DNS `ENOTFOUND` is not among them: a wrong host stays wrong; nor a closed
 * pool, which stays closed. A truncated body is.
 */
const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  TRANSPORT_ERROR_CODES.socket,
  TRANSPORT_ERROR_CODES.connectTimeout,
  TRANSPORT_ERROR_CODES.headersTimeout,
  TRANSPORT_ERROR_CODES.bodyTimeout,
  TRANSPORT_ERROR_CODES.bodyTruncated,
]);

export function isRetryableNetworkCode(code: string | undefined): boolean {
  return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base × 2^(retry−1))). */
export function backoffDelayMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (retry - 1)));
}

/** `Retry-After` as milliseconds (delta-seconds or an HTTP date), capped; `undefined` when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, capMs: number, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  const waitMs = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (Number.isNaN(waitMs)) return undefined;
  return Math.min(Math.max(0, waitMs), capMs);
}
