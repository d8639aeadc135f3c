import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface ConnectionCounter {
  /** `http://127.0.0.1:PORT`: send here instead of the target. */
  url: string;
  /** Connections open at once, at most, since the start or the last `reset()`. */
  readonly peak: number;
  /** Connections accepted in all. */
  readonly opened: number;
  /** Connections open now. */
  readonly open: number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay on 127.0.0.1 in front of `targetPort` that counts the client's connections: what a client's pool really
 * opens, seen from the wire rather than from the client's own bookkeeping.
 */
export async function startConnectionCounter(targetPort: number): Promise<ConnectionCounter> {
  const sockets = new Set<Socket>();
  let open = 0;
  let peak = 0;
  let opened = 0;
  const server = createServer((client) => {
    opened += 1;
    open += 1;
    peak = Math.max(peak, open);
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.once('close', () => sockets.delete(socket));
    }
    client.once('close', () => {
      open -= 1;
      upstream.destroy();
    });
    upstream.once('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get peak() {
      return peak;
    },
    get opened() {
      return opened;
    },
    get open() {
      return open;
    },
    reset() {
      peak = open;
      opened = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
