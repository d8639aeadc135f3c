import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiCloudClient } from '../../provider/client';
import { sendJson, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('the connection pool', () => {
  it.each([[undefined, 8], [2, 2]])('keeps at most %s (default 8) connections per origin, and reuses them', async (connections, limit) => {
    const sockets = new Set<unknown>();
    server = await startTestServer((request, response) => {
      sockets.add(request.socket);
      setTimeout(() => sendJson(response, 200, {}), 30);
    });
    const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: 'pool-secret', endpoints: { iam: server.url }, connections });
    const reads = Array.from({ length: 40 }, () => client.get({ service: 'iam', path: '/v3/auth/domains' }));
    expect((await Promise.all(reads)).every((r) => r.status === 200)).toBe(true);
    expect(sockets.size).toBe(limit);
    await client.close();
  });
});
