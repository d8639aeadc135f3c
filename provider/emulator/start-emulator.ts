import { setMaxListeners } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIPv6, type AddressInfo, type Socket } from 'node:net';
import { AccessKeyLockout, DEFAULT_LOCKOUT_MS } from './access-key-lockout';
import { createClock } from './clock';
import { defaultState } from './default-state';
import { emulatorEnv } from './emulator-env';
import { gatewayError } from './error-bodies';
import { FaultPlan, type Fault } from './faults';
import { handleRequest, sendJson, type EmulatorRuntime } from './handle-request';
import { createSelfSignedCertificate, type SelfSignedCertificate } from './https-certificate';
import { LatencySchema, type LatencyRange } from './latency';
import { parseEmulatorState } from './load-state';
import { emptyRequestCounts, type RequestCounts } from './router';
import type { EmulatorState, EmulatorStateInput } from './state-schema';
import { emptyThrottledCounts, GatewayThrottle, type ThrottledCounts, type ThrottleLimits } from './throttle';
import { MAX_TIMER_MS } from '../max-timer';

/** How to start an emulator; everything has a default. */
export interface EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  host?: string;
  /** What to serve (checked against `EmulatorStateSchema`). Default: `defaultState()`. */
  state?: EmulatorStateInput;
  /** Serve TLS with a self-signed certificate made now; `caCertFile` and `env.OS_CACERT` name its PEM file. */
  https?: boolean;
  /** Faults to inject from the start; see `setFaults`. */
  faults?: Fault[];
  /** A delay before every answer. */
  latency?: LatencyRange;
  /**
   * Requests per second let through per endpoint service (`{ kms: 50 }`), across all regions, in bursts of up to as
   * many; past that, 429 `APIGW.0308` with `Retry-After`, as the gateway throttles. Default: none.
   */
  throttle?: ThrottleLimits;
  /** Moves the emulator's clock: its `Date` headers and its `X-Sdk-Date` check. Default 0. */
  clockOffsetMs?: number;
  /** How long more than five failed signatures in a row lock an access key. Default 5 minutes, as the gateway does. */
  lockoutMs?: number;
  /** Receives one line per request (method, path, route, status, time, request ID); never a credential. */
  log?: (line: string) => void;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, such as `http://127.0.0.1:41234`. */
  url: string;
  /** The environment that points clients (ours and the official SDKs) at it; see `hwquota emulator`. */
  env: Record<string, string>;
  /** The live state: change quotas, usage, keys or tokens here and the next request sees it. */
  state: EmulatorState;
  /** Requests received per API, counted on arrival (faulty, refused and throttled ones included). */
  requests: RequestCounts;
  /** Requests answered 429 `APIGW.0308` by the `throttle`, per endpoint service. */
  throttled: ThrottledCounts;
  /** With `https`: the PEM file of the certificate, to trust as a CA. */
  caCertFile: string | undefined;
  /** Replaces the faults in force (their counts restart). */
  setFaults(faults: Fault[]): void;
  /** Replaces the `throttle` limits in force (`{}` for none); every service's bucket starts full. */
  setThrottle(limits: ThrottleLimits): void;
  /** Stops listening, drops every open connection (hanging requests included) and deletes the certificate. */
  stop(): Promise<void>;
}

