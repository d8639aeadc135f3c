import { DEFAULTS } from '../../../provider/client-options';

/** The settings that decide how long a failing read takes. */
export interface RetryTimings {
  maxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  requestTimeoutMs: number;
  maxRetryAfterMs: number;
}

/** What the CLI and the Pulumi data sources use: they expose no timing settings. */
export const DEFAULT_TIMINGS: RetryTimings = {
  maxAttempts: DEFAULTS.maxAttempts,
  retryBaseDelayMs: DEFAULTS.retryBaseDelayMs,
  retryMaxDelayMs: DEFAULTS.retryMaxDelayMs,
  requestTimeoutMs: DEFAULTS.requestTimeoutMs,
  maxRetryAfterMs: DEFAULTS.maxRetryAfterMs,
};

/**
 * Small waits for the client, so that fault cases take milliseconds; a 1 s `Retry-After` is still honoured. An attempt
 * may take a second: with 25 emulators at once on a busy 2-core machine, a reset or a malformed answer can take more
 * than a few hundred milliseconds to arrive, and must not be taken for a hang.
 */
export const FAST_TIMINGS: RetryTimings = { maxAttempts: 4, retryBaseDelayMs: 5, retryMaxDelayMs: 20, requestTimeoutMs: 1_000, maxRetryAfterMs: 2_000 };

/** Scheduling slack on top of a computed bound, on a busy 2-core machine. A real hang overshoots by far more. */
export const SLACK_MS = 2_000;

/** The longest the backoff before retries 1..`retries` can add up to (each draw is below min(max, base × 2^(n−1))). */
export function longestBackoffMs(retries: number, timings: RetryTimings): number {
  let total = 0;
  for (let retry = 1; retry <= retries; retry++) total += Math.min(timings.retryMaxDelayMs, timings.retryBaseDelayMs * 2 ** (retry - 1));
  return total;
}
