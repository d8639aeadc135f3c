import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionPool, PooledResponse, PoolRequest } from './connection-pool';
import { TRANSPORT_ERROR_CODES, transportError } from './transport-error-codes';

/** TLS settings for https origins. */
export interface TlsSettings {
  /** PEM certificate authorities to trust instead of Node's built-in list. */
  ca?: string;
  rejectUnauthorized: boolean;
}

export interface NodeHttpPoolOptions {
  /** Keep-alive connections per origin. */
  connections: number;
  /** For the TCP connection and the TLS handshake of a new connection. */
  connectTimeoutMs: number;
  tls: TlsSettings;
}

/** A request made after `close()` fails at once, unsent. */
const closedError = () => transportError(TRANSPORT_ERROR_CODES.poolClosed, 'the connection pool is closed');

/**
 * A keep-alive pool per origin over Node's own HTTP client. `node:https` (and TLS with it) is loaded on the first
 * https request only. `close()` is graceful, as undici's: it waits for the requests under way.
 */
export function createNodeHttpPool(options: NodeHttpPoolOptions): ConnectionPool {
  // `timeout` closes idle sockets after 4 s, or sooner when the server's Keep-Alive hint says so (as undici does),
  // so that a long-lived process does not send on a connection a load balancer has dropped.
  const agentSettings = { keepAlive: true, maxSockets: options.connections, timeout: 4_000 };
  let httpAgent: HttpAgent | undefined;
  let httpsAgent: HttpAgent | undefined;
  const underWay = new Set<Promise<void>>();
  let closed = false;

  const sendFor = (url: URL): { send: typeof httpRequest; agent: HttpAgent } => {
    if (url.protocol !== 'https:') return { send: httpRequest, agent: (httpAgent ??= new HttpAgent(agentSettings)) };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const https = require('node:https') as typeof import('node:https');
    return { send: https.request, agent: (httpsAgent ??= new https.Agent({ ...agentSettings, ...options.tls })) };
  };

  return {
    request(request) {
      if (closed) return Promise.reject(closedError());
      const { send, agent } = sendFor(request.url);
      return exchange(send, agent, request, options.connectTimeoutMs, (done) => {
        underWay.add(done);
        void done.then(() => underWay.delete(done));
      });
    },
    async close() {
      closed = true;
      await Promise.all(underWay);
      httpAgent?.destroy();
      httpsAgent?.destroy();
    },
  };
}

/** Sends one request; `track` receives a promise that settles when the exchange is over, body included. */
function exchange(
  send: typeof httpRequest,
  agent: HttpAgent,
  request: PoolRequest,
  connectTimeoutMs: number,
  track: (done: Promise<void>) => void,
): Promise<PooledResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = send(request.url, { method: request.method, headers: request.headers, agent }, (response) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: response, destroy: () => response.destroy() });
    });
    request.cancellation.onCancel((reason) => {
      // Still queued for a busy connection, a destroyed request would wait for one before failing: fail it now.
      if (!outgoing.socket) reject(reason);
      outgoing.destroy(reason);
    });
    track(new Promise((done) => outgoing.once('close', done)));
    outgoing.once('error', reject);
    outgoing.once('socket', (socket) => limitConnectTime(outgoing, socket, request.url, connectTimeoutMs));
    outgoing.end();
  });
}

/** A new connection (not a reused one) gets `ms` to connect, TLS handshake included, as undici's connect timeout. */
function limitConnectTime(outgoing: ClientRequest, socket: Socket, url: URL, ms: number): void {
  if (!socket.connecting) return;
  const timer = setTimeout(() => {
    outgoing.destroy(transportError(TRANSPORT_ERROR_CODES.connectTimeout, `no connection to ${url.host} within ${ms} ms`));
  }, ms);
  socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timer));
  socket.once('close', () => clearTimeout(timer));
}
