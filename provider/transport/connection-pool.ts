import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { invalidArgument } from '../errors';
import type { Cancellation } from './cancellation';
import { createNodeHttpPool, type TlsSettings } from './node-http-pool';
import { undiciPool } from './undici-pool';
import { loadEnvHttpProxyAgent } from './undici-parts';

/** One HTTP exchange to send: the whole request (these APIs take no body). */
export interface PoolRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Cancels the request while it is sent or its answer awaited. */
  cancellation: Cancellation;
}

/** The status and headers of an answer, with its body still to read (or to destroy, to give up on it). */
export interface PooledResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
  destroy(): void;
}

/** Keep-alive connections, at most so many per origin, that requests are sent over. */
export interface ConnectionPool {
  request(request: PoolRequest): Promise<PooledResponse>;
  /** Waits for the requests under way, then closes every connection. */
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** Keep-alive connections per origin. */
  connections: number;
  connectTimeoutMs: number;
  /** For the proxy agent's header and body timeouts; Node's client is bounded by the transport's per-attempt timeout. */
  requestTimeoutMs: number;
  /** PEM file of the certificate authorities to trust, instead of Node's built-in list (a corporate proxy's, the emulator's). */
  caCertFile?: string;
  /** Skip TLS verification. Never the default; it warns when used. */
  insecure: boolean;
  env: NodeJS.ProcessEnv;
  warn: (message: string) => void;
}

/**
 * The client's pool: Node's own HTTP client, or undici's proxy agent when `HTTPS_PROXY` / `HTTP_PROXY` is set
 * (`NO_PROXY` honoured). Node's parser is native; undici's is WebAssembly that V8 compiles afresh in every process
 * (about 100 ms of CPU and 30 MB the first time a response is parsed), which only proxy users now pay for.
 */
export function createConnectionPool(options: ConnectionOptions): ConnectionPool {
  const tls: TlsSettings = {
    ca: options.caCertFile ? readCaFile(options.caCertFile) : undefined,
    rejectUnauthorized: !options.insecure,
  };
  if (options.insecure) {
    options.warn('TLS certificate verification is off (insecure / HW_INSECURE): use it only against a local emulator.');
  }
  const { env } = options;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy ?? '';
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy ?? '';
  if (!httpProxy && !httpsProxy) return createNodeHttpPool({ connections: options.connections, connectTimeoutMs: options.connectTimeoutMs, tls });
  const EnvHttpProxyAgent = loadEnvHttpProxyAgent();
  // Empty strings, not undefined: undici would otherwise read process.env instead of the client's environment.
  const agent = new EnvHttpProxyAgent({
    connections: options.connections,
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
    connect: { ...tls, timeout: options.connectTimeoutMs },
    httpProxy,
    httpsProxy,
    noProxy: env.NO_PROXY ?? env.no_proxy ?? '',
    requestTls: tls,
  });
  return undiciPool(agent, { owned: true });
}

function readCaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidArgument('caCertFile', `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
