import { describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../provider/cli/emulator-command';
import { parseEmulatorFlags } from '../../provider/cli/emulator-flags';
import type { RunningEmulator } from '../../provider/emulator';
import { credentialsOf, projectsOf, rawGet, signedHeaders, useEmulator, type RawResponse } from './harness';

const { start } = useEmulator();

/** A signed read of KMS quotas (the emulator's main project's, or eu-west-101's); ECS's limits with `ecs`. */
function signedGet(emulator: RunningEmulator, what: 'kms' | 'kms-eu' | 'ecs'): Promise<RawResponse> {
  const { main, eu } = projectsOf(emulator);
  const url = {
    kms: `${emulator.url}/kms/cn-north-4/v1.0/${main.id}/kms/user-quotas`,
    'kms-eu': `${emulator.url}/kms/eu-west-101/v1.0/${eu.id}/kms/user-quotas`,
    ecs: `${emulator.url}/ecs/cn-north-4/v1/${main.id}/cloudservers/limits`,
  }[what];
  const projectId = what === 'kms-eu' ? eu.id : main.id;
  return rawGet(url, signedHeaders(url, credentialsOf(emulator).root, { 'X-Project-Id': projectId }));
}

/** Twenty signed KMS reads at once; how long they took (the bucket refills meanwhile). */
async function burstOfTwenty(emulator: RunningEmulator): Promise<{ answers: RawResponse[]; seconds: number }> {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: 20 }, () => signedGet(emulator, 'kms')));
  return { answers, seconds: (performance.now() - started) / 1000 };
}

/** Five let through at once (the burst), the rest throttled as the gateway does; a slow machine refills a few more. */
function expectFiveThenThrottled({ answers, seconds }: { answers: RawResponse[]; seconds: number }, emulator: RunningEmulator): void {
  const passed = answers.filter((answer) => answer.status === 200);
  const throttled = answers.filter((answer) => answer.status === 429);
  expect(passed.length + throttled.length).toBe(20);
  expect(passed.length).toBeGreaterThanOrEqual(5);
  expect(passed.length).toBeLessThanOrEqual(5 + Math.ceil(seconds * 5));
  for (const answer of throttled) {
    expect(answer.json).toEqual({
      error_code: 'APIGW.0308',
      error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 second',
      request_id: answer.headers['x-request-id'],
    });
    expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(answer.headers['retry-after']).toMatch(/^\d+$/);
  }
  // Counted on arrival, throttled ones included; and counted as throttled.
  expect(emulator.requests.kms).toBe(20);
  expect(emulator.throttled.kms).toBe(throttled.length);
}

describe('the emulator throttles like the gateway: one token bucket per service, across regions', () => {
  it('throttle: { kms: 5 }: of a burst of 20, 5 are answered and the rest get 429 APIGW.0308 with Retry-After', async () => {
    const emulator = await start({ throttle: { kms: 5 } });
    expectFiveThenThrottled(await burstOfTwenty(emulator), emulator);
    expect(emulator.throttled.ecs).toBe(0);
  });

  it('--throttle kms=5/s: the same', async () => {
    const commandLine = parseEmulatorFlags(['--throttle', 'kms=5/s']);
    if (commandLine === 'help') throw new Error('expected flags');
    expect(commandLine.options.throttle).toEqual({ kms: 5 });
    const emulator = await start(commandLine.options);
    expectFiveThenThrottled(await burstOfTwenty(emulator), emulator);
  });

  it('regions share their service’s bucket; another service is not affected; Retry-After is the wait for a token', async () => {
    // One request per 10 s: nothing refills during the test.
    const emulator = await start({ throttle: { kms: 0.1 } });
    expect((await signedGet(emulator, 'kms')).status).toBe(200);
    const eu = await signedGet(emulator, 'kms-eu');
    expect(eu).toMatchObject({ status: 429, headers: { 'retry-after': expect.stringMatching(/^(9|10)$/) }, json: { error_code: 'APIGW.0308' } });
    for (let index = 0; index < 5; index++) expect((await signedGet(emulator, 'ecs')).status).toBe(200);
    expect(emulator.throttled).toMatchObject({ kms: 1, ecs: 0 });
  });

  it('comes after the signature check, as the gateway’s per-user limit: a refused request spends no token', async () => {
    const emulator = await start({ throttle: { kms: 0.1 } });
    const { main } = projectsOf(emulator);
    expect((await rawGet(`${emulator.url}/kms/cn-north-4/v1.0/${main.id}/kms/user-quotas`)).status).toBe(401);
    expect((await signedGet(emulator, 'kms')).status).toBe(200);
    expect((await signedGet(emulator, 'kms')).status).toBe(429);
  });

  it('setThrottle replaces the limits at run time, each bucket full', async () => {
    const emulator = await start({ throttle: { kms: 0.1 } });
    expect((await signedGet(emulator, 'kms')).status).toBe(200);
    expect((await signedGet(emulator, 'kms')).status).toBe(429);
    emulator.setThrottle({ kms: 0.1, ecs: 0.1 });
    expect((await signedGet(emulator, 'kms')).status).toBe(200);
    expect((await signedGet(emulator, 'ecs')).status).toBe(200);
    expect((await signedGet(emulator, 'ecs')).status).toBe(429);
    emulator.setThrottle({});
    for (let index = 0; index < 5; index++) expect((await signedGet(emulator, 'kms')).status).toBe(200);
    expect(emulator.throttled).toMatchObject({ kms: 1, ecs: 1 });
  });

  it('refuses an unknown service or a rate that is not above 0, naming them', async () => {
    await expect(start({ throttle: { rds: 5 } as never })).rejects.toThrow(/throttle: unknown service "rds"; use one of iam, .*kms/);
    await expect(start({ throttle: { kms: 0 } })).rejects.toThrow(/throttle\.kms: must be a number of requests per second above 0; got 0/);
    await expect(start({ throttle: { kms: Number.NaN } })).rejects.toThrow(/throttle\.kms: .*got NaN/);
    const emulator = await start();
    expect(() => emulator.setThrottle({ ecs: -1 })).toThrow(/throttle\.ecs: .*got -1/);
  });
});

