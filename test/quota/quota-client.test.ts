import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQuotaClient, evaluateRequirements, HuaweiCloudError, type QuotaClient, type QuotaClientOptions } from '../../provider/client';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { clearSharedState } from '../support/shared-state';
import { sendJson, startTestServer } from '../support/test-server';

const CN4 = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const CN4_DEV = '34bdce22bc00d4d4402427d1aa0ae49a';
const DOMAIN = 'b933a12c403702918e1c1f0c738433a3';

let emulator: RunningEmulator;
const clients: QuotaClient[] = [];
beforeEach(async () => {
  clearSharedState();
  emulator = await startEmulator();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await emulator.stop();
});

/** A client configured only by the emulator's printed environment, the project ID left to be looked up. */
function quotaClient(options: QuotaClientOptions = {}, env: Record<string, string> = {}): QuotaClient {
  const { HUAWEICLOUD_SDK_PROJECT_ID: _, ...printed } = emulator.env;
  const client = createQuotaClient({ env: { ...printed, ...env }, retryBaseDelayMs: 1, ...options });
  clients.push(client);
  return client;
}

describe('the five reads against the emulator', () => {
  it('account quotas: all ten types, usage unknown for mapping', async () => {
    const account = await quotaClient().accountQuotas();
    expect(account.domainId).toBe(DOMAIN);
    expect(account.resources).toHaveLength(10);
    expect(account.resources[0]).toEqual({ type: 'user', quota: 50, used: 10, headroom: 40, unlimited: false, min: 50, max: 1000 });
    expect(account.resources.find((r) => r.type === 'mapping')).toEqual({ type: 'mapping', quota: 10, used: null, headroom: null, unlimited: false, min: 10, max: 100 });
    const one = await quotaClient().accountQuotas({ type: 'assigment_group_mp' });
    expect(one.resources.map((r) => r.type)).toEqual(['assigment_group_mp']);
  });

  it('project quotas, looking the project up by region or sub-project name', async () => {
    expect(await quotaClient().projectQuotas()).toEqual({ projectId: CN4, resources: [{ type: 'project', quota: 10, used: 4, headroom: 6, unlimited: false, min: 0, max: 50 }] });
    expect((await quotaClient().projectQuotas({ projectName: 'cn-north-4_dev' })).projectId).toBe(CN4_DEV);
  });

  it('KMS and SFS Turbo quotas, with region and unit', async () => {
    expect(await quotaClient().kmsQuotas()).toEqual({
      projectId: CN4, region: 'cn-north-4',
      resources: [{ type: 'CMK', quota: 20, used: 20, headroom: 0, unlimited: false }, { type: 'grant_per_CMK', quota: 100, used: 0, headroom: 100, unlimited: false }],
    });
    const sfs = await quotaClient().sfsTurboQuotas({ region: 'eu-west-101' });
    expect(sfs.region).toBe('eu-west-101');
    expect(sfs.resources).toContainEqual({ type: 'capacity', quota: 20, used: 0, headroom: 20, unlimited: false, unit: 'GB' });
  });

  it('MetaStudio: every page of 250 users, unlimited and fractional values, quota paired with usage', async () => {
    const meta = await quotaClient().metaStudioUserQuotas();
    expect(meta.count).toBe(250);
    expect(meta.users).toHaveLength(250);
    expect(new Set(meta.users.map((u) => u.userId)).size).toBe(250);
    expect(emulator.requests.metastudio).toBe(3);
    const source = emulator.state.accounts[0]!.metaStudioUsers;
    const all = meta.users.flatMap((u) => u.resources);
    expect(all.some((r) => r.unlimited && r.quota === null && r.headroom === null)).toBe(true);
    expect(all.some((r) => r.quota !== null && !Number.isInteger(r.quota))).toBe(true);
    for (const user of meta.users) {
      const raw = source.find((s) => s.user_id === user.userId)!;
      for (const resource of user.resources) {
        const quota = raw.quota[resource.type as keyof typeof raw.quota];
        expect(resource.quota).toBe(quota === -1 ? null : quota);
        expect(resource.used).toBe(raw.usage[resource.type as keyof typeof raw.usage]);
      }
    }
    const one = await quotaClient().metaStudioUserQuotas({ userId: source[7]!.user_id });
    expect(one.users.map((u) => u.userId)).toEqual([source[7]!.user_id]);
  });
});

