import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiCloudClient } from '../../provider/client';
import { sendJson, startTestServer, type TestServer } from '../support/test-server';
import { signatureIsValid } from '../support/verify-signature';

let server: TestServer | undefined;
afterEach(() => server?.close());

const SECRET = 'signed-requests-secret-key';

describe('requests on the wire', () => {
  it('send Content-Type and sign content-type, host, x-sdk-date and the scope header', async () => {
    server = await startTestServer((_q, response) => sendJson(response, 200, { ok: true }));
    const client = createHuaweiCloudClient({ accessKey: 'WIREAK', secretKey: SECRET, endpoints: { kms: `${server.url}/kms/cn-north-4`, iam: `${server.url}/iam` }, region: 'cn-north-4' });
    await client.get({ service: 'kms', path: '/v1.0/p1/kms/user-quotas', scope: { projectId: 'p1' } });
    await client.get({ service: 'iam', path: '/v3.0/OS-QUOTA/domains/d1', query: { type: 'assigment_group_mp' }, scope: { domainId: 'd1' } });
    const [kms, iam] = server.requests;
    expect(kms!.url).toBe('/kms/cn-north-4/v1.0/p1/kms/user-quotas');
    expect(kms!.headers['content-type']).toBe('application/json');
    expect(kms!.headers['x-project-id']).toBe('p1');
    expect(kms!.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=WIREAK, SignedHeaders=content-type;host;x-project-id;x-sdk-date, /);
    expect(iam!.url).toBe('/iam/v3.0/OS-QUOTA/domains/d1?type=assigment_group_mp');
    expect(iam!.headers.authorization).toContain('SignedHeaders=content-type;host;x-domain-id;x-sdk-date,');
    for (const request of server.requests) expect(signatureIsValid(request, SECRET)).toBe(true);
    await client.close();
  });

  it('sign X-Security-Token for temporary keys, and with SDK-HMAC-SM3 when asked', async () => {
    server = await startTestServer((_q, response) => sendJson(response, 200, {}));
    const client = createHuaweiCloudClient({ accessKey: 'TEMPAK', secretKey: SECRET, securityToken: 'security-token-value', signingAlgorithm: 'SDK-HMAC-SM3', endpoints: { iam: server.url } });
    await client.get({ service: 'iam', path: '/v3/auth/domains' });
    const [request] = server.requests;
    expect(request!.headers['x-security-token']).toBe('security-token-value');
    expect(request!.headers.authorization).toMatch(/^SDK-HMAC-SM3 Access=TEMPAK, SignedHeaders=content-type;host;x-sdk-date;x-security-token, /);
    expect(signatureIsValid(request!, SECRET)).toBe(true);
    await client.close();
  });

  it('sign every attempt afresh', async () => {
    // Retry-After: 1 puts the second attempt at least a second later, so its X-Sdk-Date must differ.
    server = await startTestServer((_q, response, index) => (index === 0 ? sendJson(response, 503, {}, { 'Retry-After': '1' }) : sendJson(response, 200, {})));
    const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET, endpoints: { iam: server.url } });
    expect((await client.get({ service: 'iam', path: '/v3/auth/domains' })).attempts).toBe(2);
    const [first, second] = server.requests;
    expect(first!.headers['x-sdk-date']).not.toBe(second!.headers['x-sdk-date']);
    expect(first!.headers.authorization).not.toBe(second!.headers.authorization);
    for (const request of server.requests) expect(signatureIsValid(request, SECRET)).toBe(true);
    await client.close();
  });

  it('send an IAM token as X-Auth-Token, unsigned', async () => {
    server = await startTestServer((_q, response) => sendJson(response, 200, {}));
    const client = createHuaweiCloudClient({ authToken: 'iam-token-value', endpoints: { iam: server.url } });
    await client.get({ service: 'iam', path: '/v3.0/OS-QUOTA/projects/p1', scope: { projectId: 'p1' } });
    const [request] = server.requests;
    expect(request!.headers['x-auth-token']).toBe('iam-token-value');
    expect(request!.headers.authorization).toBeUndefined();
    await client.close();
  });

  it('go through an injected undici dispatcher such as MockAgent', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get('https://kms.cn-north-4.myhuaweicloud.com').intercept({ path: '/v1.0/p1/kms/user-quotas', method: 'GET' })
      .reply(200, { quotas: { resources: [] } }, { headers: { 'x-request-id': 'mock-1' } });
    const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET, region: 'cn-north-4', dispatcher: agent });
    const response = await client.get({ service: 'kms', path: '/v1.0/p1/kms/user-quotas', scope: { projectId: 'p1' } });
    expect(response).toMatchObject({ status: 200, body: { quotas: { resources: [] } }, requestId: 'mock-1', attempts: 1 });
    agent.assertNoPendingInterceptors();
    await agent.close();
  });
});