describe('hwquota emulator --throttle', () => {
  /** Runs the command in-process with captured output. */
  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runEmulatorCommand(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
    return { code, stdout, stderr };
  }

  const bad: [string[], RegExp][] = [
    [['--throttle', 'kms=5'], /--throttle: expected SERVICE=N\/s, for example kms=50\/s; got "kms=5"/],
    [['--throttle', 'kms=fast/s'], /--throttle: expected SERVICE=N\/s/],
    [['--throttle', 'kms=-5/s'], /--throttle: expected SERVICE=N\/s/],
    [['--throttle', 'kms=0/s'], /--throttle: the rate must be above 0 requests per second; got "kms=0\/s"/],
    [['--throttle', 'rds=5/s'], /--throttle: unknown service "rds"; use one of iam, .*kms.*sfs-turbo/],
    [['--throttle', 'kms=5/s', '--throttle', 'kms=6/s'], /--throttle: kms is given twice; give each service once/],
  ];
  it.each(bad)('%j exits 2, naming the flag and what it allows', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^hwquota emulator: --throttle: /);
    expect(stderr).toMatch(message);
  });

  it('is repeatable, one service each', () => {
    expect(parseEmulatorFlags(['--throttle', 'kms=50/s', '--throttle', 'ecs=2.5/s'])).toMatchObject({ options: { throttle: { kms: 50, ecs: 2.5 } } });
  });

  it('throttles a command run under the emulator, and the log shows it', async () => {
    // The command reads KMS quotas 12 times at once with the emulator's project-scoped token.
    const script = `
      const url = process.env.HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4 + '/v1.0/' + process.env.HUAWEICLOUD_SDK_PROJECT_ID + '/kms/user-quotas';
      Promise.all(Array.from({ length: 12 }, () => fetch(url, { headers: { 'X-Auth-Token': 'MIIEemulatorProjectScopedToken0001' } }).then((r) => r.text())))
        .then(() => process.exit(0), () => process.exit(1));`;
    const started = performance.now();
    const { code, stderr } = await run(['--throttle', 'kms=5/s', '--', process.execPath, '-e', script]);
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    const passed = stderr.match(/\[kms\] -> 200 /g)?.length ?? 0;
    const throttled = stderr.match(/\[kms, throttled\] -> 429 /g)?.length ?? 0;
    expect(passed + throttled).toBe(12);
    expect(passed).toBeGreaterThanOrEqual(5);
    expect(passed).toBeLessThanOrEqual(5 + Math.ceil(seconds * 5));
  });

  it('--help describes it', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toMatch(/--throttle SPEC +SERVICE=N\/s, repeatable \(once per service\): let N requests per second through to SERVICE,\n +across all regions/);
    expect(stdout).toMatch(/answer 429 APIGW\.0308 with Retry-After/);
    expect(stdout).toMatch(/SERVICE: iam, .*kms/);
  });
});
