import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../provider/cli/emulator-command';
import { createHuaweiCloudClient } from '../../provider/client';
import { defaultState } from '../../provider/emulator';
import { useEmulator } from './harness';
import { ROUTE_NAMES } from '../../provider/emulator/router';

const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'hwquota.js');
const dir = mkdtempSync(join(tmpdir(), 'hwquota-emulator-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in-process with captured output (for what ends before serving). */
async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runEmulatorCommand(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

describe('hwquota emulator: bad flags and state files exit 2, naming the flag and what it allows', () => {
  const badState = join(dir, 'bad-state.json');
  writeFileSync(badState, JSON.stringify({ accounts: [{ ...defaultState().accounts[0], id: 'not-an-id' }] }));
  const cases: [string[], RegExp][] = [
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port', '70000'], /--port: expected a port number from 0 to 65535/],
    [['--latency', '20'], /--latency: expected a duration such as 20ms or a range such as 10ms-50ms .*; got "20"/],
    [['--latency', '50ms-10ms'], /--latency: /],
    [['--fault', 'kms=418'], /--fault: unknown kind "418"; use one of 429, 500, 502, 503, 504, reset, truncate, malformed, html, hang/],
    [['--fault', 'rds=503'], new RegExp(`--fault: unknown route "rds"; use one of ${[...ROUTE_NAMES, '\\*'].join(', ')}`)],
    [['--fault', 'kms=503,count=0'], /--fault: bad option "count=0"; use count=N/],
    [['--fault', 'kms=503,count=1,rate=0.5'], /--fault: give count or rate, not both/],
    [['--fault', 'kms'], /--fault: expected ROUTE=KIND/],
    [['--clock-offset', '20 minutes'], /--clock-offset: expected a duration such as 20m or -90s/],
    [['--lockout=-5m'], /--lockout: expected a duration such as 5m or 30s/],
    [['--lockout', '-5m'], /Option '--lockout' argument is ambiguous/],
    [['--clock-offset', '-20x'], /--clock-offset: expected a duration such as 20m or -90s .*; got "-20x"/],
    // Beyond what a Node timer or a Date can hold: refused, not a timer set to 1 ms or an HTTP 500 "Invalid time value".
    [['--latency', '99999999999ms'], /--latency: .*at most 596h.*; got "99999999999ms"/],
    [['--latency', '1ms-597h'], /--latency: .*at most 596h/],
    [['--clock-offset', '99999999999h'], /--clock-offset: .*at most 596h either way.*; got "99999999999h"/],
    [['--clock-offset=-99999999999h'], /--clock-offset: .*at most 596h either way/],
    [['--lockout', '99999999999m'], /--lockout: .*at most 596h/],
    [['--state', join(dir, 'missing.json')], /--state: .*missing\.json: cannot read the state file \(ENOENT\)/],
    [['--state', badState], /--state: .*bad-state\.json: accounts\[0\]\.id: must be 32 lower-case hexadecimal characters/],
    [['extra'], /Unexpected argument 'extra'/],
    [['pulumi', 'preview'], /Unexpected argument 'pulumi'.*; to run a command, put it after --/],
    [['--'], /expected a COMMAND after --/],
    [['--latency', '20', '--', 'true'], /--latency: expected a duration/],
    [['--write-env', join(dir, 'a.env'), '--env-file', join(dir, 'b.env')], /give --write-env or its alias --env-file, not both/],
  ];
  it.each(cases)('%j', async (args, message) => {
    const { code, stdout, stderr } = await runInProcess(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^hwquota emulator: /);
    expect(stderr).toMatch(message);
  });

  it('--help shows the flags and exits 0', async () => {
    const { code, stdout } = await runInProcess(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--port', '--host', '--state', '--env-file', '--https', '--latency', '--fault', '--clock-offset', '--lockout']) expect(stdout).toContain(flag);
  });

  it('--help shows the -- COMMAND form first, --write-env, and --env-file as its alias with Node\'s own reading of it', async () => {
    const { stdout } = await runInProcess(['--help']);
    expect(stdout).toMatch(/^Usage: hwquota emulator \[options\] -- COMMAND \[ARGS\.\.\.\]\n {7}hwquota emulator \[options\]\n/);
    expect(stdout).toMatch(/--write-env PATH +also write the export lines to PATH \(created with mode 0600\)/);
    expect(stdout).toMatch(/--env-file PATH +alias of --write-env\. Node itself .*\n.*nodejs\/node#54232/);
    expect(stdout).toContain('"node: PATH: not found" and exits 9');
    expect(stdout).toMatch(/exits with COMMAND's exit code \(128\+N when signal N killed it, 127 when it is not found\)/);
    expect(stdout).toMatch(/it exits 2 at once, and runs no COMMAND/);
  });
});

describe('hwquota emulator: cannot start', () => {
  const { start } = useEmulator();
  // 2, as for a bad flag: one code for "did not serve", in both forms (the -- COMMAND form's other codes are the command's).
  it('exits 2 when the port is taken', async () => {
    const taken = await start();
    const { code, stderr } = await runInProcess(['--port', new URL(taken.url).port]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot start: .*EADDRINUSE/);
  });
});

interface Served {
  child: ChildProcess;
  env: Record<string, string>;
  stdout: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the built CLI and waits until it serves; its export lines are then all written. */
async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'emulator', ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start: ${stderr}`)), 5_000);
    const check = () => {
      if (stderr.includes('until SIGINT or SIGTERM')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr!.on('data', check);
    void exited.then(() => reject(new Error(`the emulator exited: ${stderr}`)));
  });
  const env = Object.fromEntries([...stdout.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
  return { child, env, stdout, stderr: () => stderr, exited };
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('hwquota emulator, run from the built package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli', 'emulator-command.js'))) throw new Error('dist/ has no emulator: run `npm run build` (npm test does) before these tests');
  });

  it('prints shell-ready export lines (and writes them to --env-file), serves, and exits 0 on SIGTERM', async () => {
    const envFile = join(dir, 'emulator.env');
    // Node 20 itself reads a script's --env-file argument and exits 9 when the file does not exist yet
    // (nodejs/node#54232): the file must exist before the emulator starts; the emulator then overwrites it.
    writeFileSync(envFile, '');
    const served = await serve(['--port', '0', '--env-file', envFile, '--fault', 'kms=503,count=1', '--latency', '1ms-5ms']);
    const names = Object.keys(served.env);
    expect(names).toEqual(expect.arrayContaining([
      'HWQUOTA_EMULATOR_URL', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_DOMAIN_ID', 'HUAWEICLOUD_SDK_PROJECT_ID',
      'HW_REGION_NAME', 'HUAWEICLOUD_SDK_IAM_ENDPOINT',
    ]));
    for (const region of ['CN_NORTH_4', 'EU_WEST_101']) {
      for (const service of ['IAM', 'KMS', 'SFSTURBO', 'ECS', 'VPC', 'EVS', 'ELB']) expect(names).toContain(`HUAWEICLOUD_SDK_REGION_${service}_${region}`);
    }
    // MetaStudio is offered in cn-north-4, not in eu-west-101: no endpoint is printed there.
    expect(names).toContain('HUAWEICLOUD_SDK_REGION_METASTUDIO_CN_NORTH_4');
    expect(names).not.toContain('HUAWEICLOUD_SDK_REGION_METASTUDIO_EU_WEST_101');
    expect(served.env.HW_REGION_NAME).toBe('cn-north-4');
    expect(served.env.HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4).toBe(`${served.env.HWQUOTA_EMULATOR_URL}/kms/cn-north-4`);
    expect(readFileSync(envFile, 'utf8')).toBe(served.stdout);
    const sourced = execFileSync('sh', ['-c', `. '${envFile}' && echo "$HUAWEICLOUD_SDK_IAM_ENDPOINT $HUAWEICLOUD_SDK_PROJECT_ID"`], { encoding: 'utf8' });
    expect(sourced.trim()).toBe(`${served.env.HUAWEICLOUD_SDK_IAM_ENDPOINT} ${served.env.HUAWEICLOUD_SDK_PROJECT_ID}`);

    // Our client needs nothing but the printed environment.
    const client = createHuaweiCloudClient({ env: served.env, retryBaseDelayMs: 5 });
    const projectId = await client.resolveProjectId();
    const kms = await client.get({ service: 'kms', path: `/v1.0/${projectId}/kms/user-quotas`, scope: { projectId } });
    expect(kms.attempts).toBe(2);
    await client.close();

    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.stderr()).toMatch(/GET \/kms\/cn-north-4\/v1\.0\/\w+\/kms\/user-quotas \[kms, fault 503\] -> 503 in \d+ ms request-id=[0-9a-f]{32}/);
    expect(served.stderr()).toContain('stopped (SIGTERM)');
    expect(served.stderr()).not.toContain(served.env.HUAWEICLOUD_SDK_SK!);
  });

  it('--https with --state and a negative --clock-offset: prints OS_CACERT, serves TLS, and exits 0 on SIGINT', async () => {
    const state = defaultState();
    state.accounts[0]!.projects[0]!.kmsQuotas[0]!.used = 3;
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(state));
    const served = await serve(['--https', '--state', stateFile, '--clock-offset', '-20m']);
    expect(served.env.HWQUOTA_EMULATOR_URL).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(served.env.OS_CACERT!)).toBe(true);
    const client = createHuaweiCloudClient({ env: served.env });
    const projectId = served.env.HUAWEICLOUD_SDK_PROJECT_ID!;
    const kms = await client.get({ service: 'kms', path: `/v1.0/${projectId}/kms/user-quotas`, scope: { projectId } });
    expect((kms.body as { quotas: { resources: unknown[] } }).quotas.resources[0]).toEqual({ type: 'CMK', quota: 20, used: 3 });
    // The emulator's clock runs 20 minutes behind: the first attempt is refused, and the client corrects its clock.
    expect(kms.attempts).toBe(2);
    await client.close();

    served.child.kill('SIGINT');
    expect(await served.exited).toBe(0);
    expect(existsSync(served.env.OS_CACERT!)).toBe(false);
  });

  it('exits 2 on a bad flag', async () => {
    const child = spawn(process.execPath, [bin, 'emulator', '--fault', 'everything=broken'], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--fault: unknown route "everything"/);
  });
});
