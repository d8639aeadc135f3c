import { afterAll, beforeAll, describe, expect as fileExpect, it, vi } from 'vitest';
import { emptyRequestCounts } from '../../../provider/emulator/router';
import { cliEnvironment, CREDENTIAL_MODES } from '../support/credential-modes';
import { lockAccessKey } from '../support/lock-access-key';
import { expectNoSecrets, SECURITY_TOKEN } from '../support/recognisable-secrets';
import { TEMPORARY_ACCESS_KEY } from '../support/reliability-state';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { DEFAULT_TIMINGS } from '../support/retry-timings';
import { cliErrorKind, runCli } from '../support/run-cli';
import { captureProcessStderr } from '../support/stderr-capture';
import { requestCounter, withEmulator } from '../support/with-emulator';
import { attemptsOf, describeExpected, expectedRequests, FAULT_CASES, hangs, READ_TARGETS, timeBounds } from './fault-cases';
import { MatrixFigures } from './matrix-figures';

// `hwquota get SERVICE --output json --debug` with HWQUOTA_DEBUG=1, against every fault, with the CLI's own (default)
// timings. Cases that wait out 30 s per-attempt timeouts are in deadline.test.ts, run in the long run.

const figures = new MatrixFigures('Fault matrix: hwquota get (default timings: base 200 ms, max 10 s, 4 attempts)');
let debugLog: ReturnType<typeof captureProcessStderr>;
beforeAll(() => {
  debugLog = captureProcessStderr();
});
afterAll(() => {
  debugLog.restore();
  figures.print();
  // One HWQUOTA_DEBUG line per attempt, headers redacted, no secret in any of them.
  fileExpect(debugLog.text()).toMatch(/^hwquota: GET http:\/\/127\.0\.0\.1:\d+\/kms\/cn-north-4\/v1\.0\/\w+\/kms\/user-quotas -> 503 .*"Authorization":"\[redacted\]"/m);
  fileExpect(debugLog.text()).toMatch(/"X-Auth-Token":"\[redacted\]"/);
  expectNoSecrets(debugLog.text(), 'the HWQUOTA_DEBUG log');
});

// Each case has an emulator of its own; most of a case's time is spent waiting, so many can run at once.
vi.setConfig({ maxConcurrency: 25 });

const cases = FAULT_CASES.filter((faultCase) => !hangs(faultCase)).flatMap((faultCase) =>
  READ_TARGETS.flatMap((read) =>
    CREDENTIAL_MODES.map((mode) => ({ fault: faultCase.name, read: read.name, mode, faultCase, target: read, expected: faultCase.expected(mode) })),
  ),
).filter((row) => row.expected !== 'not applicable');

describe.concurrent('hwquota get under every emulator fault', () => {
  it.for(cases)('$fault: $read with $mode', { timeout: 20_000 }, async ({ faultCase, target, mode, expected }, { expect }) => {
    if (expected === 'not applicable') return;
    await withEmulator({ faults: faultCase.faults?.(target.route) ?? [], clockOffsetMs: faultCase.clockOffsetMs }, async (emulator) => {
      if (faultCase.lockedKey) await lockAccessKey(emulator, TEMPORARY_ACCESS_KEY, SECURITY_TOKEN);
      const counter = requestCounter(emulator);
      const run = await runCli(['get', target.name, '--output', 'json', '--debug'], { ...cliEnvironment(emulator, mode), HWQUOTA_DEBUG: '1' });

      const requests = expectedRequests(expected, target.cleanRequests, DEFAULT_TIMINGS);
      expect(counter.since()).toEqual({ ...emptyRequestCounts(), [target.route]: requests });
      if (expected.recovered) {
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(shapeProblem(RESULT_SHAPES[target.name], JSON.parse(run.stdout))).toBeUndefined();
      } else {
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(cliErrorKind(run.stderr)).toBe(expected.kind);
        const [firstLine, ...stack] = run.stderr.split('\n');
        if (expected.status && expected.kind === 'service') expect(firstLine).toContain(`HTTP ${expected.status}`);
        if (expected.code) expect(firstLine).toContain(expected.code);
        if (expected.message) expect(firstLine).toMatch(expected.message);
        const attempts = attemptsOf(expected, DEFAULT_TIMINGS);
        if (expected.kind !== 'response-invalid') expect(firstLine).toContain(attempts === 1 ? '1 attempt' : `${attempts} attempts`);
        // --debug adds the stack.
        expect(stack.join('\n')).toMatch(/^HuaweiCloudError: [\s\S]*\n {4}at /);
      }
      const { minMs, maxMs } = timeBounds(faultCase, expected, DEFAULT_TIMINGS);
      expect(run.elapsedMs).toBeGreaterThanOrEqual(minMs - 25);
      expect(run.elapsedMs).toBeLessThan(maxMs);
      expectNoSecrets(run.stdout, 'stdout');
      expectNoSecrets(run.stderr, 'stderr');
      figures.add({ fault: faultCase.name, read: target.name, mode, outcome: describeExpected(expected), requests, elapsedMs: run.elapsedMs, boundMs: maxMs });
    });
  });
});
