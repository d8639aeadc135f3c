import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../provider/cli/hwquota';
import { runScanCommand } from '../../provider/cli/scan-command';
import { defaultState, startEmulator, type RunningEmulator } from '../../provider/emulator';
import { clearSharedState } from '../support/shared-state';

const root = join(__dirname, '..', '..');
const USER_KEYS = { HUAWEICLOUD_SDK_AK: 'HPUAEMULATORUSER0001', HUAWEICLOUD_SDK_SK: 'EmulatorUserSecretKey0000000000000000001' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => {
  clearSharedState();
  // Each test starts from the built-in state: KMS CMK 20 of 20 used in cn-north-4.
  emulator.state.accounts = defaultState().accounts;
});

const cnNorth4 = () => emulator.state.accounts[0]!.projects[0]!;
const setCmkUsed = (used: number) => {
  cnNorth4().kmsQuotas.find((quota) => quota.type === 'CMK')!.used = used;
};

async function run(argv: string[], env: NodeJS.ProcessEnv = emulator.env, color = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, color });
  return { code, stdout, stderr };
}

interface JsonScan {
  thresholds: { warn: number; fail: number };
  rows: { service: string; type: string; region?: string; projectId?: string; projectName?: string; quota: number | null; used: number | null; percentUsed: number | null; status: string; userId?: string; users?: number }[];
  errors: { service?: string; region?: string; status: string; kind: string; code?: string; httpStatus?: number; message: string }[];
}
const json = (stdout: string) => JSON.parse(stdout) as JsonScan;

