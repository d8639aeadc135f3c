import { afterEach, describe, expect, it } from 'vitest';
import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../../../provider/quota-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../provider/emulator';

// The API gateway locks an access key after more than five failed signatures in a row (the emulator too, with its
// default five-minute lockout, on here). Reads with a skewed clock or a wrong secret key must not lock it: until a host
// has accepted the credentials, one request at a time goes out to it.

const MINUTE = 60_000;
const emulators: RunningEmulator[] = [];
const clients: QuotaClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(emulators.splice(0).map((emulator) => emulator.stop()));
});

async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator(options);
  emulators.push(emulator);
  return emulator;
}

/** A quota client of the emulator that counts the 401 answers it got. */
function clientOf(emulator: RunningEmulator, refusals: string[], options: QuotaClientOptions = {}): QuotaClient {
  const client = createQuotaClient({ env: emulator.env, retryBaseDelayMs: 5, retryMaxDelayMs: 20, cacheTtlMs: 0, logger: (line) => void (/ -> 401 /.test(line) && refusals.push(line)), ...options });
  clients.push(client);
  return client;
}

describe('no locked key from concurrent reads', () => {
  it('the emulator 20 minutes ahead: 20 clients reading KMS and SFS Turbo at once all succeed, with one refused request, and the key stays usable', async () => {
    const emulator = await start({ clockOffsetMs: 20 * MINUTE });
    const refusals: string[] = [];
    const reads = Array.from({ length: 20 }, () => {
      const client = clientOf(emulator, refusals);
      return [client.kmsQuotas({ region: 'cn-north-4' }), client.sfsTurboQuotas({ region: 'cn-north-4' })];
    }).flat();
    const results = await Promise.allSettled(reads);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(refusals).toHaveLength(1);
    // An ordinary read afterwards: the key is not locked.
    const later = await clientOf(emulator, refusals).projectQuotas();
    expect(later.resources.length).toBeGreaterThan(0);
    expect(refusals).toHaveLength(1);
  });

  it('a wrong secret key: reads of several APIs and projects at once send one request, all fail with its error, and the key stays usable', async () => {
    // 50 ms away, as the cloud is: every read has reached the gate before the first one's answer.
    const emulator = await start({ latency: { minMs: 50, maxMs: 50 } });
    const refusals: string[] = [];
    const wrong = clientOf(emulator, refusals, { accessKey: emulator.env.HUAWEICLOUD_SDK_AK, secretKey: 'not-the-secret-key-of-this-access-key' });
    const projectIds = emulator.state.accounts[0]!.projects.map((project) => ({ projectId: project.id, region: project.region }));
    const reads = projectIds.flatMap((scope) => [wrong.kmsQuotas(scope), wrong.sfsTurboQuotas(scope), wrong.ecsQuotas(scope), wrong.vpcQuotas(scope)]);
    const results = await Promise.allSettled(reads);
    expect(results.map((result) => result.status)).toEqual(reads.map(() => 'rejected'));
    for (const result of results) expect((result as PromiseRejectedResult).reason).toMatchObject({ kind: 'service', status: 401, code: 'APIGW.0301' });
    const sent = emulator.requests.kms + emulator.requests['sfs-turbo'] + emulator.requests.ecs + emulator.requests.vpc;
    expect(sent).toBe(1);
    expect(refusals).toHaveLength(1);

    const good = await clientOf(emulator, []).kmsQuotas({ region: 'cn-north-4' });
    expect(good.resources.map((resource) => resource.type)).toEqual(['CMK', 'grant_per_CMK']);
  });

  it('a wrong secret key: evaluate of 100 requirements sends one request and rejects, and the key stays usable', async () => {
    const emulator = await start();
    const projects = emulator.state.accounts[0]!.projects;
    const requirements = Array.from({ length: 100 }, (_, index) => {
      const project = projects[index % projects.length]!;
      return { service: index % 2 ? 'kms' : 'sfs-turbo', type: index % 2 ? 'CMK' : 'shares', need: 1, region: project.region, projectId: project.id } as const;
    });
    const refusals: string[] = [];
    const wrong = clientOf(emulator, refusals, { accessKey: emulator.env.HUAWEICLOUD_SDK_AK, secretKey: 'not-the-secret-key-of-this-access-key' });
    await expect(wrong.evaluate(requirements)).rejects.toMatchObject({ status: 401, code: 'APIGW.0301' });
    // Let any worker that would go on after the rejection send what it would.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emulator.requests.kms + emulator.requests['sfs-turbo']).toBe(1);
    expect(refusals).toHaveLength(1);

    const checks = await clientOf(emulator, []).evaluate(requirements.slice(0, 4));
    expect(checks).toHaveLength(4);
  });
});
