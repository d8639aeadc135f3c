import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../provider/cli/hwquota';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { clearSharedState } from '../support/shared-state';
import { QUOTA_SERVICES } from '../../provider/apis/quota-apis';

const root = join(__dirname, '..', '..');
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => clearSharedState());

async function run(argv: string[], env: NodeJS.ProcessEnv = emulator.env, color = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, color });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'hwquota-check-'));
const requirementsFile = (name: string, requirements: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(requirements));
  return path;
};

describe('hwquota get', () => {
  it.each([
    ['account', 'IAM account quotas, account b933a12c403702918e1c1f0c738433a3', /mapping\s+10\s+unknown\s+unknown\s+10\s+100/],
    ['project', 'IAM project quotas, project 0dea2644dc80d5d22ff1c01e3ebea6fc', /project\s+10\s+4\s+6/],
    ['kms', 'KMS quotas, region cn-north-4, project 0dea2644dc80d5d22ff1c01e3ebea6fc', /CMK\s+20\s+20\s+0/],
    ['sfs-turbo', 'SFS Turbo quotas, region cn-north-4, project 0dea2644dc80d5d22ff1c01e3ebea6fc', /capacity\s+20\s+0\s+20\s+GB/],
    ['metastudio', 'MetaStudio user quotas, region cn-north-4, project 0dea2644dc80d5d22ff1c01e3ebea6fc, 250 users', /unlimited/],
  ])('%s prints an aligned table', async (service, title, row) => {
    const { code, stdout, stderr } = await run(['get', service]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(title);
    expect(stdout).toMatch(row);
  });

  it.each(['account', 'project', 'kms', 'sfs-turbo', 'metastudio'])('%s prints the result object with --output json', async (service) => {
    const { code, stdout } = await run(['get', service, '--output', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toHaveProperty(service === 'metastudio' ? 'users' : 'resources');
  });

  it('takes scope flags and highlights short headroom only with colour', async () => {
    const dev = await run(['get', 'kms', '--project-name', 'cn-north-4_dev', '--output', 'json']);
    expect(JSON.parse(dev.stdout).projectId).toBe('34bdce22bc00d4d4402427d1aa0ae49a');
    expect((await run(['get', 'account', '--type', 'user'])).stdout).not.toContain('group');
    expect((await run(['get', 'kms'], emulator.env, true)).stdout).toContain('\u001b[31mCMK');
    expect((await run(['get', 'kms'])).stdout).not.toContain('\u001b[');
  });

  it('honours --endpoint over the environment', async () => {
    const { HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: _, ...env } = emulator.env;
    const { code, stdout } = await run(['get', 'kms', '--endpoint', `kms=${emulator.url}/kms/cn-north-4`, '--output', 'json'], { ...env, HWQUOTA_METADATA_URL: 'off' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).region).toBe('cn-north-4');
  });

  it('reports errors on one line with kind, code, status and request id, exit 2', async () => {
    const forbidden = await run(['get', 'metastudio'], { ...emulator.env, HUAWEICLOUD_SDK_AK: 'HPUAEMULATORUSER0001', HUAWEICLOUD_SDK_SK: 'EmulatorUserSecretKey0000000000000000001' });
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toMatch(/^hwquota: service: MSS\.00000005: .*HTTP 403.*request id \S+.*\n$/);
    expect(forbidden.stderr.split('\n')).toHaveLength(2);
    const usage = await run(['get', 'rds']);
    expect(usage).toMatchObject({ code: 2, stderr: `hwquota: usage: hwquota get takes one API: ${QUOTA_SERVICES.join(', ')}\n` });
    expect((await run(['get', 'kms', '--regoin', 'x'])).stderr).toMatch(/^hwquota: usage: unknown option --regoin \(did you mean "--region"\?\)/);
    expect((await run(['get', 'kms', '--region', 'north'])).stderr).toMatch(/^hwquota: invalid-argument: region: must be a Huawei Cloud region ID/);
    const noCredentials = await run(['get', 'kms'], { HW_REGION_NAME: 'cn-north-4', HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent', HWQUOTA_METADATA_URL: 'off' });
    expect(noCredentials.stderr).toMatch(/^hwquota: missing-credentials: no Huawei Cloud credentials found/);
    expect((await run(['get', 'kms', '--region', 'north', '--debug'])).stderr).toMatch(/\n\s+at /);
  });

  it('prints help for every command', async () => {
    for (const argv of [['--help'], ['get', '--help'], ['check', '--help'], ['emulator', '--help']]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: hwquota/);
    }
  });
});

describe('hwquota check', () => {
  it('exits 0 when every requirement is met', async () => {
    const file = requirementsFile('met.json', [{ service: 'kms', type: 'grant_per_CMK', need: 10 }, { service: 'sfs-turbo', type: 'shares', need: 5 }]);
    const { code, stdout } = await run(['check', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SERVICE\s+SCOPE\s+TYPE\s+NEED\s+HEADROOM\s+SHORTFALL\s+STATUS\n/);
    expect(stdout).toContain('All 2 requirements are met.');
  });

  it('exits 1 when any is not, with the shortfall, and prints {ok, checks} as JSON', async () => {
    const file = requirementsFile('short.json', { requirements: [{ service: 'kms', type: 'CMK', need: 3 }, { service: 'account', type: 'mapping', need: 1 }] });
    const table = await run(['check', file]);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/kms\s+kms cn-north-4 project \S+\s+CMK\s+3\s+0\s+3\s+SHORT/);
    expect(table.stdout).toContain('NOT MET: usage is unknown');
    expect(table.stdout).toContain('2 of 2 requirements are not met.');
    const json = await run(['check', file, '--output', 'json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; checks: { shortfall: number | null }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.checks.map((c) => c.shortfall)).toEqual([3, null]);
  });

  it('reads a sub-project named by projectName', async () => {
    const file = requirementsFile('dev.json', [{ service: 'kms', type: 'CMK', need: 1, projectName: 'cn-north-4_dev' }]);
    const { code, stdout } = await run(['check', file]);
    expect(stdout).toMatch(/^kms\s+kms cn-north-4 project 34bdce22bc00d4d4402427d1aa0ae49a\s+CMK\s+1\s+\d+\s+0\s+ok$/m);
    expect(code).toBe(0);
  });

  it('exits 2 on a bad file, naming it and the entry', async () => {
    const bad = requirementsFile('bad.json', [{ service: 'kms', type: 'CMK', need: -1 }]);
    expect(await run(['check', bad])).toMatchObject({ code: 2, stderr: `hwquota: invalid-argument: ${bad}: requirements[0].need: must be a finite number ≥ 0\n` });
    expect((await run(['check', join(dir, 'none.json')])).code).toBe(2);
    expect((await run(['check'])).stderr).toBe('hwquota: usage: hwquota check takes one FILE\n');
  });
});

describe('the hwquota bin as a subprocess', () => {
  const exec = promisify(execFile);
  const bin = (args: string[]) =>
    exec(process.execPath, [join(root, 'dist/cli/hwquota.js'), ...args], { env: { PATH: process.env.PATH, ...emulator.env } }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('gets, checks and reports errors with the right exit codes', async () => {
    const got = await bin(['get', 'sfs-turbo', '--output', 'json']);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout).resources).toHaveLength(2);
    const short = await bin(['check', requirementsFile('bin.json', [{ service: 'kms', type: 'CMK', need: 1 }])]);
    expect(short.code).toBe(1);
    const bad = await bin(['get', 'kms', '--output', 'yaml']);
    expect(bad).toMatchObject({ code: 2, stderr: 'hwquota: usage: --output takes table or json; got "yaml"\n' });
  });

  it('ends quietly with its own exit code when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [join(root, 'dist/cli/hwquota.js'), 'get', 'metastudio'], { env: { PATH: process.env.PATH, ...emulator.env } });
    child.stdout.destroy(); // as `| head -0` does: every write of the bin now fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number];
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