/**
 * Starts a local stand-in for the Huawei Cloud quota APIs: every API of the registry (`QUOTA_API_CATALOG`), and IAM's
 * `GET /v3/projects` and `GET /v3/auth/domains`, each service and region under its own base path, behind an API
 * gateway that checks AK/SK signatures (with lockout), temporary keys and tokens.
 *
 * @example
 * const emulator = await startEmulator({ faults: [{ route: 'kms', kind: '503', count: 2 }] });
 * const client = createHuaweiCloudClient({ env: emulator.env });
 * // ... then
 * await emulator.stop();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = options.state === undefined ? defaultState() : parseEmulatorState(options.state, 'state');
  const settings = checkSettings(options);
  const stopping = new AbortController();
  // Every delayed request listens for the stop, and hundreds may wait at once.
  setMaxListeners(Infinity, stopping.signal);
  const clock = createClock(settings.clockOffsetMs);
  const runtime: EmulatorRuntime = {
    state,
    clock,
    lockout: new AccessKeyLockout(settings.lockoutMs, clock.now),
    faults: new FaultPlan(options.faults ?? []),
    throttle: new GatewayThrottle(options.throttle),
    throttled: emptyThrottledCounts(),
    latency: settings.latency,
    requests: emptyRequestCounts(),
    stopping: stopping.signal,
    log: options.log,
  };

  const certificate = options.https ? await createSelfSignedCertificate(settings.host) : undefined;
  const protocol = certificate ? 'https' : 'http';
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(runtime, request, response, protocol).catch((error: unknown) => {
      options.log?.(`hwquota emulator: internal error: ${(error as Error).stack ?? String(error)}`);
      sendJson(response, gatewayError(500, 'APIGW.0103', `The emulator failed: ${(error as Error).message}`, String(response.getHeader('X-Request-Id'))));
    });
  };
  const server: Server = certificate ? createHttpsServer({ cert: certificate.cert, key: certificate.key }, listener) : createHttpServer(listener);
  const sockets = trackSockets(server);

  try {
    await listen(server, settings.port, settings.host);
  } catch (error) {
    await certificate?.remove();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `${protocol}://${urlHost(settings.host)}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    env: emulatorEnv(url, state, certificate?.certFile),
    state,
    requests: runtime.requests,
    throttled: runtime.throttled,
    caCertFile: certificate?.certFile,
    setFaults: (faults) => runtime.faults.replace(faults),
    setThrottle: (limits) => runtime.throttle.replace(limits),
    stop: () => {
      stopped ??= stop(server, sockets, stopping, certificate);
      return stopped;
    },
  };
}

function checkSettings(options: EmulatorOptions): { port: number; host: string; clockOffsetMs: number; lockoutMs: number; latency: LatencyRange | undefined } {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port: must be a whole number from 0 to 65535; got ${port}`);
  const clockOffsetMs = options.clockOffsetMs ?? 0;
  if (!Number.isFinite(clockOffsetMs) || Math.abs(clockOffsetMs) > MAX_TIMER_MS) {
    throw new RangeError(`clockOffsetMs: must be a number of milliseconds from -${MAX_TIMER_MS} to ${MAX_TIMER_MS}; got ${clockOffsetMs}`);
  }
  const lockoutMs = options.lockoutMs ?? DEFAULT_LOCKOUT_MS;
  if (!Number.isInteger(lockoutMs) || lockoutMs < 0 || lockoutMs > MAX_TIMER_MS) throw new RangeError(`lockoutMs: must be a whole number from 0 to ${MAX_TIMER_MS}; got ${lockoutMs}`);
  let latency: LatencyRange | undefined;
  if (options.latency !== undefined) {
    const result = LatencySchema.safeParse(options.latency);
    if (!result.success) throw new RangeError(`latency: ${result.error.issues[0]!.path.join('.') || 'range'}: ${result.error.issues[0]!.message}`);
    latency = result.data;
  }
  return { port, host: options.host ?? '127.0.0.1', clockOffsetMs, lockoutMs, latency };
}

/** Open connections, so that `stop()` can end them, hanging ones and idle keep-alive ones included. */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function stop(server: Server, sockets: Set<Socket>, stopping: AbortController, certificate: SelfSignedCertificate | undefined): Promise<void> {
  stopping.abort();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const socket of sockets) socket.destroy();
  await closed;
  await certificate?.remove();
}

/** The host part of the printed URL: a wildcard address is reached at the loopback address. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return isIPv6(host) ? `[${host}]` : host;
}
