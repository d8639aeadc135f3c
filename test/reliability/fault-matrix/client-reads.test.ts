import { afterAll, describe, it, vi } from 'vitest';
import { createQuotaClient, HuaweiCloudError } from '../../../provider/client';
import { emptyRequestCounts } from '../../../provider/emulator/router';
import { credentialOptions, CREDENTIAL_MODES, environmentWithSecrets } from '../support/credential-modes';
import { lockAccessKey } from '../support/lock-access-key';
import { expectNoSecrets, SECURITY_TOKEN } from '../support/recognisable-secrets';
import { TEMPORARY_ACCESS_KEY } from '../support/reliability-state';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { settle } from '../support/settle';
import { requestCounter, withEmulator } from '../support/with-emulator';
import { attemptsOf, describeExpected, expectedRequests, FAULT_CASES, READ_TARGETS, timeBounds } from './fault-cases';
import { MatrixFigures } from './matrix-figures';
import { readWith } from './read-with';

// Every read of createQuotaClient against every fault, in both credential modes, with small retry delays and a 1 s
// per-attempt timeout: the exact requests each read sends, its outcome, and its time within computed bounds.

const figures = new MatrixFigures('Fault matrix: createQuotaClient, fast retries (base 5 ms, max 20 ms, 1 s per attempt, 4 attempts)');
afterAll(() => figures.print());

// Each case has an emulator of its own; most of a case's time is spent waiting, so many can run at once.
vi.setConfig({ maxConcurrency: 25 });

const cases = FAULT_CASES.flatMap((faultCase) =>
  READ_TARGETS.flatMap((read) =>
    CREDENTIAL_MODES.map((mode) => ({ fault: faultCase.name, read: read.name, mode, faultCase, target: read, expected: faultCase.expected(mode) })),
  ),
).filter((row) => row.expected !== 'not applicable');

describe.concurrent('createQuotaClient under every emulator fault', () => {
  it.for(cases)('$fault: $read with $mode', { timeout: 20_000 }, async ({ faultCase, target, mode, expected }, { expect }) => {
    if (expected === 'not applicable') return;
    await withEmulator({ faults: faultCase.faults?.(target.route) ?? [], clockOffsetMs: faultCase.clockOffsetMs }, async (emulator) => {
      if (faultCase.lockedKey) await lockAccessKey(emulator, TEMPORARY_ACCESS_KEY, SECURITY_TOKEN);
      const log: string[] = [];
      const client = createQuotaClient({ ...credentialOptions(mode), ...FAST_TIMINGS, cacheTtlMs: 0, env: environmentWithSecrets(emulator), logger: (line) => log.push(line) });
      const counter = requestCounter(emulator);
      const outcome = await settle(() => readWith(client, target.name));
      await client.close();

      // The read's own API and nothing else: the scope came from the environment, so no lookup either.
      const requests = expectedRequests(expected, target.cleanRequests, FAST_TIMINGS);
      expect(counter.since()).toEqual({ ...emptyRequestCounts(), [target.route]: requests });
      expect(log).toHaveLength(requests);
      if (expected.recovered) {
        expect(outcome.ok ? shapeProblem(RESULT_SHAPES[target.name], outcome.value) : outcome.error).toBeUndefined();
      } else {
        expect(outcome.ok).toBe(false);
        const error = (outcome as { error: unknown }).error;
        expect(error).toBeInstanceOf(HuaweiCloudError);
        expect(error).toMatchObject({ kind: expected.kind, attempts: attemptsOf(expected, FAST_TIMINGS), ...(expected.status && { status: expected.status }), ...(expected.code && { code: expected.code }) });
        if (expected.message) expect((error as Error).message).toMatch(expected.message);
      }
      const { minMs, maxMs } = timeBounds(faultCase, expected, FAST_TIMINGS);
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(minMs - 25);
      expect(outcome.elapsedMs - outcome.stolenMs, `${outcome.elapsedMs} ms, ${outcome.stolenMs} of them stolen by the machine`).toBeLessThan(maxMs);

      expectNoSecrets(outcome.ok ? outcome.value : outcome.error, 'the outcome');
      expectNoSecrets(log.join('\n'), 'the debug log');
      expect(log.join('\n')).toContain('[redacted]');
      figures.add({ fault: faultCase.name, read: target.name, mode, outcome: describeExpected(expected), requests, elapsedMs: outcome.elapsedMs, boundMs: maxMs });
    });
  });
});
