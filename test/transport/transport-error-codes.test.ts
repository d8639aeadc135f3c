import { createServer, type Server, type Socket } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiCloudClient } from '../../provider/client';
import { HuaweiCloudError } from '../../provider/errors';
import { TRANSPORT_ERROR_CODES } from '../../provider/transport/transport-error-codes';

// The transport names its faults with its own codes, the same through Node's http pool (the default) and through an
// undici dispatcher (a proxy, or one the caller gives), never undici's UND_ERR_* names.
let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A raw TCP server on 127.0.0.1 that does `onConnection` with each socket. */
async function rawServer(onConnection: (socket: Socket) => void): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const clients = {
  'node:http': () => ({}),
  'an undici dispatcher': () => ({ dispatcher: new Agent({ connect: { timeout: 300 } }) }),
};

async function failure(url: string, extra: Record<string, unknown>): Promise<HuaweiCloudError> {
  const client = createHuaweiCloudClient({ accessKey: 'AK', secretKey: 'codes-secret', endpoints: { iam: url }, maxAttempts: 1, connectTimeoutMs: 300, ...extra });
  try {
    const error = await client.get({ service: 'iam', path: '/v3/auth/domains' }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    return error as HuaweiCloudError;
  } finally {
    await client.close();
    await (extra.dispatcher as Agent | undefined)?.close();
  }
}

describe.each(Object.entries(clients))('through %s', (_, options) => {
  it('a body cut short is HWQUOTA_BODY_TRUNCATED, a network fault worth retrying', async () => {
    const port = await rawServer((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"domains"')),
    );
    const error = await failure(`http://127.0.0.1:${port}`, options());
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message, error.message).toContain(TRANSPORT_ERROR_CODES.bodyTruncated);
    expect(error.message).not.toMatch(/UND_ERR/);
  });

  it('a TLS handshake that never ends is HWQUOTA_CONNECT_TIMEOUT, of kind timeout', async () => {
    const port = await rawServer(() => undefined);
    const error = await failure(`https://127.0.0.1:${port}`, options());
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).toContain(TRANSPORT_ERROR_CODES.connectTimeout);
    expect(error.message).not.toMatch(/UND_ERR/);
  });
});
