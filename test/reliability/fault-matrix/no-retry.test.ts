import { beforeAll, describe, expect, it } from 'vitest';
import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../../../provider/client';
import type { RouteName, RunningEmulator } from '../../../provider/emulator';
import { emptyRequestCounts } from '../../../provider/emulator/router';
import { projectsOf } from '../../emulator/harness';
import { cliEnvironment, credentialOptions, environmentWithSecrets } from '../support/credential-modes';
import { readDataSource } from '../support/data-source-read';
import { expectNoSecrets, SECURITY_TOKEN, USER_SECRET_KEY } from '../support/recognisable-secrets';
import { TEMPORARY_ACCESS_KEY, USER_ACCESS_KEY } from '../support/reliability-state';
import { FAST_TIMINGS } from '../support/retry-timings';
import { cliErrorKind, runCli } from '../support/run-cli';
import { settle } from '../support/settle';
import { requestCounter, withEmulator } from '../support/with-emulator';
import { setEngineLikeMocks } from '../../support/engine-monitor-mocks';

// 400, 401, 403 and 404 are answers, not faults: sending the same request again cannot help, and more than five failed
// signatures lock a key. Each is sent exactly once, except one 401 whose Date header shows a skewed clock: that one is
// retried once with the clock corrected, and never again.

const WRONG_SECRET = 'RELIABILITYSECRETKEYwrong000000000000001';
const UNKNOWN_PROJECT = '0'.repeat(32);
const TWENTY_MINUTES = 20 * 60_000;

beforeAll(() => setEngineLikeMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, 'reliability', 'dev', false));

