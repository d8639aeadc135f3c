import { afterEach, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError, type QuotaClient } from '../../provider/client';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { clearSharedState } from '../support/shared-state';

// Several endpoints in HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}, as the official Go SDK takes them: the next one is
// tried when one cannot be reached (its name does not resolve), and the client stays with the one that answered.

let emulator: RunningEmulator | undefined;
const clients: QuotaClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await emulator?.stop();
  clearSharedState();
});

function clientWith(env: NodeJS.ProcessEnv): QuotaClient {
  const client = createQuotaClient({ env, cacheTtlMs: 0, retryBaseDelayMs: 1 });
  clients.push(client);
  return client;
}

it('moves on from an endpoint whose name does not resolve, and stays with the one that answered', async () => {
  emulator = await startEmulator();
  const good = `${emulator.url}/kms/cn-north-4`;
  const client = clientWith({ ...emulator.env, HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: `http://kms-down.invalid,${good}` });
  expect(client.http.endpoint('kms', 'cn-north-4')).toBe('http://kms-down.invalid');
  const kms = await client.kmsQuotas();
  expect(kms.resources.map((resource) => resource.type)).toEqual(['CMK', 'grant_per_CMK']);
  expect(client.http.endpoint('kms', 'cn-north-4')).toBe(good);
  await client.kmsQuotas();
  expect(emulator.requests.kms).toBe(2);
});

it('reads failing at once on the first endpoint all reach the second, and the third is never skipped', async () => {
  emulator = await startEmulator();
  const good = `${emulator.url}/kms/cn-north-4`;
  const client = clientWith({ ...emulator.env, HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: `http://kms-down.invalid,${good},http://kms-third.invalid` });
  const reads = await Promise.all(['0dea2644dc80d5d22ff1c01e3ebea6fc', '34bdce22bc00d4d4402427d1aa0ae49a'].map((projectId) => client.kmsQuotas({ projectId })));
  expect(reads.map((read) => read.projectId)).toEqual(['0dea2644dc80d5d22ff1c01e3ebea6fc', '34bdce22bc00d4d4402427d1aa0ae49a']);
  expect(client.http.endpoint('kms', 'cn-north-4')).toBe(good);
  expect(emulator.requests.kms).toBe(2);
});

it('a read after a failover is the same read: shared and cached as before', async () => {
  emulator = await startEmulator();
  const env = { ...emulator.env, HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: `http://kms-down.invalid,${emulator.url}/kms/cn-north-4` };
  const client = createQuotaClient({ env, retryBaseDelayMs: 1 });
  clients.push(client);
  await client.kmsQuotas();
  await client.kmsQuotas();
  expect(emulator.requests.kms).toBe(1);
});

it('moves on for the project ID look-up too', async () => {
  emulator = await startEmulator();
  const { HUAWEICLOUD_SDK_PROJECT_ID: _, ...env } = emulator.env;
  const client = clientWith({ ...env, HUAWEICLOUD_SDK_IAM_ENDPOINT: '', HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4: `http://iam-down.invalid,${emulator.url}/iam/cn-north-4` });
  expect((await client.kmsQuotas()).projectId).toBe('0dea2644dc80d5d22ff1c01e3ebea6fc');
  expect(emulator.requests.projects).toBe(1);
});

it('does not move on for an answer, even an error: the next endpoint would give the same', async () => {
  emulator = await startEmulator();
  emulator.setFaults([{ route: 'kms', kind: '500' }]);
  const client = clientWith({ ...emulator.env, HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: `${emulator.url}/kms/cn-north-4,http://kms-backup.invalid` });
  const error = (await client.kmsQuotas({}).catch((caught: unknown) => caught)) as HuaweiCloudError;
  expect(error).toMatchObject({ kind: 'service', status: 500 });
  expect(client.http.endpoint('kms', 'cn-north-4')).toBe(`${emulator.url}/kms/cn-north-4`);
});

it('when none can be reached, says what each did', async () => {
  const client = clientWith({ HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK0123456789abcdef', HW_REGION_NAME: 'cn-north-4', HUAWEICLOUD_SDK_PROJECT_ID: '0dea2644dc80d5d22ff1c01e3ebea6fc', HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: 'http://kms-a.invalid,http://kms-b.invalid' });
  const error = (await client.kmsQuotas().catch((caught: unknown) => caught)) as HuaweiCloudError;
  expect(error).toBeInstanceOf(HuaweiCloudError);
  expect(error.kind).toBe('network');
  expect(error.message).toContain('kms-b.invalid');
  expect(error.message).toContain('after http://kms-a.invalid: ');
});
