import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultState } from '../../provider/emulator';

// `hwquota emulator [options] -- COMMAND ARGS...`, through the built bin as CI runs it: the command gets the emulator's
// environment, hwquota exits with the command's code and leaves no emulator behind, and a start failure runs nothing.

const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'hwquota.js');
const dir = mkdtempSync(join(tmpdir(), 'hwquota-emulator-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'run-with-emulator.js'))) throw new Error('dist/ has no run-with-emulator: run `npm run build` (npm test does) before these tests');
});

/** What every hwquota started here gets: no credentials of the developer's, no metadata service. */
const hermeticEnv = { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent/hwquota-test/credentials' };

interface Started {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once hwquota has exited, to its exit code (`null` if a signal killed it). */
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `hwquota emulator ARGS` from the built bin, with no terminal attached. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, [bin, 'emulator', ...args], { env: { ...hermeticEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs `hwquota emulator ARGS` to its end. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const started = start(args, env);
  const code = await started.exited;
  return { code, stdout: started.stdout(), stderr: started.stderr() };
}

/** Waits until `ready()` holds, checking on each output of the child; fails with its stderr if it exits first. */
async function waitFor(started: Started, ready: () => boolean): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (ready()) resolve();
    };
    started.child.stdout!.on('data', check);
    started.child.stderr!.on('data', check);
    void started.exited.then(() => reject(new Error(`hwquota exited first: ${started.stderr()}`)));
    check();
  });
}

/** `node -e SCRIPT` as the COMMAND after `--`. */
const nodeScript = (script: string) => ['--', process.execPath, '-e', script];