/** A quota client for the emulator with these settings over the recognisable-secrets environment, closed after use. */
async function withClient<T>(emulator: RunningEmulator, options: QuotaClientOptions, use: (client: QuotaClient) => Promise<T>): Promise<T> {
  const client = createQuotaClient({ ...FAST_TIMINGS, cacheTtlMs: 0, env: environmentWithSecrets(emulator), ...options });
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

const wrongSecret = { accessKey: TEMPORARY_ACCESS_KEY, secretKey: WRONG_SECRET, securityToken: SECURITY_TOKEN };
const iamUser = { accessKey: USER_ACCESS_KEY, secretKey: USER_SECRET_KEY };

interface Refusal {
  name: string;
  status: number;
  code: string;
  route: RouteName;
  clockOffsetMs?: number;
  /** 1, or 2 for the single clock-corrected retry of a 401. */
  attempts: number;
  client: (emulator: RunningEmulator) => Promise<unknown>;
  cli?: (emulator: RunningEmulator) => { argv: string[]; env: Record<string, string> };
  dataSource?: (emulator: RunningEmulator) => Promise<unknown>;
}

const REFUSALS: Refusal[] = [
  {
    name: '400 for a value the API does not take (a page of 0 users)',
    status: 400, code: 'MSS.00000003', route: 'metastudio', attempts: 1,
    client: (emulator) => withClient(emulator, credentialOptions('temporary keys'), (client) => {
      const projectId = projectsOf(emulator).main.id;
      return client.http.get({ service: 'metastudio', path: `/v1/${projectId}/user/quotas`, query: { limit: 0 }, scope: { projectId } });
    }),
  },
  {
    name: '401 for a wrong secret key',
    status: 401, code: 'APIGW.0301', route: 'kms', attempts: 1,
    client: (emulator) => withClient(emulator, wrongSecret, (client) => client.kmsQuotas()),
    cli: (emulator) => ({ argv: ['get', 'kms'], env: { ...cliEnvironment(emulator, 'temporary keys'), HUAWEICLOUD_SDK_SK: WRONG_SECRET } }),
    dataSource: (emulator) => readDataSource('kms', emulator, wrongSecret),
  },
  {
    name: '401 for an unknown token',
    status: 401, code: 'APIGW.0301', route: 'sfs-turbo', attempts: 1,
    client: (emulator) => withClient(emulator, { authToken: 'RELIABILITYAUTHTOKEN-not-issued' }, (client) => client.sfsTurboQuotas()),
    cli: (emulator) => ({ argv: ['get', 'sfs-turbo'], env: { ...cliEnvironment(emulator, 'token'), HW_AUTH_TOKEN: 'RELIABILITYAUTHTOKEN-not-issued' } }),
    dataSource: (emulator) => readDataSource('sfs-turbo', emulator, { authToken: 'RELIABILITYAUTHTOKEN-not-issued' }),
  },
  {
    name: '401 for a wrong secret key, with the clock 20 minutes off: one corrected retry',
    status: 401, code: 'APIGW.0301', route: 'project', attempts: 2, clockOffsetMs: TWENTY_MINUTES,
    client: (emulator) => withClient(emulator, wrongSecret, (client) => client.projectQuotas()),
    cli: (emulator) => ({ argv: ['get', 'project'], env: { ...cliEnvironment(emulator, 'temporary keys'), HUAWEICLOUD_SDK_SK: WRONG_SECRET } }),
    dataSource: (emulator) => readDataSource('project', emulator, wrongSecret),
  },
  {
    name: '403 for an IAM user reading MetaStudio quotas',
    status: 403, code: 'MSS.00000005', route: 'metastudio', attempts: 1,
    client: (emulator) => withClient(emulator, iamUser, (client) => client.metaStudioUserQuotas()),
    cli: (emulator) => ({ argv: ['get', 'metastudio'], env: { ...cliEnvironment(emulator, 'temporary keys'), HUAWEICLOUD_SDK_AK: USER_ACCESS_KEY, HUAWEICLOUD_SDK_SK: USER_SECRET_KEY, HUAWEICLOUD_SDK_SECURITY_TOKEN: '' } }),
    dataSource: (emulator) => readDataSource('metastudio', emulator, iamUser),
  },
  {
    name: '404 for a project that does not exist',
    status: 404, code: 'KMS.0201', route: 'kms', attempts: 1,
    client: (emulator) => withClient(emulator, credentialOptions('token'), (client) => client.kmsQuotas({ projectId: UNKNOWN_PROJECT })),
    cli: (emulator) => ({ argv: ['get', 'kms', '--project-id', UNKNOWN_PROJECT], env: cliEnvironment(emulator, 'temporary keys') }),
  },
];

describe.each(REFUSALS)('$name', (refusal) => {
  const expectSentOnce = (counter: ReturnType<typeof requestCounter>) =>
    expect(counter.since()).toEqual({ ...emptyRequestCounts(), [refusal.route]: refusal.attempts });

  it('createQuotaClient sends it as often as said, and fails with the service error', async () => {
    await withEmulator({ clockOffsetMs: refusal.clockOffsetMs }, async (emulator) => {
      const counter = requestCounter(emulator);
      const outcome = await settle(() => refusal.client(emulator));
      expect(outcome.ok ? outcome.value : outcome.error).toMatchObject({ kind: 'service', status: refusal.status, code: refusal.code, attempts: refusal.attempts, retryable: false });
      expectSentOnce(counter);
      expectNoSecrets(outcome.ok ? outcome.value : outcome.error, 'the error');
    });
  });

  if (refusal.cli) it('hwquota get sends it as often as said, and exits 2 with the service error', async () => {
    await withEmulator({ clockOffsetMs: refusal.clockOffsetMs }, async (emulator) => {
      const { argv, env } = refusal.cli!(emulator);
      const counter = requestCounter(emulator);
      const run = await runCli(argv, env);
      expect(run.code).toBe(2);
      expect(cliErrorKind(run.stderr)).toBe('service');
      expect(run.stderr).toContain(`HTTP ${refusal.status}`);
      expect(run.stderr).toContain(refusal.code);
      expectSentOnce(counter);
      expectNoSecrets(run.stdout + run.stderr, 'the CLI output');
    });
  });

  if (refusal.dataSource) it('the data source sends it as often as said, and fails with the service error', async () => {
    await withEmulator({ clockOffsetMs: refusal.clockOffsetMs }, async (emulator) => {
      const counter = requestCounter(emulator);
      const outcome = await settle(() => refusal.dataSource!(emulator));
      expect(outcome.ok ? outcome.value : outcome.error).toMatchObject({ kind: 'service', status: refusal.status, code: refusal.code, attempts: refusal.attempts });
      expectSentOnce(counter);
      expectNoSecrets(outcome.ok ? outcome.value : outcome.error, 'the error');
    });
  });
});

it('a corrected clock is kept: the next refused read on the same client is sent once', async () => {
  await withEmulator({ clockOffsetMs: TWENTY_MINUTES }, async (emulator) => {
    await withClient(emulator, wrongSecret, async (client) => {
      await expect(client.kmsQuotas()).rejects.toMatchObject({ status: 401, attempts: 2 });
      await expect(client.sfsTurboQuotas()).rejects.toMatchObject({ status: 401, attempts: 1 });
      expect(emulator.requests).toMatchObject({ kms: 2, 'sfs-turbo': 1 });
    });
  });
});
