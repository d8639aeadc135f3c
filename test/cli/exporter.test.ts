import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runExporterCommand } from '../../provider/cli/exporter-command';
import { defaultState, startEmulator, type RunningEmulator } from '../../provider/emulator';
import { clearSharedState } from '../support/shared-state';

const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'hwquota.js');
const USER_KEYS = { HUAWEICLOUD_SDK_AK: 'HPUAEMULATORUSER0001', HUAWEICLOUD_SDK_SK: 'EmulatorUserSecretKey0000000000000000001' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => {
  clearSharedState();
  emulator.state.accounts = defaultState().accounts;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something, or fails after `timeoutMs`. */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** Runs the exporter in-process until `stop()`, which resolves to its exit code. */
async function startExporter(args: string[], options: { env?: NodeJS.ProcessEnv; intervalMs?: number } = {}) {
  const controller = new AbortController();
  let stderr = '';
  let listening: (url: string) => void;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const io = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, env: options.env ?? emulator.env, color: false };
  const exited = runExporterCommand(['--listen', '127.0.0.1:0', ...args], io, { signal: controller.signal, onListening: (u) => listening(u), intervalMs: options.intervalMs ?? 60_000 });
  const base = await Promise.race([url, exited.then((code) => Promise.reject(new Error(`exited ${code}: ${stderr}`)))]);
  return {
    url: base,
    stderr: () => stderr,
    stop: () => {
      controller.abort();
      return exited;
    },
  };
}

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};
const healthy = (url: string) => eventually(async () => ((await get(`${url}/healthz`)).status === 200 ? true : undefined), 30_000, '/healthz 200');