/** Whether anything still answers at `url`: false once connections are refused. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      resolve(true);
    }).once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? resolve(false) : reject(error)));
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('hwquota emulator -- COMMAND: the command runs with the emulator environment', () => {
  it('the command reads a quota through the emulator (hwquota get kms), and hwquota exits 0 with it', async () => {
    const { code, stdout, stderr } = await run(['--', process.execPath, bin, 'get', 'kms', '--output', 'json']);
    expect(stderr).toMatch(/^hwquota emulator: serving http:\/\/127\.0\.0\.1:\d+ to: /);
    expect(code).toBe(0);
    // The command's stdout is its own: only its JSON, no export lines.
    expect(JSON.parse(stdout)).toMatchObject({ resources: expect.arrayContaining([expect.objectContaining({ type: 'CMK', quota: 20, used: 20 })]) });
    expect(stderr).toMatch(/GET \/kms\/cn-north-4\/v1\.0\/\w+\/kms\/user-quotas \[kms\] -> 200/);
    expect(stderr).toContain('hwquota emulator: stopped after');
  });

  it('the command sees the names the export lines carry, added to hwquota\'s own environment', async () => {
    const script = `console.log(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([name]) => /^(HWQUOTA_|HUAWEICLOUD_SDK_|HW_|KEPT)/.test(name)))))`;
    const { code, stdout } = await run(nodeScript(script), { KEPT: 'from the caller' });
    expect(code).toBe(0);
    const env = JSON.parse(stdout) as Record<string, string>;
    expect(env.KEPT).toBe('from the caller');
    expect(env.HWQUOTA_EMULATOR_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env).toMatchObject({ HUAWEICLOUD_SDK_AK: 'HPUAEMULATORROOT0001', HW_REGION_NAME: 'cn-north-4', HUAWEICLOUD_SDK_IAM_ENDPOINT: `${env.HWQUOTA_EMULATOR_URL}/iam` });
    expect(env.HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4).toBe(`${env.HWQUOTA_EMULATOR_URL}/kms/cn-north-4`);
    // The emulator's environment wins over a setting of the caller's (their credentials would fail its gateway), and
    // the caller's other Huawei Cloud settings are left out: a security token beside the emulator's key would break it.
    expect((await run(nodeScript('console.log(process.env.HUAWEICLOUD_SDK_AK)'), { HUAWEICLOUD_SDK_AK: 'REALKEY' })).stdout.trim()).toBe('HPUAEMULATORROOT0001');
    const mixed = await run(nodeScript(script), { HUAWEICLOUD_SDK_SECURITY_TOKEN: 'caller-token', HW_AUTH_TOKEN: 'caller-token', HW_PROJECT_NAME: 'cn-north-4_prod' });
    const seen = JSON.parse(mixed.stdout) as Record<string, string>;
    for (const name of ['HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HW_AUTH_TOKEN', 'HW_PROJECT_NAME']) expect(seen).not.toHaveProperty(name);
  });

  it.each([[0], [1], [7], [255]])('exits with the command\'s exit code, %i', async (exitCode) => {
    const { code, stderr } = await run(nodeScript(`process.exit(${exitCode})`));
    expect(code).toBe(exitCode);
    expect(stderr).toContain(`stopped after ${process.execPath} exited with ${exitCode}`);
  });

  it('after the command ends the emulator is gone (its URL refuses connections) and hwquota has exited', async () => {
    const { code, stdout } = await run(nodeScript('console.log(process.env.HWQUOTA_EMULATOR_URL)'));
    expect(code).toBe(0);
    expect(await answers(stdout.trim())).toBe(false);
  });

  it('a command killed by a signal: exits 128 + the signal number, as shells do', async () => {
    const killed = await run(nodeScript(`process.kill(process.pid, 'SIGKILL')`));
    expect(killed.code).toBe(128 + 9);
    expect(killed.stderr).toContain('was killed by SIGKILL (exit 137)');
    expect((await run(nodeScript(`process.kill(process.pid, 'SIGTERM')`))).code).toBe(128 + 15);
  });

  it('names the command on one line, control characters shown as \\uXXXX', async () => {
    const { code, stderr } = await run(nodeScript('process.exit(\n0)'));
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toMatch(/^hwquota emulator: serving http:\/\/127\.0\.0\.1:\d+ to: .* -e process\.exit\(\\u000a0\)$/);
  });

  it('a command that is not found: exits 127 with the reason, as shells do', async () => {
    const { code, stderr } = await run(['--', 'hwquota-no-such-command', 'arg']);
    expect(code).toBe(127);
    expect(stderr).toContain('hwquota emulator: cannot run hwquota-no-such-command: not found');
  });

  it('everything after the first -- is the command, its flags and any further -- included', async () => {
    const { code, stdout } = await run(['--', process.execPath, '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '--', '--port', 'x', '--env-file', join(dir, 'not-there')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(['--port', 'x', '--env-file', join(dir, 'not-there')]);
  });
});

describe('hwquota emulator -- COMMAND: a start failure exits 2 at once with the reason, and runs nothing', () => {
  let taken: Server;
  let takenPort: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  const badState = join(dir, 'bad-state.json');
  writeFileSync(badState, JSON.stringify({ accounts: [{ ...defaultState().accounts[0], id: 'not-an-id' }] }));
  const cases: [string, () => string[], RegExp][] = [
    ['a port in use', () => ['--port', String(takenPort)], /^hwquota emulator: cannot start: .*EADDRINUSE.*\(.+ not run\)$/m],
    ['a bad flag', () => ['--latency', '20'], /^hwquota emulator: --latency: expected a duration/m],
    ['a bad state file', () => ['--state', badState], /^hwquota emulator: --state: .*accounts\[0\]\.id: must be 32 lower-case hexadecimal characters/m],
    ['a --write-env PATH it cannot write', () => ['--write-env', join(dir, 'no-such-dir', 'env')], /^hwquota emulator: --write-env: cannot write .*no-such-dir.* \(ENOENT\) \(.+ not run\)$/m],
    ['--write-env and --env-file both', () => ['--write-env', join(dir, 'a.env'), '--env-file', badState], /give --write-env or its alias --env-file, not both/],
  ];
  it.each(cases)('%s', async (_name, flags, reason) => {
    const marker = join(dir, `ran-${Math.random().toString(36).slice(2)}`);
    const { code, stdout, stderr } = await run([...flags(), ...nodeScript(`require('fs').writeFileSync(${JSON.stringify(marker)}, '')`)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
    expect(stdout).toBe('');
    expect(existsSync(marker)).toBe(false);
  });

  it('-- with no command after it is a bad command line', async () => {
    const { code, stderr } = await run(['--']);
    expect(code).toBe(2);
    expect(stderr).toContain('hwquota emulator: expected a COMMAND after --');
  });

  it('a command without -- is refused, with a hint', async () => {
    const { code, stderr } = await run(['pulumi', 'preview']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unexpected argument 'pulumi'.*; to run a command, put it after --/);
  });
});

describe('hwquota emulator --write-env PATH, and its alias --env-file', () => {
  it.each([['--write-env', 'created.env', false], ['--env-file', 'existing.env', true]])('with -- COMMAND: %s %s is written before the command runs', async (flag, name, exists) => {
    const path = join(dir, name);
    // Node reads a script's --env-file argument itself and exits 9 when the file does not exist (nodejs/node#54232).
    if (exists) writeFileSync(path, 'stale\n');
    const { code, stdout } = await run([flag, path, ...nodeScript(`process.stdout.write(require('fs').readFileSync(${JSON.stringify(path)}, 'utf8') + process.env.HWQUOTA_EMULATOR_URL)`)]);
    expect(code).toBe(0);
    const written = readFileSync(path, 'utf8');
    if (!exists) expect(statSync(path).mode & 0o777).toBe(0o600);
    const url = stdout.slice(written.length);
    expect(stdout.slice(0, written.length)).toBe(written);
    expect(written).toContain(`export HWQUOTA_EMULATOR_URL=${url}\n`);
    expect(written).toContain('export HUAWEICLOUD_SDK_AK=HPUAEMULATORROOT0001\n');
  });

  it('without a command: --write-env PATH, missing, is created (mode 0600) with the export lines it prints; serves until SIGTERM', async () => {
    const path = join(dir, 'missing.env');
    const served = start(['--write-env', path]);
    await waitFor(served, () => served.stderr().includes('until SIGINT or SIGTERM'));
    expect(served.stdout()).toMatch(/^export HWQUOTA_EMULATOR_URL=/);
    expect(readFileSync(path, 'utf8')).toBe(served.stdout());
    expect(statSync(path).mode & 0o777).toBe(0o600);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });
});

describe('hwquota emulator -- COMMAND: signals to hwquota', () => {
  /** A command that prints its pid and the emulator's URL, then waits; `onSignal` is its handler's body, if any. */
  const waitingCommand = (onSignal = '') =>
    nodeScript(`${onSignal}; console.log(JSON.stringify({ pid: process.pid, url: process.env.HWQUOTA_EMULATOR_URL })); setInterval(() => {}, 1000)`);

  async function startWaiting(onSignal?: string): Promise<{ started: Started; pid: number; url: string }> {
    const started = start(waitingCommand(onSignal));
    await waitFor(started, () => started.stdout().includes('"pid"'));
    const { pid, url } = JSON.parse(started.stdout().split('\n')[0]!) as { pid: number; url: string };
    return { started, pid, url };
  }

  it('SIGTERM to hwquota stops the command, then the emulator, and exits 128 + 15', async () => {
    const { started, pid, url } = await startWaiting();
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(143);
    expect(started.stderr()).toContain('was killed by SIGTERM (exit 143)');
    expect(isAlive(pid)).toBe(false);
    expect(await answers(url)).toBe(false);
  });

  it('a command that handles SIGTERM still reaches the emulator while it ends, and its exit code is hwquota\'s', async () => {
    const onSignal = `process.on('SIGTERM', () => require('http').get(process.env.HWQUOTA_EMULATOR_URL + '/kms', (response) => { console.log('served while ending: ' + response.statusCode); process.exit(3); }))`;
    const { started, pid, url } = await startWaiting(onSignal);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(3);
    expect(started.stdout()).toContain('served while ending: 404');
    expect(isAlive(pid)).toBe(false);
    expect(await answers(url)).toBe(false);
  });

  it('SIGINT to hwquota with no terminal attached is passed on too: exits 128 + 2', async () => {
    const { started, pid } = await startWaiting();
    started.child.kill('SIGINT');
    expect(await started.exited).toBe(130);
    expect(isAlive(pid)).toBe(false);
  });
});