describe('hwquota scan: exit codes against the emulator', () => {
  it('exits 0 when every quota is under --warn', async () => {
    setCmkUsed(5);
    const { code, stdout, stderr } = await run(['scan', '--services', 'kms']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^ok\s+25%\s+kms\s+CMK\s+cn-north-4\s+0dea2644dc80d5d22ff1c01e3ebea6fc\s+20\s+5\s+15$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 quotas in 1 scope: 0 reach --fail 95%, 0 reach --warn 80%.');
  });

  it('exits 3 when a quota reaches --warn (80 % is at it) and none --fail', async () => {
    setCmkUsed(16);
    const { code, stdout } = await run(['scan', '--services', 'kms']);
    expect(code).toBe(3);
    expect(stdout).toMatch(/^WARN\s+80%\s+kms\s+CMK\s/m);
    expect(stdout).toContain('0 reach --fail 95%, 1 reaches --warn 80%.');
  });

  it('exits 1 when a quota reaches --fail (95 % is at it), and the thresholds can be moved', async () => {
    setCmkUsed(19);
    const { code, stdout } = await run(['scan', '--services', 'kms']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL\s+95%\s+kms\s+CMK\s/m);
    expect((await run(['scan', '--services', 'kms', '--fail', '96'])).code).toBe(3);
    expect((await run(['scan', '--services', 'kms', '--warn', '96', '--fail', '100'])).code).toBe(0);
  });

  it('shows a quota of 0 as "zero" with nothing used, and FAIL with something used, never as a percent', async () => {
    cnNorth4().kmsQuotas = [{ type: 'CMK', quota: 0, used: 0 }];
    const zero = await run(['scan', '--services', 'kms', '--output', 'json']);
    expect(zero.code).toBe(0);
    expect(json(zero.stdout).rows).toEqual([expect.objectContaining({ type: 'CMK', quota: 0, used: 0, percentUsed: null, status: 'zero' })]);
    cnNorth4().kmsQuotas = [{ type: 'CMK', quota: 0, used: 1 }];
    clearSharedState();
    const over = await run(['scan', '--services', 'kms']);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/^FAIL\s+-\s+kms\s+CMK\s+cn-north-4\s+\S+\s+0\s+1\s+-1$/m);
  });

  it('lists a region whose project cannot be found, and a read that fails in one region, completes the rest and exits 2 (over 1)', async () => {
    const env = { ...emulator.env, HUAWEICLOUD_SDK_REGION_KMS_EU_WEST_101: `${emulator.url}/kms/cn-north-9` };
    const { code, stdout, stderr } = await run(['scan', '--services', 'kms,sfs-turbo', '--regions', 'cn-north-4,eu-west-101,cn-east-3'], env);
    expect(code).toBe(2);
    // Read where it could be: cn-north-4's CMK is at 100 % (which alone would exit 1), eu-west-101's SFS Turbo.
    expect(stdout).toMatch(/^FAIL\s+100%\s+kms\s+CMK\s+cn-north-4\s/m);
    expect(stdout).toMatch(/^ok\s+0%\s+sfs-turbo\s+shares\s+eu-west-101\s+fefd03d0f5479c9faf101287fbfd0e17\s+400\s+0\s+400$/m);
    expect(stdout).toMatch(/^ERROR\s+-\s+kms\s+-\s+eu-west-101\s+fefd03d0f5479c9faf101287fbfd0e17(\s+-){3}$/m);
    expect(stdout).toMatch(/^ERROR\s+-\s+-\s+-\s+cn-east-3\s+-(\s+-){3}$/m);
    expect(stdout).toContain('6 quotas in 3 scopes: 1 reaches --fail 95%, 0 reach --warn 80%; 2 scopes could not be read.');
    expect(stderr.split('\n').filter(Boolean).sort()).toEqual([
      expect.stringMatching(/^hwquota: invalid-argument: region cn-east-3: region: no project named "cn-east-3" in this account/),
      expect.stringMatching(/^hwquota: service: kms region eu-west-101 project fefd03d0f5479c9faf101287fbfd0e17: APIGW\.0101: .*HTTP 404/),
    ]);
    const errors = json((await run(['scan', '--services', 'kms,sfs-turbo', '--regions', 'cn-north-4,eu-west-101,cn-east-3', '--output', 'json'], env)).stdout).errors;
    expect(errors).toEqual([
      expect.objectContaining({ region: 'cn-east-3', status: 'error', kind: 'invalid-argument' }),
      expect.objectContaining({ service: 'kms', region: 'eu-west-101', status: 'error', kind: 'service', code: 'APIGW.0101', httpStatus: 404 }),
    ]);
  });

  it('lists an API the credentials may not read as DENIED with the service\'s reason, and exits 2', async () => {
    setCmkUsed(1);
    const { code, stdout, stderr } = await run(['scan', '--services', 'kms,metastudio', '--output', 'json'], { ...emulator.env, ...USER_KEYS });
    expect(code).toBe(2);
    const scan = json(stdout);
    expect(scan.rows.map((r) => r.type)).toEqual(['CMK', 'grant_per_CMK']);
    expect(scan.errors).toEqual([expect.objectContaining({ service: 'metastudio', region: 'cn-north-4', status: 'denied', kind: 'service', code: 'MSS.00000005', httpStatus: 403 })]);
    expect(stderr).toMatch(/^hwquota: service: metastudio region cn-north-4 project \w+: MSS\.00000005: Forbidden: only the account itself/);
  });

  it('exits 2 at once, reading nothing, on a bad command line', async () => {
    const before = { ...emulator.requests };
    for (const [argv, message] of [
      [['scan', '--warn', '90', '--fail', '80'], 'hwquota: usage: --warn (90) must not be above --fail (80)\n'],
      [['scan', '--output', 'yaml'], 'hwquota: usage: --output takes table, json, csv, openmetrics; got "yaml"\n'],
      [['scan', '--region', 'cn-north-4'], /^hwquota: usage: unknown option --region \(did you mean "--regions"\?\)/],
      [['scan', 'kms'], 'hwquota: usage: hwquota scan takes no arguments, only options; got "kms"\n'],
      [['scan', '--adaptive-rate', 'maybe'], 'hwquota: usage: --adaptive-rate takes on or off; got "maybe"\n'],
      [['scan', '--concurrency', '100'], 'hwquota: usage: --concurrency takes a whole number from 1 to 64; got "100"\n'],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      if (typeof message === 'string') expect(result.stderr).toBe(message);
      else expect(result.stderr).toMatch(message);
    }
    const { HW_REGION_NAME: _, ...noRegion } = emulator.env;
    expect((await run(['scan'], noRegion)).stderr).toBe('hwquota: usage: --regions: no region given and HW_REGION_NAME is not set; pass --regions R[,R...] or --regions all\n');
    expect(emulator.requests).toEqual(before);
  });
});

describe('hwquota scan: scopes', () => {
  it('reads every region and project of the account with --regions all --projects all, listing the projects once', async () => {
    const listed = emulator.requests.projects;
    const { code, stdout } = await run(['scan', '--regions', 'all', '--projects', 'all', '--services', 'account,project,kms,metastudio', '--output', 'json']);
    expect(code).toBe(1);
    expect(emulator.requests.projects - listed).toBe(1);
    const rows = json(stdout).rows;
    const scopes = [...new Set(rows.map((r) => `${r.service} ${r.region ?? '-'} ${r.projectName ?? '-'}`))].sort();
    expect(scopes).toEqual([
      'account - -',
      'kms cn-north-4 cn-north-4',
      'kms cn-north-4 cn-north-4_dev',
      'kms eu-west-101 eu-west-101',
      'metastudio cn-north-4 cn-north-4',
      'project cn-north-4 cn-north-4',
      'project cn-north-4 cn-north-4_dev',
      'project eu-west-101 eu-west-101',
    ]);
    // The emulator's own numbers, each in its project.
    expect(rows.filter((r) => r.service === 'kms' && r.type === 'CMK').map((r) => [r.projectName, r.used, r.quota])).toEqual([
      ['cn-north-4', 20, 20],
      ['cn-north-4_dev', 3, 20],
      ['eu-west-101', 2, 20],
    ]);
    // MetaStudio: one row per type (8), each the most used of the 250 users.
    const metastudio = rows.filter((r) => r.service === 'metastudio');
    expect(metastudio).toHaveLength(8);
    expect(metastudio.every((r) => r.users === 250 && typeof r.userId === 'string')).toBe(true);
  });

  it('reads every project of many, skipping disabled ones, and only the regions asked for', async () => {
    const [account] = emulator.state.accounts;
    const template = account!.projects[1]!;
    const extra = Array.from({ length: 6 }, (_, index) => ({ ...structuredClone(template), id: `${'ab'.repeat(15)}${String(index).padStart(2, '0')}`, name: `cn-north-4_team${index}`, enabled: index !== 5 }));
    account!.projects.push(...extra);
    const { stdout } = await run(['scan', '--regions', 'cn-north-4', '--projects', 'all', '--services', 'kms', '--output', 'json']);
    const projects = [...new Set(json(stdout).rows.map((r) => r.projectName))].sort();
    expect(projects).toEqual(['cn-north-4', 'cn-north-4_dev', 'cn-north-4_team0', 'cn-north-4_team1', 'cn-north-4_team2', 'cn-north-4_team3', 'cn-north-4_team4']);
  });

  it('ends the whole scan in one line when the account\'s projects cannot be listed: exit 2', async () => {
    emulator.setFaults([{ route: 'projects', kind: '500', count: 100 }]);
    try {
      const { code, stdout, stderr } = await run(['scan', '--regions', 'all', '--services', 'kms']);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^hwquota: service: .*HTTP 500, GET \S+\/v3\/projects.*\n$/);
    } finally {
      emulator.setFaults([]);
    }
  });

  it('reads account quotas alone without a region', async () => {
    const { HW_REGION_NAME: _, ...noRegion } = emulator.env;
    const { code, stdout, stderr } = await run(['scan', '--services', 'account', '--output', 'json', '--endpoint', `iam=${emulator.url}/iam`], noRegion);
    expect({ code, stderr }).toEqual({ code: 3, stderr: '' });
    expect(json(stdout).rows[0]).toMatchObject({ service: 'account', type: 'idp', domainId: 'b933a12c403702918e1c1f0c738433a3', quota: 10, used: 9, percentUsed: 90, status: 'warn' });
  });

  it('reads the same with one read at a time and the adaptive rate off', async () => {
    const many = await run(['scan', '--regions', 'all', '--projects', 'all', '--services', 'kms,vpc', '--output', 'json']);
    clearSharedState();
    const one = await run(['scan', '--regions', 'all', '--projects', 'all', '--services', 'kms,vpc', '--output', 'json', '--concurrency', '1', '--adaptive-rate', 'off']);
    expect(one.code).toBe(many.code);
    expect(json(one.stdout)).toEqual(json(many.stdout));
  });

  it('reads the projects named with --projects, each in its region', async () => {
    const { stdout } = await run(['scan', '--projects', 'cn-north-4_dev,eu-west-101', '--services', 'kms', '--output', 'json']);
    expect(json(stdout).rows.filter((r) => r.type === 'CMK').map((r) => [r.region, r.projectName, r.projectId])).toEqual([
      ['cn-north-4', 'cn-north-4_dev', '34bdce22bc00d4d4402427d1aa0ae49a'],
      ['eu-west-101', 'eu-west-101', 'fefd03d0f5479c9faf101287fbfd0e17'],
    ]);
  });

  it('skips MetaStudio outside its regions, without a failure', async () => {
    const { code, stdout } = await run(['scan', '--regions', 'eu-west-101', '--services', 'metastudio,kms', '--output', 'json']);
    expect(code).toBe(0);
    expect(json(stdout)).toMatchObject({ errors: [] });
    expect(json(stdout).rows.every((r) => r.service === 'kms')).toBe(true);
  });
});