describe('reads by name', () => {
  it('read(name) is the named read; another name is refused before any request, naming the APIs', async () => {
    const client = quotaClient();
    expect(await client.read('kms', { region: 'cn-north-4' })).toEqual(await client.kmsQuotas({ region: 'cn-north-4' }));
    const refused = (await client.read('rds' as never).catch((error: unknown) => error)) as HuaweiCloudError;
    expect(refused).toMatchObject({ kind: 'invalid-argument', field: 'name', attempts: 0 });
    expect(refused.message).toBe('name: must be one of account, ecs, elb, evs, kms, metastudio, project, sfs-turbo, vpc; got "rds"');
    expect(await client.read('metastudio', { region: 'eu-west-101' }).catch((error: unknown) => error)).toMatchObject({
      kind: 'invalid-argument',
      message: 'region: MetaStudio is not offered in region eu-west-101; it is offered in cn-north-4, cn-east-3, ap-southeast-3',
    });
    expect(emulator.requests.metastudio + emulator.requests.unmatched).toBe(0);
  });
});

describe('errors in each service shape', () => {
  it('MetaStudio refuses an IAM user key: MSS.00000005', async () => {
    const client = quotaClient({ accessKey: 'HPUAEMULATORUSER0001', secretKey: 'EmulatorUserSecretKey0000000000000000001' });
    await expect(client.metaStudioUserQuotas()).rejects.toMatchObject({ kind: 'service', status: 403, code: 'MSS.00000005', attempts: 1 });
  });

  it('unknown projects: IAM.0004, and the KMS and SFS Turbo shapes', async () => {
    const client = quotaClient();
    await expect(client.projectQuotas({ projectId: 'ffffffffffffffffffffffffffffffff' })).rejects.toMatchObject({ status: 404, code: 'IAM.0004' });
    for (const read of [() => client.kmsQuotas({ projectId: 'ffffffffffffffffffffffffffffffff' }), () => client.sfsTurboQuotas({ projectId: 'ffffffffffffffffffffffffffffffff' })]) {
      const error = (await read().catch((e: unknown) => e)) as HuaweiCloudError;
      expect(error).toBeInstanceOf(HuaweiCloudError);
      expect(error.code).toMatch(/^(KMS|SFS\.TURBO)\./);
      expect(error.requestId).toBeTruthy();
    }
  });

  it('extra fields pass', async () => {
    const extended = await startTestServer((_q, response) => sendJson(response, 200, { quotas: { resources: [{ type: 'CMK', quota: 20, used: 1, region_hint: 'x' }], next: null }, extra: true }));
    try {
      const client = quotaClient({ endpoints: { kms: extended.url }, projectId: CN4 });
      expect((await client.kmsQuotas()).resources).toEqual([{ type: 'CMK', quota: 20, used: 1, headroom: 19, unlimited: false }]);
    } finally {
      await extended.close();
    }
  });

  it('schema drift is response-invalid naming the service and field, never NaN', async () => {
    const drifted = await startTestServer((_q, response) => sendJson(response, 200, { quotas: { resources: [{ type: 'CMK', quota: '20', used: 1 }] } }));
    try {
      const client = quotaClient({ endpoints: { kms: drifted.url }, projectId: CN4 });
      await expect(client.kmsQuotas()).rejects.toMatchObject({
        kind: 'response-invalid',
        message: expect.stringMatching(/^kms: .* quotas\.resources\.0\.quota: Expected number, received string$/),
      });
    } finally {
      await drifted.close();
    }
  });

  it('bad input is refused before any request', async () => {
    const client = quotaClient();
    await expect(client.accountQuotas({ type: 'users' as never })).rejects.toMatchObject({ kind: 'invalid-argument', field: 'type' });
    await expect(client.kmsQuotas({ region: 'cn-north-4.evil' })).rejects.toMatchObject({ kind: 'invalid-argument', field: 'region' });
    await expect(client.metaStudioUserQuotas({ userId: '../x' })).rejects.toMatchObject({ kind: 'invalid-argument', field: 'userId' });
    expect(Object.values(emulator.requests).reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('sharing and caching', () => {
  it('identical reads share one request in flight and the cache; each ID lookup happens once', async () => {
    const a = quotaClient();
    const b = quotaClient();
    await Promise.all([a.kmsQuotas(), a.kmsQuotas(), b.kmsQuotas()]);
    await a.kmsQuotas();
    await b.kmsQuotas();
    expect(emulator.requests.kms).toBe(1);
    expect(emulator.requests.projects).toBe(1);
    await Promise.all([a.metaStudioUserQuotas(), b.metaStudioUserQuotas()]);
    await a.metaStudioUserQuotas();
    expect(emulator.requests.metastudio).toBe(3);
  });

  it('a TTL of 0 still shares reads in flight, but reads again afterwards', async () => {
    const client = quotaClient({ cacheTtlMs: 0 });
    await Promise.all([client.sfsTurboQuotas(), client.sfsTurboQuotas()]);
    expect(emulator.requests['sfs-turbo']).toBe(1);
    emulator.state.accounts[0]!.projects[0]!.sfsTurboQuotas[0]!.used = 399;
    expect((await client.sfsTurboQuotas()).resources[0]!.headroom).toBe(1);
    expect(emulator.requests['sfs-turbo']).toBe(2);
  });

  it('a failed read is not cached', async () => {
    emulator.setFaults([{ route: 'kms', kind: '503', count: 4 }]);
    const client = quotaClient({ maxAttempts: 4 });
    await expect(client.kmsQuotas()).rejects.toMatchObject({ status: 503 });
    expect((await client.kmsQuotas()).resources).toHaveLength(2);
  });
});

describe('evaluate', () => {
  it('checks requirements across services, reading each scope once', async () => {
    const userId = emulator.state.accounts[0]!.metaStudioUsers[0]!.user_id;
    const checks = await evaluateRequirements([
      { service: 'kms', type: 'CMK', need: 1 },
      { service: 'kms', type: 'grant_per_CMK', need: 10 },
      { service: 'kms', type: 'CMK', need: 1, region: 'cn-north-4', projectId: CN4_DEV },
      { service: 'sfs-turbo', type: 'capacity', need: 25, region: 'eu-west-101' },
      { service: 'account', type: 'mapping', need: 1 },
      { service: 'account', type: 'user', need: 40 },
      { service: 'project', type: 'project', need: 2 },
      { service: 'metastudio', type: 'voice_clone_basic', need: 0, userId },
    ], { env: emulator.env });
    expect(checks.map((c) => [c.requirement.type, c.met, c.shortfall])).toEqual([
      ['CMK', false, 1], ['grant_per_CMK', true, 0], ['CMK', true, 0], ['capacity', false, 5],
      ['mapping', false, null], ['user', true, 0], ['project', true, 0], ['voice_clone_basic', true, 0],
    ]);
    expect(checks[0]!.scope).toBe(`kms cn-north-4 project ${CN4}`);
    expect(checks[4]!.note).toContain('usage is unknown');
    expect(emulator.requests).toMatchObject({ kms: 2, 'sfs-turbo': 1, account: 1, project: 1, metastudio: 1 });
  });
  it('names a sub-project by projectName as well as by projectId, looking the name up once', async () => {
    const userId = emulator.state.accounts[0]!.metaStudioUsers[0]!.user_id;
    const needs = [
      { service: 'kms', type: 'CMK', need: 1 },
      { service: 'sfs-turbo', type: 'shares', need: 1 },
      { service: 'project', type: 'project', need: 1 },
      { service: 'metastudio', type: 'voice_clone_basic', need: 0, userId },
    ] as const;
    const client = quotaClient({ region: 'cn-north-4' });
    const byName = await client.evaluate(needs.map((need) => ({ ...need, projectName: 'cn-north-4_dev' })));
    const byId = await client.evaluate(needs.map((need) => ({ ...need, projectId: CN4_DEV })));
    expect(byName.map(({ requirement: _, ...verdict }) => verdict)).toEqual(byId.map(({ requirement: _, ...verdict }) => verdict));
    expect(byName.map((check) => check.scope)).toEqual([
      `kms cn-north-4 project ${CN4_DEV}`, `sfs-turbo cn-north-4 project ${CN4_DEV}`, `project ${CN4_DEV}`, `metastudio cn-north-4 project ${CN4_DEV} user ${userId}`,
    ]);
    expect(emulator.requests.projects).toBe(1);

    await expect(client.evaluate([{ service: 'kms', type: 'CMK', need: 1, projectName: 'cn-north-4/../x' }])).rejects.toMatchObject({
      kind: 'invalid-argument',
      field: 'requirements[0].projectName',
      message: 'requirements[0].projectName: must be a project name such as cn-north-4 or cn-north-4_dev',
    });
    await expect(client.evaluate([{ service: 'kms', type: 'CMK', need: 1, projectName: 'cn-north-4_absent' }])).rejects.toMatchObject({ kind: 'invalid-argument', field: 'projectName' });
  });
});
