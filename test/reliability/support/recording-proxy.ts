import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface RecordingProxy {
  /** `http://127.0.0.1:PORT`, for `HTTPS_PROXY` / `HTTP_PROXY`. */
  url: string;
  /** What reached the proxy: `CONNECT host:port`, or `METHOD absolute-url` for plain HTTP. */
  readonly seen: string[];
  /** Every byte the clients sent through the proxy: requests, and for a tunnel what goes inside it (TLS records). */
  readonly received: () => string;
  close(): Promise<void>;
}

/**
 * A small forward proxy on 127.0.0.1 that records every request. With `tunnel`, it tunnels CONNECT and forwards
 * plain requests; without, it refuses both with 403, so that a request that should never leave (a host other than
 * the emulator) is seen, and fails at once instead of reaching the internet.
 */
export async function startRecordingProxy(options: { tunnel: boolean }): Promise<RecordingProxy> {
  const seen: string[] = [];
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => sockets.delete(socket));
  };
  const server: Server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    if (!options.tunnel) {
      response.writeHead(403).end();
      return;
    }
    const upstream = httpRequest(request.url!, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    track(socket);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${request.url}`);
    if (!options.tunnel) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = request.url!.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    track(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    received: () => Buffer.concat(chunks).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
