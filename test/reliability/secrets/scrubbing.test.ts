import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { HuaweiCloudError } from '../../../provider/errors';
import { startEmulator, type RunningEmulator } from '../../../provider/emulator';
import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../../../provider/quota-client';
import { startTestServer, type TestServer } from '../../support/test-server';

// No piece of 16 characters or more of a known secret (raw, URL-encoded or base64) in any field of an error, whether
// the secret was pasted into the wrong setting or echoed by a service; an ID holding a secret is never sent.

const clients: QuotaClient[] = [];
let emulator: RunningEmulator | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await emulator?.stop();
  await server?.close();
  emulator = undefined;
  server = undefined;
});

function client(options: QuotaClientOptions): QuotaClient {
  const made = createQuotaClient({ cacheTtlMs: 0, maxAttempts: 1, ...options });
  clients.push(made);
  return made;
}

/** The 16-character pieces of a secret, raw, URL-encoded and in base64 (the alignment it has at the start of data). */
function piecesOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64').slice(0, -4), Buffer.from(secret).toString('base64url').slice(0, -4)];
  return forms.flatMap((form) => Array.from({ length: Math.max(0, form.length - 15) }, (_, start) => form.slice(start, start + 16)));
}

/** Every field of the error, as code, JSON and `util.inspect` show it. */
function everyText(error: unknown): string {
  expect(error).toBeInstanceOf(HuaweiCloudError);
  const e = error as HuaweiCloudError;
  return [e.message, e.stack, JSON.stringify(e), inspect(e), e.code, e.requestId, e.path, e.field, e.serviceMessage].join('\n');
}

function expectNoPiece(error: unknown, secret: string): void {
  const text = everyText(error);
  const found = piecesOf(secret).filter((piece) => text.includes(piece));
  expect(found, text).toEqual([]);
}

describe('a secret pasted into an ID setting is refused, unsent, and appears nowhere', () => {
  it.each([
    ['projectId', (secret: string) => ({ projectId: secret.slice(0, 32) }), 'projectId'],
    ['domainId', (secret: string) => ({ domainId: secret.slice(0, 32) }), 'domainId'],
    ['HUAWEICLOUD_SDK_PROJECT_ID', (secret: string) => ({ env: { HUAWEICLOUD_SDK_PROJECT_ID: secret.slice(0, 32) } }), 'HUAWEICLOUD_SDK_PROJECT_ID'],
  ])('%s', async (_, settings, field) => {
    emulator = await startEmulator();
    const secret = emulator.env.HUAWEICLOUD_SDK_SK!;
    const given = settings(secret) as QuotaClientOptions & { env?: Record<string, string> };
    // Options are checked when the client is made, the environment when it is read: either way, nothing is sent.
    const error = await (async () => {
      const quotas = client({ ...given, env: { ...emulator!.env, HUAWEICLOUD_SDK_PROJECT_ID: '', HUAWEICLOUD_SDK_DOMAIN_ID: '', ...given.env } });
      return field === 'domainId' ? quotas.accountQuotas() : quotas.kmsQuotas();
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-argument', field, message: expect.stringContaining('holds a secret key or token') });
    expectNoPiece(error, secret);
    expect(Object.values(emulator.requests).reduce((sum, count) => sum + count, 0)).toBe(0);
  });
});

describe('a secret echoed by a service is scrubbed from every field, before the message is cut or escaped', () => {
  const token = `MIIE+/${'Ab3+x/Yz9='.repeat(60)}END`;
  const echoes: [string, (response: import('node:http').ServerResponse) => void][] = [
    ['as the error code and the request ID', (response) => response.writeHead(400, { 'Content-Type': 'application/json', 'X-Request-Id': token }).end(JSON.stringify({ error_code: token, error_msg: 'bad token' }))],
    ['cut to its first 70 characters', (response) => response.writeHead(400).end(JSON.stringify({ error_code: 'X.1', error_msg: `token ${token.slice(0, 70)} is bad` }))],
    ['whole, in a message longer than what is shown', (response) => response.writeHead(400).end(JSON.stringify({ error_code: 'X.1', error_msg: `${'padding '.repeat(20)}${token}` }))],
    ['split by a control character', (response) => response.writeHead(400).end(JSON.stringify({ error_code: 'X.1', error_msg: `${token.slice(0, 300)}\u0007${token.slice(300)}` }))],
    ['URL-encoded', (response) => response.writeHead(400).end(JSON.stringify({ error_code: 'X.1', error_msg: `next=${encodeURIComponent(token)}` }))],
    ['in base64, at any alignment', (response) => response.writeHead(400).end(JSON.stringify({ error_code: 'X.1', error_msg: `${Buffer.from(`a${token}`).toString('base64')} ${Buffer.from(`ab${token}`).toString('base64')} ${Buffer.from(token).toString('base64')}` }))],
    ['in a 9 MB message', (response) => response.writeHead(400).end(JSON.stringify({ error_code: 'X.1', error_msg: `${token}${'x'.repeat(9_000_000)}` }))],
  ];
  it.each(echoes)('%s', async (_, answer) => {
    server = await startTestServer((request, response) => answer(response));
    const quotas = client({ authToken: token, region: 'cn-north-4', projectId: '0dea2644dc80d5d22ff1c01e3ebea6fc', endpoints: { kms: server.url }, env: {} });
    const error = await quotas.kmsQuotas().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'service', status: 400 });
    expectNoPiece(error, token);
    expect((error as HuaweiCloudError).message.length).toBeLessThan(1_500);
  });
});

describe('our own messages, which show a bad value cut short, are scrubbed too', () => {
  it('a token pasted into projectName, shown cut to 70 characters', async () => {
    const token = `MIIE+/${'Ab3+x/Yz9='.repeat(30)}END`;
    const quotas = client({ authToken: token, region: 'cn-north-4', projectName: token, env: {} });
    const error = await quotas.kmsQuotas().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-argument', field: 'projectName' });
    expectNoPiece(error, token);
  });
});

describe('argument checks run outside the signed client, and are scrubbed too', () => {
  it.each([
    ['a requirement type', (secret: string) => [{ service: 'kms', type: secret, need: 1 }]],
    ['a requirement service', (secret: string) => [{ service: secret, type: 'CMK', need: 1 }]],
    ['an unknown key', (secret: string) => [{ service: 'kms', type: 'CMK', need: 1, [secret]: 1 }]],
  ])('%s', async (_, requirements) => {
    const secret = 'Sk9+/verySecretKeyValue0000000000000001';
    const quotas = client({ accessKey: 'HPUAEXAMPLEKEY000001', secretKey: secret, region: 'cn-north-4', env: {} });
    const error = await quotas.evaluate(requirements(secret) as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid-argument' });
    expectNoPiece(error, secret);
  });
});
