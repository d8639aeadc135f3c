import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHuaweiCloudClient } from '../../provider/client';
import { selfSignedCertificate } from '../support/self-signed-certificate';
import { sendJson, startTestServer, type TestServer } from '../support/test-server';

const credentials = { accessKey: 'AK', secretKey: 'tls-secret-key-value' };

describe('TLS', () => {
  const certificate = selfSignedCertificate();
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createHttpsServer({ cert: certificate.cert, key: certificate.key }, (_q, response) => sendJson(response, 200, { ok: true }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const read = (options: Parameters<typeof createHuaweiCloudClient>[0]) =>
    createHuaweiCloudClient({ ...credentials, endpoints: { iam: url }, ...options }).get({ service: 'iam', path: '/v3/auth/domains' });

  it('refuses an untrusted certificate, saying how to trust it, and does not retry', async () => {
    const error = await read({ env: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', attempts: 1, retryable: false });
    expect((error as Error).message).toContain('set caCertFile or OS_CACERT');
  });

  it('trusts a CA given by caCertFile or OS_CACERT', async () => {
    expect((await read({ caCertFile: certificate.certFile, env: {} })).body).toEqual({ ok: true });
    expect((await read({ env: { OS_CACERT: certificate.certFile } })).body).toEqual({ ok: true });
    expect(() => createHuaweiCloudClient({ caCertFile: '/nonexistent/ca.pem' })).toThrow(/^caCertFile: cannot read \/nonexistent\/ca.pem \(ENOENT\)/);
  });

  it('skips verification only when insecure is set explicitly, and warns', async () => {
    const lines: string[] = [];
    expect((await read({ insecure: true, logger: (line) => lines.push(line), env: {} })).body).toEqual({ ok: true });
    expect(lines[0]).toContain('TLS certificate verification is off');
    const warned: string[] = [];
    const onWarning = (warning: Error) => warned.push(warning.message);
    process.on('warning', onWarning);
    try {
      expect((await read({ env: { HW_INSECURE: '1' } })).body).toEqual({ ok: true });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warned.some((message) => message.includes('TLS certificate verification is off'))).toBe(true);
  });
});

describe('proxies', () => {
  let target: TestServer;
  let proxy: Server;
  let proxyUrl: string;
  const proxied: string[] = [];
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // A forwarding proxy that tunnels CONNECT and forwards absolute-form requests, recording both.
    proxy = createHttpServer((request, response) => {
      proxied.push(`${request.method} ${request.url}`);
      const upstream = httpRequest(request.url!, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(response);
      });
      request.pipe(upstream);
    });
    proxy.on('connect', (request, client: Socket, head) => {
      proxied.push(`CONNECT ${request.url}`);
      const [host, port] = request.url!.split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => socket.destroy());
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterEach(() => target?.close());
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('go through HTTP_PROXY / HTTPS_PROXY, except for NO_PROXY hosts', async () => {
    target = await startTestServer((_q, response) => sendJson(response, 200, { via: 'target' }));
    const targetHost = new URL(target.url).host;
    const viaProxy = createHuaweiCloudClient({ ...credentials, endpoints: { iam: target.url }, env: { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl } });
    expect((await viaProxy.get({ service: 'iam', path: '/v3/auth/domains' })).body).toEqual({ via: 'target' });
    expect(proxied.some((line) => line.includes(targetHost))).toBe(true);
    await viaProxy.close();

    proxied.length = 0;
    const bypass = createHuaweiCloudClient({ ...credentials, endpoints: { iam: target.url }, env: { http_proxy: proxyUrl, NO_PROXY: '127.0.0.1' } });
    expect((await bypass.get({ service: 'iam', path: '/v3/auth/domains' })).body).toEqual({ via: 'target' });
    expect(proxied).toEqual([]);
    await bypass.close();
    expect(target.requests).toHaveLength(2);
  });
});
