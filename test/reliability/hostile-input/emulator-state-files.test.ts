import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError } from '../../../provider/client';
import { EmulatorStateError, EmulatorStateSchema, readStateFile, startEmulator, type EmulatorState } from '../../../provider/emulator';
import { within } from '../support/deadline';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { propertyRuns, propertyTimeoutMs } from '../support/reliability-runs';
import { reliabilityState } from '../support/reliability-state';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { runCli } from '../support/run-cli';
import { settle } from '../support/settle';
import { deeplyNested, hostileKey, hostileString } from './arbitraries';
import { OutcomeTally } from './outcome-tally';

// Emulator state files (`hwquota emulator --state FILE`): a file is either read into a state the schema accepts, on
// which the emulator starts and answers, or refused with an EmulatorStateError naming the file and the place in it;
// `hwquota emulator --state` then exits 2 before serving.

const dir = mkdtempSync(join(tmpdir(), 'hwquota-reliability-state-'));
const tally = new OutcomeTally('Hostile emulator state files: outcomes');
afterAll(() => {
  tally.print();
  rmSync(dir, { recursive: true, force: true });
});

/** Trimmed to 20 MetaStudio users so that each case reads and checks a small file. */
function baseState(): EmulatorState {
  const state = reliabilityState();
  state.accounts[0]!.metaStudioUsers.splice(20);
  return state;
}

/** Every object and array inside the state, for a mutation to land in. */
function containers(value: unknown, found: object[] = []): object[] {
  if (value !== null && typeof value === 'object') {
    found.push(value);
    for (const child of Object.values(value)) containers(child, found);
  }
  return found;
}

const DEEP = '\u0000DEEP\u0000';
const mutation = fc.record({
  at: fc.nat(),
  key: fc.oneof(hostileKey, fc.constantFrom('id', 'region', 'quota', 'used', 'accessKey', 'secretKey', 'projects', 'accounts', 'expiresAt', 'parentId', 'user_id')),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString, fc.constantFrom(-1, 1e308, 2 ** 53 + 2, 0.5, DEEP, '1e400')),
});

/** A state file's text: the built-in state with one to three hostile changes, random JSON, or not JSON at all. */
const stateText = fc.oneof(
  { weight: 1, arbitrary: fc.constant(baseState()).map((state) => JSON.stringify(state)) },
  {
    weight: 6,
    arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
      const state = baseState();
      for (const { at, key, value } of mutations) {
        const targets = containers(state);
        Object.defineProperty(targets[at % targets.length], key, { value, enumerable: true, configurable: true, writable: true });
      }
      return JSON.stringify(state).split(JSON.stringify(DEEP)).join(deeplyNested(20_000)).split('"1e400"').join('1e400');
    }),
  },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: hostileString },
);

it('state files: a state the emulator serves, or an EmulatorStateError and exit 2', { timeout: propertyTimeoutMs(250) }, async () => {
  const prototypes = prototypeSnapshot();
  let index = 0;
  await fc.assert(
    fc.asyncProperty(stateText, async (text) => {
      const file = join(dir, `state-${index++}.json`);
      writeFileSync(file, text);
      let state: EmulatorState | undefined;
      try {
        state = readStateFile(file);
      } catch (error) {
        expect(error).toBeInstanceOf(EmulatorStateError);
        expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
      }

      if (!state) {
        const run = await within(10_000, 'hwquota emulator --state', runCli(['emulator', '--state', file], {}));
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(run.stderr.startsWith(`hwquota emulator: --state: ${file}: `)).toBe(true);
        tally.add('refused: EmulatorStateError, exit 2');
      } else {
        expect(EmulatorStateSchema.safeParse(state).success).toBe(true);
        const emulator = await startEmulator({ state });
        try {
          const client = createQuotaClient({ ...FAST_TIMINGS, cacheTtlMs: 0, env: { ...emulator.env, HWQUOTA_METADATA_URL: 'off' } });
          const outcome = await within(10_000, 'a read from the emulator', settle(() => client.kmsQuotas()));
          await client.close();
          if (outcome.ok) expect(shapeProblem(RESULT_SHAPES.kms, outcome.value)).toBeUndefined();
          else expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
          tally.add(`served: ${outcome.ok ? 'valid result' : (outcome.error as HuaweiCloudError).kind}`);
        } finally {
          await emulator.stop();
        }
      }
      expectPrototypesUntouched(prototypes, 'a state file');
    }),
    propertyRuns(),
  );
});
