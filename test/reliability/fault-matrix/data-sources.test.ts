import { afterAll, beforeAll, describe, expect as fileExpect, it, vi } from 'vitest';
import { HuaweiCloudError } from '../../../provider/client';
import { emptyRequestCounts } from '../../../provider/emulator/router';
import { credentialOptions, CREDENTIAL_MODES } from '../support/credential-modes';
import { readDataSource } from '../support/data-source-read';
import { lockAccessKey } from '../support/lock-access-key';
import { expectNoSecrets, SECURITY_TOKEN } from '../support/recognisable-secrets';
import { TEMPORARY_ACCESS_KEY } from '../support/reliability-state';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { DEFAULT_TIMINGS, SLACK_MS } from '../support/retry-timings';
import { settle } from '../support/settle';
import { captureProcessStderr } from '../support/stderr-capture';
import { requestCounter, withEmulator } from '../support/with-emulator';
import { attemptsOf, describeExpected, expectedRequests, FAULT_CASES, hangs, READ_TARGETS, timeBounds } from './fault-cases';
import { MatrixFigures } from './matrix-figures';
import { setEngineLikeMocks } from '../../support/engine-monitor-mocks';

// The Pulumi data sources (getAccountQuotas ... getMetaStudioUserQuotas) against every fault. They take no timing
// settings, so they run with the defaults; a server that never answers is bounded here by the caller's signal, and
// by the 90 s deadline in deadline.test.ts (long run). Pulumi mocks and HWQUOTA_DEBUG are process-wide: this file owns them.

const figures = new MatrixFigures('Fault matrix: Pulumi data sources getX (default timings)');
const HANG_SIGNAL_MS = 400;
let debugLog: ReturnType<typeof captureProcessStderr>;
beforeAll(async () => {
  await setEngineLikeMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, 'reliability', 'dev', false);
  process.env.HWQUOTA_DEBUG = '1';
  debugLog = captureProcessStderr();
});
afterAll(() => {
  debugLog.restore();
  delete process.env.HWQUOTA_DEBUG;
  figures.print();
  fileExpect(debugLog.text()).toMatch(/^hwquota: GET .* -> 503 .*"Authorization":"\[redacted\]"/m);
  expectNoSecrets(debugLog.text(), 'the HWQUOTA_DEBUG log');
});

// Each case has an emulator of its own; most of a case's time is spent waiting, so many can run at once.
vi.setConfig({ maxConcurrency: 25 });

const cases = FAULT_CASES.flatMap((faultCase) =>
  READ_TARGETS.flatMap((read) =>
    CREDENTIAL_MODES.map((mode) => ({ fault: faultCase.name, read: read.name, mode, faultCase, target: read, expected: faultCase.expected(mode) })),
  ),
)
  // One attempt that never answers costs the default 30 s per-attempt timeout: long run only.
  .filter((row) => row.expected !== 'not applicable' && !(hangs(row.faultCase) && row.expected.recovered));

describe.concurrent('the data sources under every emulator fault', () => {
  it.for(cases)('$fault: $read with $mode', { timeout: 20_000 }, async ({ faultCase, target, mode, expected }, { expect }) => {
    if (expected === 'not applicable') return;
    await withEmulator({ faults: faultCase.faults?.(target.route) ?? [], clockOffsetMs: faultCase.clockOffsetMs }, async (emulator) => {
      if (faultCase.lockedKey) await lockAccessKey(emulator, TEMPORARY_ACCESS_KEY, SECURITY_TOKEN);
      const counter = requestCounter(emulator);
      const signal = hangs(faultCase) ? AbortSignal.timeout(HANG_SIGNAL_MS) : undefined;
      const outcome = await settle(() => readDataSource(target.name, emulator, credentialOptions(mode), signal));

      if (signal) {
        // The caller's signal ends a read the server never answers: one attempt, a timeout, on time.
        expect(counter.since()).toEqual({ ...emptyRequestCounts(), [target.route]: 1 });
        expect(outcome.ok ? outcome.value : outcome.error).toMatchObject({ kind: 'timeout', attempts: 1 });
        expect(outcome.elapsedMs).toBeGreaterThanOrEqual(HANG_SIGNAL_MS - 25);
        expect(outcome.elapsedMs - outcome.stolenMs, `${outcome.elapsedMs} ms, ${outcome.stolenMs} of them stolen by the machine`).toBeLessThan(HANG_SIGNAL_MS + SLACK_MS);
        figures.add({ fault: `${faultCase.name} (caller's signal, ${HANG_SIGNAL_MS} ms)`, read: target.name, mode, outcome: 'timeout', requests: 1, elapsedMs: outcome.elapsedMs, boundMs: HANG_SIGNAL_MS + SLACK_MS });
        return;
      }
      const requests = expectedRequests(expected, target.cleanRequests, DEFAULT_TIMINGS);
      expect(counter.since()).toEqual({ ...emptyRequestCounts(), [target.route]: requests });
      if (expected.recovered) {
        expect(outcome.ok ? shapeProblem(RESULT_SHAPES[target.name], outcome.value) : outcome.error).toBeUndefined();
      } else {
        const error = outcome.ok ? undefined : outcome.error;
        expect(error).toBeInstanceOf(HuaweiCloudError);
        expect(error).toMatchObject({ kind: expected.kind, attempts: attemptsOf(expected, DEFAULT_TIMINGS), ...(expected.status && { status: expected.status }), ...(expected.code && { code: expected.code }) });
        if (expected.message) expect((error as Error).message).toMatch(expected.message);
      }
      const { minMs, maxMs } = timeBounds(faultCase, expected, DEFAULT_TIMINGS);
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(minMs - 25);
      expect(outcome.elapsedMs - outcome.stolenMs, `${outcome.elapsedMs} ms, ${outcome.stolenMs} of them stolen by the machine`).toBeLessThan(maxMs);
      expectNoSecrets(outcome.ok ? outcome.value : outcome.error, 'the outcome');
      figures.add({ fault: faultCase.name, read: target.name, mode, outcome: describeExpected(expected), requests, elapsedMs: outcome.elapsedMs, boundMs: maxMs });
    });
  });
});
