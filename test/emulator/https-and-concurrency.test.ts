import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectsOf, useEmulator } from './harness';

const { start, clientOf } = useEmulator();

describe('--https', () => {
  it('serves TLS with a certificate made at start, trusted through caCertFile or OS_CACERT, and refused without', async () => {
    const emulator = await start({ https: true });
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.env.OS_CACERT).toBe(emulator.caCertFile);
    const { main } = projectsOf(emulator);
    const call = { service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } } as const;

    expect((await clientOf(emulator).get(call)).status).toBe(200);
    const { OS_CACERT: caFile, ...withoutCa } = emulator.env;
    expect((await clientOf(emulator, { env: withoutCa, caCertFile: caFile }).get(call)).status).toBe(200);
    const untrusting = await clientOf(emulator, { env: withoutCa }).get(call).catch((e: unknown) => e);
    expect(untrusting).toMatchObject({ kind: 'network', retryable: false });
    expect((untrusting as Error).message).toContain('set caCertFile or OS_CACERT');

    await emulator.stop();
    expect(existsSync(caFile!)).toBe(false);
  });
});

describe('load', () => {
  it('holds a few hundred concurrent connections', async () => {
    const emulator = await start({ latency: { minMs: 200, maxMs: 200 } });
    const { main } = projectsOf(emulator);
    const client = clientOf(emulator, { connections: 300 });
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: 300 }, () => client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } })),
    );
    const elapsed = performance.now() - started;
    expect(responses.every((response) => response.status === 200 && response.attempts === 1)).toBe(true);
    expect(new Set(responses.map((response) => response.requestId)).size).toBe(300);
    expect(emulator.requests.kms).toBe(300);
    // Each answer waits 200 ms: served one connection at a time this would take a minute, 8 at a time 7.5 s.
    expect(elapsed).toBeLessThan(3_000);
  });
});