describe('hwquota scan: output formats', () => {
  const scan = (output: string) => run(['scan', '--services', 'kms,ecs', '--output', output]);

  it('table: by pressure, unlimited and unknown spelled out with no percent, FAIL rows red only with colour', async () => {
    const { stdout } = await scan('table');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^STATUS\s+USED%\s+SERVICE\s+TYPE\s+REGION\s+PROJECT\s+QUOTA\s+USED\s+HEADROOM\s+UNIT$/);
    expect(lines[1]).toMatch(/^FAIL\s+100%\s+kms\s+CMK\s/);
    expect(stdout).toMatch(/^unknown\s+-\s+ecs\s+imageMeta\s+cn-north-4\s+\S+\s+128\s+unknown\s+unknown$/m);
    expect(stdout).toMatch(/^unlimited\s+-\s+ecs\s+keypairs\s+cn-north-4\s+\S+\s+unlimited\s+unknown\s+unlimited$/m);
    expect(lines.at(-2)).toMatch(/^unlimited\s/);
    expect(stdout).not.toContain('\u001b[');
    expect((await run(['scan', '--services', 'kms'], emulator.env, true)).stdout).toContain('\u001b[31mFAIL');
  });

  it('json: rows and errors, percent cut to two decimals, null where there is none', async () => {
    const { code, stdout } = await scan('json');
    expect(code).toBe(1);
    const result = json(stdout);
    expect(result.thresholds).toEqual({ warn: 80, fail: 95 });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toEqual({ service: 'kms', region: 'cn-north-4', projectId: '0dea2644dc80d5d22ff1c01e3ebea6fc', type: 'CMK', quota: 20, used: 20, headroom: 0, unlimited: false, percentUsed: 100, status: 'fail' });
    expect(result.rows.find((r) => r.type === 'ram')).toMatchObject({ percentUsed: 18.5, status: 'ok' });
    expect(result.rows.find((r) => r.type === 'keypairs')).toMatchObject({ quota: null, percentUsed: null, status: 'unlimited' });
  });

  it('csv: RFC 4180, a header row, CRLF line ends, quoted fields', async () => {
    const env = { ...emulator.env, HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4: `${emulator.url}/ecs/cn-north-9` };
    const { stdout } = await run(['scan', '--services', 'kms,ecs', '--output', 'csv'], env);
    const lines = stdout.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('status,percent_used,service,type,region,project_id,project_name,domain_id,quota,used,headroom,unit,user_id,users,error_kind,error_code,http_status,request_id,message');
    expect(lines[1]).toBe('fail,100,kms,CMK,cn-north-4,0dea2644dc80d5d22ff1c01e3ebea6fc,,,20,20,0,,,,,,,,');
    expect(lines[2]).toBe('ok,0,kms,grant_per_CMK,cn-north-4,0dea2644dc80d5d22ff1c01e3ebea6fc,,,100,0,100,,,,,,,,');
    // The failed read, its message quoted (it holds commas).
    expect(lines[3]).toMatch(/^error,,ecs,,cn-north-4,0dea2644dc80d5d22ff1c01e3ebea6fc,,,,,,,,,service,APIGW\.0101,404,\w+,"APIGW\.0101: [^"]*,[^"]*"$/);
    expect(stdout).not.toMatch(/[^\r]\n/);
  });

  it('openmetrics: the exporter\'s gauges, ending "# EOF"', async () => {
    const { code, stdout } = await scan('openmetrics');
    expect(code).toBe(1);
    expect(stdout.endsWith('# EOF\n')).toBe(true);
    expect(stdout).toContain('# TYPE huaweicloud_quota_used gauge');
    expect(stdout).toContain('huaweicloud_quota_used{service="kms",type="CMK",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc"} 20');
    expect(stdout).toContain('huaweicloud_quota_limit{service="ecs",type="ram",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc",unit="MiB"} 409600');
    expect(stdout).toContain('huaweicloud_quota_unlimited{service="ecs",type="keypairs",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc"} 1');
    // No number faked for unlimited quotas or unknown usage.
    expect(stdout).not.toMatch(/huaweicloud_quota_(limit|headroom)\{[^}]*type="keypairs"/);
    expect(stdout).not.toMatch(/huaweicloud_quota_used\{[^}]*type="imageMeta"/);
  });
});