describe('the README\'s CI recipe, run literally through npx', () => {
  // A project with the package installed as npm would (the build, its manifest, its dependencies and the bin link),
  // so that npx finds hwquota locally; offline, so that npx never asks the registry.
  const project = join(dir, 'project');
  beforeAll(() => {
    const installed = join(project, 'node_modules', 'pulumi-huaweicloud-quotas');
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    cpSync(join(root, 'dist'), join(installed, 'dist'), { recursive: true });
    cpSync(join(root, 'package.json'), join(installed, 'package.json'));
    for (const dependency of Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies)) {
      symlinkSync(join(root, 'node_modules', dependency), join(project, 'node_modules', dependency));
    }
    chmodSync(join(installed, 'dist', 'cli', 'hwquota.js'), 0o755);
    symlinkSync(join('..', 'pulumi-huaweicloud-quotas', 'dist', 'cli', 'hwquota.js'), join(project, 'node_modules', '.bin', 'hwquota'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci', private: true, dependencies: { 'pulumi-huaweicloud-quotas': '*' } }));
    cpSync(join(root, 'examples', 'preflight', 'requirements.json'), join(project, 'requirements.json'));
    const state = defaultState();
    state.accounts[0]!.projects[0]!.kmsQuotas[0]!.used = 3;
    writeFileSync(join(project, 'ci-state.json'), JSON.stringify(state));
  });

  const shell = (line: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = { ...hermeticEnv, HOME: process.env.HOME, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false' };
      const child = spawn('sh', ['-c', line], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
      running.push(child);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('npx hwquota emulator -- npx hwquota check requirements.json: exits 1, check\'s code (KMS is 20 of 20 used)', async () => {
    const { code, stdout, stderr } = await shell('npx hwquota emulator -- npx hwquota check requirements.json');
    expect(stderr).toContain('hwquota emulator: stopped after npx exited with 1');
    expect(stdout).toMatch(/kms .* CMK\s+3\s+0\s+3\s+SHORT/);
    expect(code).toBe(1);
  }, 90_000);

  it('npx hwquota emulator --state ci-state.json -- npx hwquota check requirements.json: exits 0 with room', async () => {
    const { code, stdout } = await shell('npx hwquota emulator --state ci-state.json -- npx hwquota check requirements.json');
    expect(stdout).toContain('All 1 requirements are met.');
    expect(code).toBe(0);
  }, 90_000);
});
