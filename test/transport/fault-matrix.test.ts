import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiCloudClient, HuaweiCloudError } from '../../provider/client';
import type { HuaweiCloudClientOptions } from '../../provider/client-options';
import { parseSdkDate } from '../../provider/signing/sdk-date';
import { sendJson, startTestServer, type Handler, type TestServer } from '../support/test-server';
import { signatureIsValid } from '../support/verify-signature';

const SECRET = 'fault-matrix-secret-key-0001';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const OK = { quotas: { resources: [{ type: 'project', quota: 10, used: 4, min: 0, max: 50 }] } };

async function read(handler: Handler, options: HuaweiCloudClientOptions = {}) {
  server = await startTestServer(handler);
  const client = createHuaweiCloudClient({
    accessKey: 'FAULTAK', secretKey: SECRET, endpoints: { iam: server.url }, retryBaseDelayMs: 10, ...options,
  });
  const started = Date.now();
  try {
    const response = await client.get({ service: 'iam', path: '/v3.0/OS-QUOTA/projects/p1', scope: { projectId: 'p1' } });
    return { response, error: undefined, elapsed: Date.now() - started, requests: server.requests };
  } catch (error) {
    if (!(error instanceof HuaweiCloudError)) throw error;
    return { response: undefined, error, elapsed: Date.now() - started, requests: server.requests };
  } finally {
    await client.close();
  }
}

/** Answers with the given failures in turn, then 200. */
function failThenOk(...failures: ((response: ServerResponse) => void)[]): Handler {
  return (_request, response, index) => (failures[index] ? failures[index]!(response) : sendJson(response, 200, OK, { 'X-Request-Id': `ok-${index}` }));
}
const status = (code: number, body: unknown = { error_code: `E.${code}`, error_msg: `status ${code}` }, headers: Record<string, string> = {}) =>
  (response: ServerResponse) => sendJson(response, code, body, headers);
const reset = (response: ServerResponse) => response.socket?.destroy();

