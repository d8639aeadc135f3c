import { afterEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../provider/credentials/resolve-credentials';
import { sendJson, startTestServer, type TestServer } from '../support/test-server';

// Temporary keys from the ECS metadata service: an expired one is never used without a word, and a key that is
// already inside the refresh margin is fetched once, not on every read.

const NO_PROFILE = { HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent/hwquota-test/credentials' };
let server: TestServer | undefined;
afterEach(() => server?.close());

function metadataServer(expiresAt: () => number) {
  return startTestServer((request, response, index) => {
    if (request.url !== '/openstack/latest/securitykey') return sendJson(response, 404, {});
    sendJson(response, 200, { credential: { access: `TEMPAK${index}`, secret: `temp-secret-${index}`, securitytoken: `temp-token-${index}`, expires_at: new Date(expiresAt()).toISOString() } });
  });
}

describe('temporary keys from the ECS metadata service', () => {
  it('an expired key is fetched again, and if the service still hands out an expired one, that is a clear error', async () => {
    server = await metadataServer(() => Date.now() - 60_000);
    const source = await resolveCredentials({ metadataUrl: server.url }, NO_PROFILE);
    await expect(source.current()).rejects.toMatchObject({ kind: 'missing-credentials', message: expect.stringMatching(/temporary keys .* expired/) });
    expect(server.requests.length).toBe(2);
  });

  it('a key inside the refresh margin is fetched again once, not on every read', async () => {
    server = await metadataServer(() => Date.now() + 120_000);
    const source = await resolveCredentials({ metadataUrl: server.url }, NO_PROFILE);
    for (let read = 0; read < 20; read++) await Promise.all([source.current(), source.current(), source.current(), source.current()]);
    expect(server.requests.length).toBe(2);
    expect((await source.current()).kind).toBe('access-key');
  });
});