describe('hwquota scan: progress and Ctrl-C', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env: emulator.env, color: false } };
  };

  it('shows progress on stderr when asked (a terminal), and clears it', async () => {
    const { out, io: cli } = io();
    expect(await runScanCommand(['--services', 'kms,vpc'], cli, { progress: true })).toBe(1);
    expect(out.stderr).toBe('\r\u001b[Kscanning: 0/2 reads\r\u001b[Kscanning: 1/2 reads\r\u001b[Kscanning: 2/2 reads\r\u001b[K');
  });

  it('stops at once on its signal: exit 130, nothing printed', async () => {
    const slow = await startEmulator({ latency: { minMs: 5000, maxMs: 5000 } });
    try {
      const { out, io: cli } = io();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const started = Date.now();
      expect(await runScanCommand(['--services', 'kms,vpc,ecs'], { ...cli, env: slow.env }, { signal: controller.signal })).toBe(130);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(out).toEqual({ stdout: '', stderr: '' });
    } finally {
      await slow.stop();
    }
  });

  it('the bin exits 130 on SIGINT, without a stack trace', async () => {
    const slow = await startEmulator({ latency: { minMs: 10_000, maxMs: 10_000 } });
    try {
      const child = spawn(process.execPath, [join(root, 'dist/cli/hwquota.js'), 'scan', '--services', 'kms,vpc'], { env: { PATH: process.env.PATH, ...slow.env } });
      const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const started = Date.now();
      child.kill('SIGINT');
      const [code] = await exited;
      expect(code).toBe(130);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(output).toBe('');
    } finally {
      await slow.stop();
    }
  });
});
