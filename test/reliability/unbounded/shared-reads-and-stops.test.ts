import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../../../provider/quota-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../provider/emulator';
import { clearSharedState } from '../../support/shared-state';
import type { QuotaRequirement } from '../../../provider/quota/requirements';
import { startTestServer, type TestServer } from '../../support/test-server';

// Shared reads: each caller's own signal and deadline end its own wait; the request is cancelled once no caller waits
// for it, and not before. Work stops after a failure: evaluate starts no further read, MetaStudio fetches no further page.

const emulators: RunningEmulator[] = [];
const clients: QuotaClient[] = [];
let server: TestServer | undefined;
beforeEach(() => clearSharedState());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(emulators.splice(0).map((emulator) => emulator.stop()));
  await server?.close();
  server = undefined;
});

async function start(options: EmulatorOptions): Promise<RunningEmulator> {
  const emulator = await startEmulator(options);
  emulators.push(emulator);
  return emulator;
}

function clientOf(emulator: RunningEmulator, options: QuotaClientOptions = {}): QuotaClient {
  const client = createQuotaClient({ env: emulator.env, ...options });
  clients.push(client);
  return client;
}

const elapsedSince = (started: number) => performance.now() - started;

describe('a shared read', () => {
  it('a caller with a short signal that joined a hanging read gives up on its own signal; the first caller still waits', async () => {
    const emulator = await start({ faults: [{ route: 'kms', kind: 'hang' }] });
    const first = clientOf(emulator, { deadlineMs: 3_000, maxAttempts: 1 }).kmsQuotas();
    const started = performance.now();
    const joined = clientOf(emulator).kmsQuotas({ signal: AbortSignal.timeout(200) });
    await expect(joined).rejects.toMatchObject({ kind: 'timeout', message: expect.stringContaining("kms read: aborted by the caller's signal") });
    expect(elapsedSince(started)).toBeLessThan(1_500);
    expect(emulator.requests.kms).toBe(1);
    await expect(first).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('a caller joining with a shorter deadline gives up at its own deadline', async () => {
    const emulator = await start({ faults: [{ route: 'kms', kind: 'hang' }] });
    const first = clientOf(emulator, { deadlineMs: 3_000, maxAttempts: 1 }).kmsQuotas();
    const started = performance.now();
    await expect(clientOf(emulator, { deadlineMs: 300 }).kmsQuotas()).rejects.toMatchObject({ kind: 'timeout', message: expect.stringContaining('overall deadline of 300 ms') });
    expect(elapsedSince(started)).toBeLessThan(1_500);
    await expect(first).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('the first caller aborting does not end the read for a caller without a signal', async () => {
    const emulator = await start({ latency: { minMs: 300, maxMs: 300 } });
    const controller = new AbortController();
    const first = clientOf(emulator).kmsQuotas({ signal: controller.signal });
    const second = clientOf(emulator).kmsQuotas();
    setTimeout(() => controller.abort(), 50);
    await expect(first).rejects.toMatchObject({ message: expect.stringContaining("aborted by the caller's signal") });
    expect((await second).resources.map((resource) => resource.type)).toEqual(['CMK', 'grant_per_CMK']);
    expect(emulator.requests.kms).toBe(1);
  });

  it('is cancelled once every caller has gone, and read afresh by the next', async () => {
    const emulator = await start({ latency: { minMs: 300, maxMs: 300 } });
    const controllers = [new AbortController(), new AbortController()];
    const reads = controllers.map((controller) => clientOf(emulator).kmsQuotas({ signal: controller.signal }));
    setTimeout(() => controllers.forEach((controller) => controller.abort()), 50);
    for (const read of reads) await expect(read).rejects.toMatchObject({ message: expect.stringContaining('aborted') });
    const again = await clientOf(emulator).kmsQuotas();
    expect(again.resources.length).toBe(2);
    expect(emulator.requests.kms).toBe(2);
  });
});

describe('work stops after a failure', () => {
  it('evaluate starts no further read once one failed', async () => {
    const emulator = await start({ latency: { minMs: 20, maxMs: 20 } });
    const project = emulator.state.accounts[0]!.projects[0]!;
    const unknownProject = '0123456789abcdef0123456789abcdef';
    const requirement = (projectId: string): QuotaRequirement => ({ service: 'kms', type: 'CMK', need: 1, region: project.region, projectId });
    // The first in a project that does not exist; the others each in its own scope, so that none shares another's read.
    const requirements = [unknownProject, ...Array.from({ length: 501 }, (_, index) => `${project.id.slice(0, 26)}${String(index).padStart(6, '0')}`)].map(requirement);
    await expect(clientOf(emulator, { concurrency: 8 }).evaluate(requirements)).rejects.toMatchObject({ kind: 'service' });
    const atRejection = emulator.requests.kms;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.requests.kms).toBe(atRejection);
    expect(atRejection).toBeLessThanOrEqual(8 + 8);
  });

  it('a MetaStudio read whose second page fails fetches no further page', async () => {
    const PAGES = 1_000;
    server = await startTestServer((request, response) => {
      const offset = Number(new URL(request.url!, 'http://x').searchParams.get('offset'));
      const answer = (status: number, body: unknown) => setTimeout(() => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)), 10);
      if (offset === 0) return answer(200, { count: PAGES * 100, assets: [] });
      if (offset === 100) return answer(400, { error_code: 'MSS.00000001', error_msg: 'bad page' });
      return answer(200, { count: PAGES * 100, assets: [] });
    });
    const client = createQuotaClient({ accessKey: 'AK', secretKey: 'SK-for-a-test-server-0001', region: 'cn-north-4', projectId: '0dea2644dc80d5d22ff1c01e3ebea6fc', endpoints: { metastudio: server.url }, env: {} });
    clients.push(client);
    await expect(client.metaStudioUserQuotas()).rejects.toMatchObject({ kind: 'service', status: 400 });
    const atRejection = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests.length).toBe(atRejection);
    expect(atRejection).toBeLessThan(12);
  });
});
