import { beforeAll, describe, it } from 'vitest';
import { DEFAULTS } from '../../../provider/client-options';
import { emptyRequestCounts } from '../../../provider/emulator/router';
import { cliEnvironment, credentialOptions } from '../support/credential-modes';
import { readDataSource } from '../support/data-source-read';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { isLongRun } from '../support/reliability-runs';
import { SLACK_MS } from '../support/retry-timings';
import { cliErrorKind, runCli } from '../support/run-cli';
import { settle } from '../support/settle';
import { requestCounter, withEmulator } from '../support/with-emulator';
import { setEngineLikeMocks } from '../../support/engine-monitor-mocks';

// The CLI and the data sources take no timing settings: against a server that never answers, what bounds them is the
// default 30 s per attempt and the 90 s overall deadline. Proving that takes 90 s, so only the long run does
// (RELIABILITY_RUNS above 200); fault-matrix/client-reads proves the same logic with short timeouts on every run.

const { requestTimeoutMs, deadlineMs } = DEFAULTS;
/** Attempts that start before the deadline: each waits 30 s, plus at most 200 and 400 ms of backoff between them. */
const ATTEMPTS_BEFORE_DEADLINE = Math.ceil(deadlineMs / requestTimeoutMs);

beforeAll(() => setEngineLikeMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, 'reliability', 'dev', false));

describe.runIf(isLongRun()).concurrent('a server that never answers, with the default timings (long run only)', () => {
  it('hwquota get ends at the 90 s deadline with a timeout', { timeout: deadlineMs + 30_000 }, async ({ expect }) => {
    await withEmulator({ faults: [{ route: 'kms', kind: 'hang' }] }, async (emulator) => {
      const counter = requestCounter(emulator);
      const run = await runCli(['get', 'kms'], cliEnvironment(emulator, 'temporary keys'));
      expect(run.code).toBe(2);
      expect(cliErrorKind(run.stderr)).toBe('timeout');
      expect(run.stderr).toContain(`no answer within the overall deadline of ${deadlineMs} ms`);
      expect(counter.since()).toEqual({ ...emptyRequestCounts(), kms: ATTEMPTS_BEFORE_DEADLINE });
      expect(run.elapsedMs).toBeGreaterThanOrEqual(deadlineMs - 25);
      expect(run.elapsedMs).toBeLessThan(deadlineMs + SLACK_MS);
      expectNoSecrets(run.stderr, 'stderr');
    });
  });

  it('a data source ends at the 90 s deadline with a timeout', { timeout: deadlineMs + 30_000 }, async ({ expect }) => {
    await withEmulator({ faults: [{ route: 'sfs-turbo', kind: 'hang' }] }, async (emulator) => {
      const counter = requestCounter(emulator);
      const outcome = await settle(() => readDataSource('sfs-turbo', emulator, credentialOptions('token')));
      expect(outcome.ok ? outcome.value : outcome.error).toMatchObject({ kind: 'timeout', attempts: ATTEMPTS_BEFORE_DEADLINE, retryable: false });
      expect(counter.since()).toEqual({ ...emptyRequestCounts(), 'sfs-turbo': ATTEMPTS_BEFORE_DEADLINE });
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(deadlineMs - 25);
      expect(outcome.elapsedMs - outcome.stolenMs, `${outcome.elapsedMs} ms, ${outcome.stolenMs} of them stolen by the machine`).toBeLessThan(deadlineMs + SLACK_MS);
    });
  });

  it('hwquota get recovers after one unanswered attempt, 30 s later', { timeout: deadlineMs }, async ({ expect }) => {
    await withEmulator({ faults: [{ route: 'project', kind: 'hang', count: 1 }] }, async (emulator) => {
      const run = await runCli(['get', 'project', '--output', 'json'], cliEnvironment(emulator, 'token'));
      expect(run.code).toBe(0);
      expect(shapeProblem(RESULT_SHAPES.project, JSON.parse(run.stdout))).toBeUndefined();
      expect(emulator.requests.project).toBe(2);
      expect(run.elapsedMs).toBeGreaterThanOrEqual(requestTimeoutMs - 25);
      expect(run.elapsedMs).toBeLessThan(requestTimeoutMs + 200 + SLACK_MS);
    });
  });

  it('a data source recovers after one unanswered attempt, 30 s later', { timeout: deadlineMs }, async ({ expect }) => {
    await withEmulator({ faults: [{ route: 'metastudio', kind: 'hang', count: 1 }] }, async (emulator) => {
      const outcome = await settle(() => readDataSource('metastudio', emulator, credentialOptions('temporary keys')));
      expect(outcome.ok ? shapeProblem(RESULT_SHAPES.metastudio, outcome.value) : outcome.error).toBeUndefined();
      expect(emulator.requests.metastudio).toBe(4);
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(requestTimeoutMs - 25);
      expect(outcome.elapsedMs - outcome.stolenMs, `${outcome.elapsedMs} ms, ${outcome.stolenMs} of them stolen by the machine`).toBeLessThan(requestTimeoutMs + 200 + SLACK_MS);
    });
  });
});
