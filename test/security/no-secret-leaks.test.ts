import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHuaweiCloudClient, HuaweiCloudError } from '../../provider/client';
import type { HuaweiCloudClientOptions } from '../../provider/client-options';
import { resolveCredentials } from '../../provider/credentials/resolve-credentials';
import { sendJson, startTestServer, type TestServer } from '../support/test-server';

const SECRET_KEY = 'SECRETKEY-c0ffee-4242-secret';
const TOKEN = 'AUTHTOKEN-c0ffee-4242-token';
const SECURITY_TOKEN = 'SECTOKEN-c0ffee-4242-security';
const SECRETS = [SECRET_KEY, TOKEN, SECURITY_TOKEN];

/** A hostile server: every route answers with a different failure that echoes whatever credentials it received
 * (the secret key itself never travels, so it cannot be echoed). */
function echoHostile(request: IncomingMessage, response: ServerResponse): void {
  const echoed = `${request.headers['x-auth-token'] ?? ''} ${request.headers['x-security-token'] ?? ''}`;
  const route = new URL(request.url!, 'http://x').pathname;
  switch (route) {
    case '/401': return sendJson(response, 401, { error_code: 'APIGW.0301', error_msg: `bad signature for ${echoed}` });
    case '/403': return sendJson(response, 403, { error: { error_code: 'KMS.0403', error_msg: echoed } });
    case '/500': return sendJson(response, 500, { errCode: 'SFS.TURBO.0005', errMsg: echoed });
    case '/html': response.writeHead(502, { 'Content-Type': 'text/html' }); return void response.end(`<html><title>${echoed}</title></html>`);
    case '/not-json': response.writeHead(200); return void response.end(`oops ${echoed}`);
    case '/reset': return void response.socket?.destroy();
    case '/large': return sendJson(response, 200, { padding: 'x'.repeat(4096), echoed });
    default: return undefined; // hang
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(echoHostile);
});
afterAll(() => server.close());

function expectNoSecret(text: string, where: string): void {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} holds a secret: ${text}`).toBe(false);
}

function expectCleanError(error: unknown, where: string): void {
  expect(error).toBeInstanceOf(HuaweiCloudError);
  const e = error as HuaweiCloudError;
  expectNoSecret(e.message, `${where} message`);
  expectNoSecret(JSON.stringify(e), `${where} toJSON`);
  expectNoSecret(inspect(e, { depth: 10 }), `${where} inspect`);
  expectNoSecret(String(e.stack), `${where} stack`);
  expectNoSecret(inspect(e.cause, { depth: 10 }), `${where} cause`);
}

describe('secrets never appear in errors or logs', () => {
  const authModes: [string, HuaweiCloudClientOptions][] = [
    ['temporary access keys', { accessKey: 'VISIBLEAK', secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN }],
    ['an IAM token', { authToken: TOKEN }],
  ];
  const routes = ['/401', '/403', '/500', '/html', '/not-json', '/reset', '/large', '/hang'];

  it.each(authModes)('with %s, across every failure, in message, JSON, inspect and the debug log', async (_mode, auth) => {
    const lines: string[] = [];
    const client = createHuaweiCloudClient({
      ...auth, endpoints: { iam: server.url }, retryBaseDelayMs: 1, maxRetryAfterMs: 1, requestTimeoutMs: 150,
      maxResponseBytes: 1024, maxAttempts: 2, logger: (line) => lines.push(line),
    });
    for (const route of routes) {
      const error = await client.get({ service: 'iam', path: route }).catch((e: unknown) => e);
      expectCleanError(error, route);
      expect(error).toBeInstanceOf(HuaweiCloudError);
    }
    expect(lines.length).toBeGreaterThanOrEqual(routes.length);
    for (const line of lines) expectNoSecret(line, 'debug log');
    expect(lines.join('\n')).toContain('[redacted]');
    await client.close();
  });

  it('in the HWQUOTA_DEBUG log on stderr', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN, endpoints: { iam: server.url }, maxAttempts: 1, env: { HWQUOTA_DEBUG: '1' } });
      await client.get({ service: 'iam', path: '/403' }).catch(() => undefined);
      await client.close();
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain('hwquota: GET');
    expect(written.join('')).toContain('"Authorization":"[redacted]"');
    expectNoSecret(written.join(''), 'stderr');
  });

  it('in credential and argument errors', async () => {
    const errors = await Promise.all([
      resolveCredentials({ secretKey: SECRET_KEY, metadataUrl: false }, {}).catch((e: unknown) => e),
      resolveCredentials({ metadataUrl: false }, { HW_SECRET_KEY: SECRET_KEY, HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent' }).catch((e: unknown) => e),
      // A secret pasted into the wrong setting by mistake.
      Promise.resolve().then(() => createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET_KEY, projectId: SECRET_KEY + '/..' })).catch((e: unknown) => e),
      createHuaweiCloudClient({ authToken: TOKEN, env: { HW_REGION_NAME: 'cn-north-4', HW_PROJECT_ID: `${TOKEN}?` } }).resolveProjectId().catch((e: unknown) => e),
      createHuaweiCloudClient({ env: { HW_AUTH_TOKEN: TOKEN, HW_DOMAIN_ID: `${TOKEN}/x` } }).resolveDomainId().catch((e: unknown) => e),
    ]);
    errors.forEach((error, index) => expectCleanError(error, `case ${index}`));
  });
});
