import { describe, expect, it } from 'vitest';
import type { Fault, RunningEmulator } from '../../provider/emulator';
import { projectsOf, rawGet, useEmulator } from './harness';

const { start, clientOf } = useEmulator();

/** Faults come before authentication, so an unsigned request shows a fault exactly as the emulator sends it. */
function unsigned(emulator: RunningEmulator, service: 'kms' | 'sfs-turbo' | 'metastudio' | 'iam') {
  const { main } = projectsOf(emulator);
  const paths = {
    kms: `/kms/cn-north-4/v1.0/${main.id}/kms/user-quotas`,
    'sfs-turbo': `/sfs-turbo/cn-north-4/v1/${main.id}/sfs-turbo/quotas`,
    metastudio: `/metastudio/cn-north-4/v1/${main.id}/user/quotas`,
    iam: `/iam/v3.0/OS-QUOTA/projects/${main.id}`,
  };
  return rawGet(`${emulator.url}${paths[service]}`);
}

describe('faults', () => {
  it('429: throttled by the gateway, with Retry-After (1 s unless given)', async () => {
    const emulator = await start({ faults: [{ route: 'kms', kind: '429', count: 1 }, { route: 'kms', kind: '429', count: 1, retryAfter: 7 }] });
    const first = await unsigned(emulator, 'kms');
    expect(first).toMatchObject({ status: 429, headers: { 'retry-after': '1' }, json: { error_code: 'APIGW.0308', request_id: first.headers['x-request-id'] } });
    expect((await unsigned(emulator, 'kms')).headers['retry-after']).toBe('7');
    expect((await unsigned(emulator, 'kms')).status).toBe(401);
  });

  it('500 and 503 in the service’s own shape; 502 and 504 from the gateway', async () => {
    const emulator = await start({ faults: [{ route: '*', kind: '500' }] });
    expect((await unsigned(emulator, 'kms')).json).toEqual({ error: { error_code: 'KMS.0101', error_msg: expect.any(String) } });
    expect((await unsigned(emulator, 'sfs-turbo')).json).toEqual({ errCode: 'SFS.TURBO.0005', errMsg: expect.any(String) });
    expect((await unsigned(emulator, 'metastudio')).json).toEqual({ error_code: 'MSS.00000004', error_msg: expect.any(String) });
    expect((await unsigned(emulator, 'iam')).json).toEqual({ error_code: 'IAM.0006', error_msg: expect.any(String) });
    emulator.setFaults([{ route: '*', kind: '503' }]);
    expect(await unsigned(emulator, 'kms')).toMatchObject({ status: 503, json: { error: { error_code: 'KMS.0101' } } });
    emulator.setFaults([{ route: '*', kind: '502' }]);
    expect(await unsigned(emulator, 'sfs-turbo')).toMatchObject({ status: 502, json: { error_code: 'APIGW.0201', error_msg: 'Backend unavailable.' } });
    emulator.setFaults([{ route: '*', kind: '504' }]);
    expect(await unsigned(emulator, 'metastudio')).toMatchObject({ status: 504, json: { error_code: 'APIGW.0201', error_msg: 'Backend timeout.' } });
  });

  it('reset, truncate, malformed and html break the answer itself', async () => {
    const emulator = await start({ faults: [{ route: 'kms', kind: 'reset' }] });
    await expect(unsigned(emulator, 'kms')).rejects.toThrow(/socket hang up|ECONNRESET/);
    emulator.setFaults([{ route: 'kms', kind: 'truncate' }]);
    await expect(unsigned(emulator, 'kms')).rejects.toThrow(/cut short|aborted/);
    emulator.setFaults([{ route: 'kms', kind: 'malformed' }]);
    const malformed = await unsigned(emulator, 'kms');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    emulator.setFaults([{ route: 'kms', kind: 'html' }]);
    const html = await unsigned(emulator, 'kms');
    expect(html).toMatchObject({ status: 502, headers: { 'content-type': 'text/html' } });
    expect(html.text).toContain('<title>502 Bad Gateway</title>');
  });

  it('hang never answers, and stop() still ends at once', async () => {
    const emulator = await start({ faults: [{ route: 'metastudio', kind: 'hang' }] });
    await expect(rawGet(`${emulator.url}/metastudio/cn-north-4/v1/${projectsOf(emulator).main.id}/user/quotas`, {}, { timeoutMs: 300 })).rejects.toThrow(/timed out/);
    const pending = unsigned(emulator, 'metastudio').catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await emulator.stop();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('count fails the first N matching requests; other routes are untouched; our client rides it out', async () => {
    const emulator = await start({ faults: [{ route: 'kms', kind: '503', count: 2 }] });
    const { main } = projectsOf(emulator);
    const client = clientOf(emulator);
    const scope = { projectId: main.id };
    expect((await client.get({ service: 'sfs-turbo', path: `/v1/${main.id}/sfs-turbo/quotas`, scope })).attempts).toBe(1);
    const kms = await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope });
    expect(kms.attempts).toBe(3);
    expect(emulator.requests.kms).toBe(3);
    expect((await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope })).attempts).toBe(1);
  });

  it('rate fails each request with that probability', async () => {
    const emulator = await start({ faults: [{ route: 'kms', kind: '500', rate: 0.5 }] });
    const statuses = await Promise.all(Array.from({ length: 200 }, () => unsigned(emulator, 'kms').then((r) => r.status)));
    const failed = statuses.filter((status) => status === 500).length;
    // 200 draws at 0.5: 60..140 is more than five standard deviations either side.
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
    expect(statuses.filter((status) => status !== 500).every((status) => status === 401)).toBe(true);
    emulator.setFaults([{ route: 'kms', kind: '500', rate: 0 }]);
    expect((await unsigned(emulator, 'kms')).status).toBe(401);
    emulator.setFaults([{ route: 'kms', kind: '500', rate: 1 }]);
    expect((await unsigned(emulator, 'kms')).status).toBe(500);
  });

  it('setFaults replaces the faults and restarts their counts; a bad fault is refused', async () => {
    const emulator = await start({ faults: [{ route: '*', kind: '502', count: 1 }] });
    expect((await unsigned(emulator, 'iam')).status).toBe(502);
    expect((await unsigned(emulator, 'iam')).status).toBe(401);
    emulator.setFaults([{ route: '*', kind: '502', count: 1 }]);
    expect((await unsigned(emulator, 'iam')).status).toBe(502);
    emulator.setFaults([]);
    expect((await unsigned(emulator, 'iam')).status).toBe(401);
    expect(() => emulator.setFaults([{ route: 'kms', kind: '418' } as unknown as Fault])).toThrow(/^faults\[0\]\.kind: /);
    expect(() => emulator.setFaults([{ route: 'kms', kind: '500', count: 1, rate: 0.5 }])).toThrow(/count or rate, not both/);
  });

  it('our client retries truncated and reset answers, and reports HTML and malformed ones clearly', async () => {
    const emulator = await start({ faults: [{ route: 'kms', kind: 'truncate', count: 1 }, { route: 'kms', kind: 'reset', count: 1 }] });
    const { main } = projectsOf(emulator);
    const client = clientOf(emulator);
    const call = { service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } } as const;
    expect((await client.get(call)).attempts).toBe(3);
    emulator.setFaults([{ route: 'kms', kind: 'html' }]);
    const html = await client.get(call).catch((e: Error) => e);
    expect(html).toMatchObject({ kind: 'service', status: 502, attempts: 4 });
    expect((html as Error).message).toContain('the response is an HTML page, not JSON: "502 Bad Gateway"');
    emulator.setFaults([{ route: 'kms', kind: 'malformed' }]);
    await expect(client.get(call)).rejects.toMatchObject({ kind: 'response-invalid', status: 200 });
  });

  it('latency delays every answer by a fixed time or a time in a range', async () => {
    const emulator = await start({ latency: { minMs: 120, maxMs: 120 } });
    let started = performance.now();
    await unsigned(emulator, 'kms');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    const ranged = await start({ latency: { minMs: 30, maxMs: 90 } });
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      await unsigned(ranged, 'kms');
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(25);
      expect(elapsed).toBeLessThan(400);
    }
    await expect(start({ latency: { minMs: 50, maxMs: 10 } })).rejects.toThrow(/latency: .*minMs must not be more than maxMs/);
  });
});