describe('hwquota exporter', () => {
  it('serves the last refresh as Prometheus text, and never reads the cloud for a scrape', async () => {
    const exporter = await startExporter(['--regions', 'all', '--projects', 'all', '--services', 'kms,sfs-turbo,ecs']);
    try {
      await healthy(exporter.url);
      const reads = emulator.requests.kms;
      const metrics = await get(`${exporter.url}/metrics`);
      for (let scrape = 0; scrape < 5; scrape++) await get(`${exporter.url}/metrics`);
      expect(emulator.requests.kms).toBe(reads);
      expect(metrics.status).toBe(200);
      expect(metrics.type).toBe('text/plain; version=0.0.4; charset=utf-8');
      const body = metrics.body;
      expect(body).toContain('# TYPE huaweicloud_quota_limit gauge');
      expect(body).toContain('huaweicloud_quota_used{service="kms",type="CMK",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc"} 20');
      expect(body).toContain('huaweicloud_quota_used{service="kms",type="CMK",region="cn-north-4",project_id="34bdce22bc00d4d4402427d1aa0ae49a"} 3');
      expect(body).toContain('huaweicloud_quota_headroom{service="kms",type="CMK",region="eu-west-101",project_id="fefd03d0f5479c9faf101287fbfd0e17"} 18');
      expect(body).toContain('huaweicloud_quota_limit{service="sfs-turbo",type="capacity",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc",unit="GB"} 20');
      expect(body).toContain('huaweicloud_quota_unlimited{service="ecs",type="keypairs",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc"} 1');
      expect(body).not.toMatch(/huaweicloud_quota_(limit|headroom)\{[^}]*type="keypairs"/);
      expect(body).not.toMatch(/huaweicloud_quota_used\{[^}]*type="imageMeta"/);
      expect(body).toMatch(/^huaweicloud_quota_last_refresh_success 1$/m);
      expect(body).toMatch(/^huaweicloud_quota_last_refresh_timestamp_seconds \d{10}(\.\d+)?$/m);
      expect(body).toMatch(/^huaweicloud_quota_read_success\{service="kms",region="eu-west-101",project_id="fefd03d0f5479c9faf101287fbfd0e17"\} 1$/m);
      expect((await get(`${exporter.url}/nope`)).status).toBe(404);
      expect((await fetch(`${exporter.url}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      expect(await exporter.stop()).toBe(0);
    }
  });

  it('answers /healthz 503 until the first refresh has ended, then 200', async () => {
    const slow = await startEmulator({ latency: { minMs: 1500, maxMs: 1500 } });
    const exporter = await startExporter(['--services', 'kms'], { env: slow.env });
    try {
      expect(await get(`${exporter.url}/healthz`)).toMatchObject({ status: 503, body: 'starting: the first refresh has not ended\n' });
      await healthy(exporter.url);
      expect((await get(`${exporter.url}/healthz`)).body).toMatch(/^ok: last refresh ended \d{4}-\d\d-\d\dT/);
    } finally {
      await exporter.stop();
      await slow.stop();
    }
  });

  it('refreshes in the background', async () => {
    const exporter = await startExporter(['--services', 'kms'], { intervalMs: 300 });
    try {
      await healthy(exporter.url);
      emulator.state.accounts[0]!.projects[0]!.kmsQuotas.find((quota) => quota.type === 'CMK')!.used = 7;
      const used = /huaweicloud_quota_used\{service="kms",type="CMK"[^}]*\} 7$/m;
      await eventually(async () => (used.test((await get(`${exporter.url}/metrics`)).body) ? true : undefined), 10_000, 'the new usage');
      expect(exporter.stderr()).toMatch(/^hwquota exporter: refreshed 2 quotas in 1 scopes, 0 failed, in \d+\.\d s$/m);
    } finally {
      await exporter.stop();
    }
  });

  it('counts failed reads, and says the last refresh failed', async () => {
    const exporter = await startExporter(['--services', 'kms,metastudio'], { env: { ...emulator.env, ...USER_KEYS } });
    try {
      await healthy(exporter.url);
      const { body } = await get(`${exporter.url}/metrics`);
      expect(body).toMatch(/^huaweicloud_quota_read_failures_total\{service="metastudio",region="cn-north-4",status="denied",kind="service"\} 1$/m);
      expect(body).toMatch(/^huaweicloud_quota_read_success\{service="metastudio",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc"\} 0$/m);
      expect(body).toMatch(/^huaweicloud_quota_last_refresh_success 0$/m);
      expect(body).toContain('huaweicloud_quota_used{service="kms",type="CMK",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc"} 20');
      expect(exporter.stderr()).toMatch(/^hwquota exporter: denied: metastudio cn-north-4 0dea2644dc80d5d22ff1c01e3ebea6fc: MSS\.00000005: /m);
    } finally {
      await exporter.stop();
    }
  });

  it('records a refresh that read nothing (the projects could not be listed) as failed, and keeps serving', async () => {
    emulator.setFaults([{ route: 'projects', kind: '500', count: 1000 }]);
    const exporter = await startExporter(['--regions', 'all', '--services', 'kms']);
    try {
      await healthy(exporter.url);
      const { body } = await get(`${exporter.url}/metrics`);
      expect(body).toMatch(/^huaweicloud_quota_last_refresh_success 0$/m);
      expect(body).toMatch(/^huaweicloud_quota_read_failures_total\{status="error",kind="service"\} 1$/m);
      expect(body).not.toMatch(/^huaweicloud_quota_used\{/m);
      expect(exporter.stderr()).toMatch(/^hwquota exporter: refresh failed: service: .*HTTP 500, GET \S+\/v3\/projects/m);
    } finally {
      emulator.setFaults([]);
      await exporter.stop();
    }
  });
});

describe('the hwquota exporter bin', () => {
  const env = () => ({ PATH: process.env.PATH, ...emulator.env });

  it('stops cleanly on SIGTERM and SIGINT: exit 0', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = spawn(process.execPath, [bin, 'exporter', '--listen', '127.0.0.1:0', '--services', 'kms'], { env: env() });
      const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      const url = await eventually(async () => /serving (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(stderr)?.[1], 20_000, 'the serving line');
      await healthy(url);
      child.kill(signal);
      expect(await exited).toEqual([0, null]);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 at once when it cannot start, naming the flag', async () => {
    const run = (args: string[]) => promisify(execFile)(process.execPath, [bin, 'exporter', ...args], { env: env() }).then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
    expect(await run(['--listen', '9464'])).toMatchObject({ code: 2, stderr: 'hwquota: usage: --listen takes HOST:PORT, such as 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464 (port 0: a free one); got "9464"\n' });
    expect(await run(['--interval', '5'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^hwquota: usage: --interval takes whole seconds from 10 to \d+; got "5"\n$/) });
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    try {
      const port = (busy.address() as { port: number }).port;
      expect(await run(['--listen', `127.0.0.1:${port}`])).toMatchObject({ code: 2, stderr: expect.stringMatching(new RegExp(`^hwquota: invalid-argument: --listen: cannot listen on 127\\.0\\.0\\.1:${port}: EADDRINUSE `)) });
    } finally {
      busy.close();
    }
  });

  it('loads prom-client only for the exporter and scan --output openmetrics', async () => {
    const loads = async (argv: string[]) => {
      const script = `const { main } = require(${JSON.stringify(bin)});
        main(${JSON.stringify(argv)}, { stdout: { write() {} }, stderr: { write() {} }, env: process.env, color: false })
          .then(() => console.log(Object.keys(require.cache).some((path) => /node_modules[\\\\/]prom-client[\\\\/]/.test(path))));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { env: env() });
      return stdout.trim() === 'true';
    };
    expect(await loads(['get', 'kms'])).toBe(false);
    expect(await loads(['scan', '--services', 'kms'])).toBe(false);
    expect(await loads(['scan', '--services', 'kms', '--output', 'openmetrics'])).toBe(true);
  });
});

/** Prometheus and promtool come with Debian's `prometheus` package, which `.ci/run` installs. */
const prometheusBin = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v prometheus'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();
const MISSING = 'skipped: prometheus is not installed (apt-get install -y prometheus; CI installs it)';
if (!prometheusBin) console.warn(`test/cli/exporter.test.ts: the real-Prometheus tests are ${MISSING}`);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe(`a real Prometheus server scraping the exporter${prometheusBin ? '' : ` (${MISSING})`}`, () => {
  let exporter: Awaited<ReturnType<typeof startExporter>>;
  let prometheus: ChildProcess | undefined;
  let prometheusLog = '';
  let prometheusUrl = '';
  const dir = mkdtempSync(join(tmpdir(), 'hwquota-prometheus-'));

  beforeAll(async () => {
    if (!prometheusBin) return;
    exporter = await startExporter(['--regions', 'all', '--projects', 'all', '--services', 'kms,sfs-turbo,account']);
    await healthy(exporter.url);
    const config = join(dir, 'prometheus.yml');
    writeFileSync(config, `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: hwquota\n    static_configs:\n      - targets: ['${exporter.url.replace('http://', '')}']\n`);
    const port = await freePort();
    prometheus = spawn(prometheusBin, [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    prometheus.stdout!.on('data', (chunk: Buffer) => (prometheusLog += chunk));
    prometheus.stderr!.on('data', (chunk: Buffer) => (prometheusLog += chunk));
    prometheusUrl = `http://127.0.0.1:${port}`;
  }, 60_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = once(prometheus, 'exit');
      prometheus.kill('SIGTERM');
      await exited;
    }
    await exporter?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /** The series of an instant query, as `{labels: value}`. */
  async function query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[] | undefined> {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    return body.status === 'success' && body.data.result.length > 0 ? body.data.result : undefined;
  }

  it.skipIf(!prometheusBin)('reads back, through Prometheus\'s HTTP API, the values the emulator holds', async () => {
    const kms = await eventually(() => query('huaweicloud_quota_used{service="kms"}'), 60_000, `Prometheus to scrape the exporter; its log:\n${prometheusLog}`);
    const byProject = Object.fromEntries(kms.filter((series) => series.metric.type === 'CMK').map((series) => [series.metric.project_id, Number(series.value[1])]));
    const state = emulator.state.accounts[0]!.projects;
    expect(byProject).toEqual(Object.fromEntries(state.map((project) => [project.id, project.kmsQuotas.find((quota) => quota.type === 'CMK')!.used])));
    expect(kms[0]!.metric).toMatchObject({ job: 'hwquota', region: expect.stringMatching(/^(cn-north-4|eu-west-101)$/) });
    const capacity = await eventually(() => query('huaweicloud_quota_limit{service="sfs-turbo",type="capacity",region="cn-north-4",project_id="0dea2644dc80d5d22ff1c01e3ebea6fc"}'), 30_000, 'SFS Turbo capacity');
    expect(capacity).toEqual([expect.objectContaining({ metric: expect.objectContaining({ unit: 'GB' }), value: [expect.any(Number), '20'] })]);
    const headroom = await eventually(() => query('huaweicloud_quota_headroom{service="account",type="user"}'), 30_000, 'the account headroom');
    const user = emulator.state.accounts[0]!.iamQuotas.find((quota) => quota.type === 'user')!;
    expect(Number(headroom[0]!.value[1])).toBe(user.quota - user.used!);
    expect(await eventually(() => query('huaweicloud_quota_last_refresh_success'), 30_000, 'the refresh outcome')).toEqual([expect.objectContaining({ value: [expect.any(Number), '1'] })]);
  }, 120_000);

  it.skipIf(!prometheusBin)('promtool check metrics accepts the exporter\'s output', async () => {
    const { body } = await get(`${exporter.url}/metrics`);
    const promtool = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    promtool.stdout.on('data', (chunk: Buffer) => (output += chunk));
    promtool.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exited = once(promtool, 'exit');
    promtool.stdin.end(body);
    const [code] = (await exited) as [number];
    expect({ code, output }).toEqual({ code: 0, output: '' });
  }, 30_000);
});
