import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { main } from '../../provider/cli/hwquota';
import { clearSharedState } from '../support/shared-state';
import { startTestServer, type TestServer } from '../support/test-server';

// `--timeout S` bounds each read, retries included, against a server that never answers (the default is 90 s).

let silent: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'hwquota-timeout-'));
const requirements = join(dir, 'requirements.json');
beforeAll(async () => {
  silent = await startTestServer(() => {});
  writeFileSync(requirements, JSON.stringify([{ service: 'kms', type: 'CMK', need: 1 }]));
});
afterAll(async () => {
  await silent.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => clearSharedState());

async function hwquota(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { HW_AUTH_TOKEN: 'a-token', HW_REGION_NAME: 'cn-north-4', HW_PROJECT_ID: '0dea2644dc80d5d22ff1c01e3ebea6fc' };
  const started = performance.now();
  const code = await main([...argv, '--endpoint', `kms=${silent.url}`], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    color: false,
  });
  return { code, stdout, stderr, elapsedMs: performance.now() - started };
}

it.each([
  ['get', ['get', 'kms']],
  ['check', ['check', requirements]],
])('hwquota %s --timeout 0.4 gives up on a silent server after 0.4 s, with a timeout error', { timeout: 10_000 }, async (command, argv) => {
  const before = silent.requests.length;
  const run = await hwquota([...argv, '--timeout', '0.4']);
  // `check` names the file and the entry whose read timed out.
  const where = command === 'check' ? `${requirements.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: requirements\\[0\\]: ` : '';
  expect(run.stderr).toMatch(new RegExp(`^hwquota: timeout: ${where}GET .*kms/user-quotas: no answer within the overall deadline of 400 ms \\(1 attempt\\)\\n$`));
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.elapsedMs).toBeGreaterThanOrEqual(390);
  expect(run.elapsedMs).toBeLessThan(3_000);
  expect(silent.requests.length - before).toBe(1);
});

it.each(['0', '-1', 'soon', '1e3', '', '2147484', 'Infinity'])('--timeout %j is a usage error naming the flag and what it takes, before any request', async (value) => {
  const before = silent.requests.length;
  const run = await hwquota(['get', 'kms', `--timeout=${value}`]);
  expect(run.stderr).toBe(`hwquota: usage: --timeout takes seconds, a number above 0 and at most 2147483; got ${JSON.stringify(value)}\n`);
  expect(run.code).toBe(2);
  expect(silent.requests.length).toBe(before);
});
