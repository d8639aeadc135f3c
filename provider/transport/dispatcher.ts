import { readFileSync } from 'node:fs';
import type { Dispatcher } from 'undici';
import { invalidArgument } from '../errors';
import { Agent, loadEnvHttpProxyAgent } from './undici-parts';

export interface ConnectionOptions {
  /** Keep-alive connections per origin. */
  connections: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** PEM file of extra certificate authorities to trust (for example a corporate proxy's or the emulator's). */
  caCertFile?: string;
  /** Skip TLS verification. Never the default; it warns when used. */
  insecure: boolean;
  env: NodeJS.ProcessEnv;
  warn: (message: string) => void;
}

/** A keep-alive pool per origin, with `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` honoured when set. */
export function createDispatcher(options: ConnectionOptions): Dispatcher {
  const tls = {
    ca: options.caCertFile ? readCaFile(options.caCertFile) : undefined,
    rejectUnauthorized: !options.insecure,
  };
  if (options.insecure) {
    options.warn('TLS certificate verification is off (insecure / HW_INSECURE): use it only against a local emulator.');
  }
  const agentOptions = {
    connections: options.connections,
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
    connect: { ...tls, timeout: options.connectTimeoutMs },
  };
  const { env } = options;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy ?? '';
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy ?? '';
  if (!httpProxy && !httpsProxy) return new Agent(agentOptions);
  const EnvHttpProxyAgent = loadEnvHttpProxyAgent();
  // Empty strings, not undefined: undici would otherwise read process.env instead of the client's environment.
  return new EnvHttpProxyAgent({
    ...agentOptions,
    httpProxy,
    httpsProxy,
    noProxy: env.NO_PROXY ?? env.no_proxy ?? '',
    requestTls: tls,
  });
}

function readCaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidArgument('caCertFile', `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
