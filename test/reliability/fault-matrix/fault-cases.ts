import type { HuaweiCloudErrorKind } from '../../../provider/client';
import type { Fault, RouteName } from '../../../provider/emulator';
import type { CredentialMode } from '../support/credential-modes';
import type { ReadName } from '../support/result-shapes';
import { longestBackoffMs, SLACK_MS, type RetryTimings } from '../support/retry-timings';

/** What a read should come to under a fault. */
export type Expected =
  | { recovered: true; failedAttempts: number }
  | { recovered: false; kind: HuaweiCloudErrorKind; attempts: 'all' | number; status?: number; code?: string; message?: RegExp };

/** One row of the matrix: how the emulator misbehaves, and what every read must make of it. */
export interface FaultCase {
  name: string;
  faults?: (route: RouteName) => Fault[];
  clockOffsetMs?: number;
  /** Lock the scenario's access key (five bad signatures) before reading. */
  lockedKey?: boolean;
  /** A `Retry-After` the read must wait. */
  retryAfterMs?: number;
  /** Attempts that get no answer, each waiting for the per-attempt timeout. */
  hungAttempts?: 'all' | number;
  expected(mode: CredentialMode): Expected | 'not applicable';
}

const recovered = (failedAttempts: number): Expected => ({ recovered: true, failedAttempts });
const same = (expected: Expected) => () => expected;
const TWENTY_MINUTES = 20 * 60_000;

export const FAULT_CASES: readonly FaultCase[] = [
  { name: '429 with Retry-After 1 s', faults: (route) => [{ route, kind: '429', count: 1, retryAfter: 1 }], retryAfterMs: 1_000, expected: same(recovered(1)) },
  {
    name: '5xx burst: 500, 502, 503',
    faults: (route) => [{ route, kind: '500', count: 1 }, { route, kind: '502', count: 1 }, { route, kind: '503', count: 1 }],
    expected: same(recovered(3)),
  },
  { name: 'lasting 503', faults: (route) => [{ route, kind: '503' }], expected: same({ recovered: false, kind: 'service', status: 503, attempts: 'all' }) },
  { name: 'lasting 504', faults: (route) => [{ route, kind: '504' }], expected: same({ recovered: false, kind: 'service', status: 504, code: 'APIGW.0201', attempts: 'all' }) },
  { name: 'two connection resets', faults: (route) => [{ route, kind: 'reset', count: 2 }], expected: same(recovered(2)) },
  { name: 'lasting resets', faults: (route) => [{ route, kind: 'reset' }], expected: same({ recovered: false, kind: 'network', attempts: 'all' }) },
  { name: 'a truncated body', faults: (route) => [{ route, kind: 'truncate', count: 1 }], expected: same(recovered(1)) },
  { name: 'lasting truncated bodies', faults: (route) => [{ route, kind: 'truncate' }], expected: same({ recovered: false, kind: 'network', attempts: 'all' }) },
  {
    name: 'malformed JSON (200)',
    faults: (route) => [{ route, kind: 'malformed' }],
    expected: same({ recovered: false, kind: 'response-invalid', status: 200, attempts: 1, message: /the response is not JSON/ }),
  },
  { name: 'an HTML error page', faults: (route) => [{ route, kind: 'html', count: 1 }], expected: same(recovered(1)) },
  {
    name: 'lasting HTML error pages',
    faults: (route) => [{ route, kind: 'html' }],
    expected: same({ recovered: false, kind: 'service', status: 502, attempts: 'all', message: /the response is an HTML page, not JSON: "502 Bad Gateway"/ }),
  },
  { name: 'one attempt never answered', faults: (route) => [{ route, kind: 'hang', count: 1 }], hungAttempts: 1, expected: same(recovered(1)) },
  { name: 'never answers', faults: (route) => [{ route, kind: 'hang' }], hungAttempts: 'all', expected: same({ recovered: false, kind: 'timeout', attempts: 'all' }) },
  // The gateway refuses a signature dated more than 15 minutes off; its Date header lets the client correct once.
  // A token carries no date, so it is not affected.
  { name: 'clock 20 minutes ahead', clockOffsetMs: TWENTY_MINUTES, expected: (mode) => recovered(mode === 'token' ? 0 : 1) },
  { name: 'clock 20 minutes behind', clockOffsetMs: -TWENTY_MINUTES, expected: (mode) => recovered(mode === 'token' ? 0 : 1) },
  {
    name: 'a locked access key',
    lockedKey: true,
    expected: (mode) =>
      mode === 'token'
        ? 'not applicable'
        : { recovered: false, kind: 'service', status: 401, code: 'APIGW.0301', attempts: 1, message: /AK access failed to reach the limit/ },
  },
];

/** Whether a case waits out per-attempt timeouts (30 s each with the defaults of the CLI and the data sources). */
export function hangs(faultCase: FaultCase): boolean {
  return faultCase.hungAttempts !== undefined;
}

/** Requests the read sends to its API: the failed attempts, then what a clean read needs (pages). */
export function expectedRequests(expected: Expected, cleanRequests: number, timings: RetryTimings): number {
  return expected.recovered ? expected.failedAttempts + cleanRequests : attemptsOf(expected, timings);
}

export function attemptsOf(expected: Expected & { recovered: false }, timings: RetryTimings): number {
  return expected.attempts === 'all' ? timings.maxAttempts : expected.attempts;
}

/**
 * How long the read may take: at least the `Retry-After` and the hung attempts' timeouts, at most that plus the
 * longest backoff its retries can draw, plus slack. Past the upper bound, something waited that should not have.
 */
export function timeBounds(faultCase: FaultCase, expected: Expected, timings: RetryTimings): { minMs: number; maxMs: number } {
  const retries = expected.recovered ? expected.failedAttempts : attemptsOf(expected, timings) - 1;
  const hung = faultCase.hungAttempts === 'all' ? timings.maxAttempts : (faultCase.hungAttempts ?? 0);
  const minMs = (faultCase.retryAfterMs ?? 0) + hung * timings.requestTimeoutMs;
  return { minMs, maxMs: minMs + longestBackoffMs(retries, timings) + SLACK_MS };
}

/** The outcome as the figures show it. */
export function describeExpected(expected: Expected): string {
  if (expected.recovered) return expected.failedAttempts === 0 ? 'ok, first attempt' : `recovered after ${expected.failedAttempts + 1} attempts`;
  return `${expected.kind}${expected.status ? ` ${expected.status}` : ''}${expected.code ? ` ${expected.code}` : ''}`;
}

/** The five reads, each with its API and the requests a clean read sends (MetaStudio: 250 users, 100 a page). */
export const READ_TARGETS: readonly { name: ReadName; route: RouteName; cleanRequests: number }[] = [
  { name: 'account', route: 'account', cleanRequests: 1 },
  { name: 'project', route: 'project', cleanRequests: 1 },
  { name: 'kms', route: 'kms', cleanRequests: 1 },
  { name: 'sfs-turbo', route: 'sfs-turbo', cleanRequests: 1 },
  { name: 'metastudio', route: 'metastudio', cleanRequests: 3 },
];
