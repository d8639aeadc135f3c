import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { clearSharedState } from '../../support/shared-state';
import { cliEnvironment } from '../support/credential-modes';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { reliabilityState } from '../support/reliability-state';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { cliErrorKind, runCli } from '../support/run-cli';
import { serveEmulatorCli, type ServedEmulator } from '../support/serve-emulator-cli';

// The emulator as a user starts it (`hwquota emulator --https --clock-offset 20m --fault ... --state FILE`, from the
// built package, in its own process), read by `hwquota get`: its log line per request shows where each attempt went.

const dir = mkdtempSync(join(tmpdir(), 'hwquota-reliability-'));
const served: ServedEmulator[] = [];
afterAll(async () => {
  for (const emulator of served.splice(0)) await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('a throttled answer, then a clock 20 minutes off, over TLS trusted through OS_CACERT: recovered in three attempts', { timeout: 30_000 }, async () => {
  const stateFile = join(dir, 'state.json');
  writeFileSync(stateFile, JSON.stringify(reliabilityState()));
  const emulator = await serveEmulatorCli(['--https', '--state', stateFile, '--clock-offset', '20m', '--fault', 'kms=429,count=1,retryAfter=1']);
  served.push(emulator);
  expect(emulator.env.HWQUOTA_EMULATOR_URL).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const env = cliEnvironment(emulator, 'temporary keys');

  const run = await runCli(['get', 'kms', '--output', 'json'], env);
  expect(run.code).toBe(0);
  expect(shapeProblem(RESULT_SHAPES.kms, JSON.parse(run.stdout))).toBeUndefined();
  // Retry-After: 1 was waited; the 401 of the skewed clock was retried at once, with the corrected date.
  expect(run.elapsedMs).toBeGreaterThanOrEqual(975);
  expect(run.elapsedMs).toBeLessThan(1_000 + 2_000);

  // Reads are shared in a process for 60 s: forget this one, so that the next run connects again.
  clearSharedState();
  const { OS_CACERT: caFile, ...untrusting } = env;
  const refused = await runCli(['get', 'kms'], untrusting);
  expect(refused.code).toBe(2);
  expect(cliErrorKind(refused.stderr)).toBe('network');

  expect(await emulator.stop()).toBe(0);
  const kmsLines = emulator.log().split('\n').filter((line) => line.includes('/kms/cn-north-4/'));
  expect(kmsLines.map((line) => /\[(kms(?:, fault \w+)?)\] -> (\d+)/.exec(line)?.slice(1).join(' '))).toEqual(['kms, fault 429 429', 'kms 401', 'kms 200']);
  expect(existsSync(caFile!)).toBe(false);
  expectNoSecrets(emulator.log(), "the emulator's request log");
  expectNoSecrets(run.stderr + refused.stderr, 'the CLI output');
});