describe('fault matrix', () => {
  it('429 with Retry-After in seconds waits that long, then succeeds', async () => {
    const result = await read(failThenOk(status(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': '1' })));
    expect(result.response?.attempts).toBe(2);
    expect(result.requests[1]!.at - result.requests[0]!.at).toBeGreaterThanOrEqual(950);
    expect(result.elapsed).toBeLessThan(3000);
  });

  it('429 with an HTTP-date Retry-After is honoured, and a long one is capped', async () => {
    const inOneSecond = new Date(Date.now() + 1500).toUTCString();
    const dated = await read(failThenOk(status(429, {}, { 'Retry-After': inOneSecond })));
    expect(dated.response?.attempts).toBe(2);
    expect(dated.requests[1]!.at - dated.requests[0]!.at).toBeGreaterThanOrEqual(400);
    await server!.close();
    const capped = await read(failThenOk(status(429, {}, { 'Retry-After': '3600' })), { maxRetryAfterMs: 100 });
    expect(capped.response?.attempts).toBe(2);
    expect(capped.elapsed).toBeLessThan(2000);
  });

  it('a burst of 500, 502 and 503 is ridden out within four attempts', async () => {
    const result = await read(failThenOk(status(500), status(502), status(503)));
    expect(result.response?.attempts).toBe(4);
    expect(result.response?.requestId).toBe('ok-3');
    expect(result.elapsed).toBeLessThan(2000);
  });

  it('a lasting 504 fails after four attempts as a retryable service error', async () => {
    const lasting = await read((_q, response) => status(504)(response));
    expect(lasting.error).toMatchObject({ kind: 'service', status: 504, code: 'E.504', attempts: 4, retryable: true });
    expect(lasting.requests).toHaveLength(4);
  });

  it('a connection reset is retried; a lasting one fails as a network error', async () => {
    const once = await read(failThenOk(reset));
    expect(once.response?.attempts).toBe(2);
    await server!.close();
    const always = await read((_q, response) => reset(response));
    expect(always.error).toMatchObject({ kind: 'network', attempts: 4, retryable: true, method: 'GET', path: '/v3.0/OS-QUOTA/projects/p1' });
    expect(always.elapsed).toBeLessThan(3000);
  });

  it('a truncated body is retried', async () => {
    const truncated = (response: ServerResponse) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
      response.write('{"quotas": {"resour');
      setTimeout(() => response.socket?.destroy(), 20);
    };
    const result = await read(failThenOk(truncated));
    expect(result.response?.attempts).toBe(2);
  });

  it('a server that never answers times out per attempt, then fails as a timeout', async () => {
    const result = await read(() => undefined, { requestTimeoutMs: 200, maxAttempts: 2 });
    expect(result.error).toMatchObject({ kind: 'timeout', attempts: 2, retryable: true });
    expect(result.requests).toHaveLength(2);
    expect(result.elapsed).toBeLessThan(2000);
  });

  it('the overall deadline stops everything', async () => {
    const result = await read(() => undefined, { deadlineMs: 300 });
    expect(result.error).toMatchObject({ kind: 'timeout', retryable: false });
    expect(result.error!.message).toContain('overall deadline of 300 ms');
    expect(result.elapsed).toBeLessThan(1500);
  });

  it('a caller abort ends the request at once', async () => {
    server = await startTestServer(() => undefined);
    const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET, endpoints: { iam: server.url } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(client.get({ service: 'iam', path: '/x', signal: controller.signal })).rejects.toMatchObject({ kind: 'network', retryable: false });
    expect(Date.now() - started).toBeLessThan(1000);
    const timedOut = client.get({ service: 'iam', path: '/x', signal: AbortSignal.timeout(100) });
    await expect(timedOut).rejects.toMatchObject({ kind: 'timeout' });
    await client.close();
  });

  /** Sends the headers and half of a body, then nothing more, keeping the connection open. */
  const stallMidBody: Handler = (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
    response.write('{"quotas": ');
  };

  it('a body that stalls after its headers times out per attempt, then fails as a timeout', async () => {
    const result = await read(stallMidBody, { requestTimeoutMs: 200, maxAttempts: 2 });
    expect(result.error).toMatchObject({ kind: 'timeout', attempts: 2, retryable: true });
    expect(result.error!.message).toContain('no answer within 200 ms');
    expect(result.requests).toHaveLength(2);
    expect(result.elapsed).toBeLessThan(2000);
  });

  it('a caller abort ends a body being read at once, and an aborted signal sends nothing', async () => {
    server = await startTestServer(stallMidBody);
    const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET, endpoints: { iam: server.url } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    await expect(client.get({ service: 'iam', path: '/x', signal: controller.signal })).rejects.toMatchObject({ kind: 'network', retryable: false, attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
    await expect(client.get({ service: 'iam', path: '/x', signal: controller.signal })).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('aborted by the caller') });
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  it('a request queued behind a busy connection fails as soon as the caller aborts it', async () => {
    // `/accepted` is answered, the rest never: the first read proves the credentials, so that the next two are sent at
    // once (until then, requests with unproven credentials wait their turn before the pool).
    server = await startTestServer((request, response) => void (request.url === '/accepted' && response.end('{}')));
    const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET, endpoints: { iam: server.url }, connections: 1, maxAttempts: 1 });
    await client.get({ service: 'iam', path: '/accepted' });
    const first = new AbortController();
    const busy = client.get({ service: 'iam', path: '/busy', signal: first.signal }).catch((error: unknown) => error);
    const queued = client.get({ service: 'iam', path: '/queued', signal: AbortSignal.timeout(150) });
    const started = Date.now();
    await expect(queued).rejects.toMatchObject({ kind: 'timeout', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests.map((request) => request.url)).toEqual(['/accepted', '/busy']);
    first.abort();
    expect(await busy).toMatchObject({ kind: 'network' });
    await client.close();
  });

  it('an HTML error page gives a readable message', async () => {
    const html = (response: ServerResponse) => {
      response.writeHead(502, { 'Content-Type': 'text/html' });
      response.end('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>');
    };
    const result = await read((_q, response) => html(response), { maxAttempts: 2 });
    expect(result.error).toMatchObject({ kind: 'service', status: 502, attempts: 2 });
    expect(result.error!.message).toContain('the response is an HTML page, not JSON: "502 Bad Gateway"');
  });

  it('a 401 explained by a skewed clock is retried once with the corrected clock, which is kept', async () => {
    const serverOffset = 20 * 60_000;
    server = await startTestServer((request, response) => {
      const serverNow = Date.now() + serverOffset;
      const signedAt = parseSdkDate(String(request.headers['x-sdk-date']))!.getTime();
      const headers = { Date: new Date(serverNow).toUTCString() };
      if (Math.abs(serverNow - signedAt) > 15 * 60_000 || !signatureIsValid(request as never, SECRET)) {
        return sendJson(response, 401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' }, headers);
      }
      sendJson(response, 200, OK, headers);
    });
    const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET, endpoints: { iam: server.url } });
    const first = await client.get({ service: 'iam', path: '/v3.0/OS-QUOTA/projects/p1' });
    expect(first.attempts).toBe(2);
    const second = await client.get({ service: 'iam', path: '/v3.0/OS-QUOTA/projects/p1' });
    expect(second.attempts).toBe(1);
    expect(server.requests).toHaveLength(3);
    await client.close();
  });

  it.each([400, 401, 403, 404])('never retries %i', async (code) => {
    const result = await read((_q, response) => status(code)(response));
    expect(result.error).toMatchObject({ kind: 'service', status: code, attempts: 1, retryable: false });
    expect(result.requests).toHaveLength(1);
  });

  it('refuses a body over the size limit, by its length or as it streams', async () => {
    const declared = await read((_q, response) => sendJson(response, 200, { padding: 'x'.repeat(5000) }), { maxResponseBytes: 1024 });
    expect(declared.error).toMatchObject({ kind: 'response-invalid', attempts: 1 });
    expect(declared.error!.message).toContain('larger than 1024 bytes');
    await server!.close();
    const streamed = await read((_q, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < 10; i++) response.write('x'.repeat(500));
      response.end();
    }, { maxResponseBytes: 1024 });
    expect(streamed.error).toMatchObject({ kind: 'response-invalid' });
  });

  it('a 200 that is not JSON is response-invalid', async () => {
    const result = await read((_q, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"quotas": ');
    });
    expect(result.error).toMatchObject({ kind: 'response-invalid', status: 200, attempts: 1 });
  });
});

describe('service errors', () => {
  it.each([
    ['IAM', { error_code: 'IAM.0004', error_msg: 'Could not find project' }],
    ['KMS', { error: { error_code: 'KMS.0205', error_msg: 'Invalid project' } }],
    ['generic', { error: { code: 'X.0001', message: 'generic message' } }],
    ['SFS Turbo', { errCode: 'SFS.TURBO.0001', errMsg: 'parameter error' }],
    ['camel case', { errorCode: 'MSS.00000005', errorMsg: 'Forbidden' }],
  ])('reads the %s error shape', async (_name, body) => {
    const result = await read((_q, response) => sendJson(response, 404, body, { 'x-ReQuEsT-iD': 'req-123' }));
    const values = Object.values(body).flatMap((v) => (typeof v === 'object' ? Object.values(v) : [v]));
    expect(result.error).toMatchObject({ kind: 'service', status: 404, code: values[0], serviceMessage: values[1], requestId: 'req-123' });
    expect(result.error!.message).toContain(`${values[0]}: ${values[1]}`);
    expect(result.error!.message).toContain('request id req-123');
  });

  it('falls back to X-IAM-Trace-Id and adds a hint for gateway codes', async () => {
    const result = await read((_q, response) => sendJson(response, 404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist' }, { 'X-IAM-Trace-Id': 'trace-9' }));
    expect(result.error).toMatchObject({ requestId: 'trace-9', code: 'APIGW.0101' });
    expect(result.error!.message).toContain('check the region');
  });
});

describe('timing settings', () => {
  it.each(['requestTimeoutMs', 'connectTimeoutMs', 'deadlineMs', 'retryMaxDelayMs'])('refuses a %s longer than a Node timer can wait, naming the range', (field) => {
    expect(() => createHuaweiCloudClient({ accessKey: 'AK', secretKey: SECRET, [field]: 2 ** 31 })).toThrow(
      expect.objectContaining({ kind: 'invalid-argument', field, message: `${field}: must be a whole number from ${field === 'retryMaxDelayMs' ? 0 : 1} to 2147483647; got 2147483648` }),
    );
  });
});
