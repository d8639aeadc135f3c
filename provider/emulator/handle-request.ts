import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceName } from '../endpoints/service-names';
import type { AccessKeyLockout } from './access-key-lockout';
import { authenticate } from './authenticate';
import type { EmulatorClock } from './clock';
import { gatewayError } from './error-bodies';
import { faultAnswer } from './fault-responses';
import type { Fault, FaultPlan } from './faults';
import { drawLatencyMs, type LatencyRange } from './latency';
import type { RouteContext, RouteHandler, RouteResult } from './route-handler';
import { matchRoute, type RequestCounts } from './router';
import { authDomains } from './routes/iam-auth-domains';
import { listProjects } from './routes/iam-projects';
import { answerQuotaApi } from './routes/quota-api-route';
import { servedRegions } from './state-lookups';
import type { EmulatorState } from './state-schema';
import type { GatewayThrottle, ThrottledCounts } from './throttle';

/** Everything a request is handled with; one per running emulator. */
export interface EmulatorRuntime {
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly lockout: AccessKeyLockout;
  readonly faults: FaultPlan;
  readonly throttle: GatewayThrottle;
  /** Answers throttled, per endpoint service. */
  readonly throttled: ThrottledCounts;
  readonly latency: LatencyRange | undefined;
  readonly requests: RequestCounts;
  /** Aborted when the emulator stops, ending pending delays at once. */
  readonly stopping: AbortSignal;
  readonly log: ((line: string) => void) | undefined;
}

/** IAM's look-ups; every other route is a quota API of the registry. */
const LOOKUPS: Record<string, RouteHandler> = { projects: listProjects, domains: authDomains };

/** The gateway refuses larger bodies; these APIs take none. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * One request, in the order a gateway in front of the services takes it: match the API (else 404 `APIGW.0101`),
 * wait the configured latency, inject a fault if one fires (faults come before authentication, as a failing gateway's
 * do), authenticate (else 401 `APIGW.0301`), throttle (else 429 `APIGW.0308`: the gateway's limit is per user,
 * "policy user over ratelimit", so it needs the caller, and a refused signature spends none of the caller's
 * requests), then let the API check scope, permissions and parameters and answer.
 * Every answer carries a fresh `X-Request-Id` and the emulator clock's `Date`.
 */
export async function handleRequest(runtime: EmulatorRuntime, request: IncomingMessage, response: ServerResponse, protocol: 'http' | 'https'): Promise<void> {
  const requestId = randomBytes(16).toString('hex');
  response.setHeader('X-Request-Id', requestId);
  const method = request.method ?? 'GET';
  const target = request.url ?? '/';
  const match = matchRoute(method, target, servedRegions(runtime.state));
  runtime.requests[match?.route ?? 'unmatched'] += 1;
  const faultSeen: { kind?: Fault['kind'] | 'throttled' } = {};
  if (runtime.log) {
    const note = () => (faultSeen.kind === 'throttled' ? ', throttled' : faultSeen.kind ? `, fault ${faultSeen.kind}` : '');
    logWhenClosed(runtime.log, response, () => `${method} ${target} [${match?.route ?? 'unmatched'}${note()}]`, requestId);
  }

  const body = await readBody(request);
  if (runtime.latency && !(await delay(drawLatencyMs(runtime.latency), runtime.stopping))) return;
  response.setHeader('Date', runtime.clock.httpDate());
  if (body === undefined) return sendJson(response, gatewayError(413, 'APIGW.0201', 'Request entity too large.', requestId));
  if (!match) return sendJson(response, gatewayError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.', requestId));

  const fault = runtime.faults.pick(match.route);
  if (fault) {
    faultSeen.kind = fault.kind;
    const answer = faultAnswer(fault, match.service, requestId);
    return 'json' in answer ? sendJson(response, answer.json, answer.headers) : answer.act(response);
  }

  const authentication = authenticate({ method, target, headers: request.headers, body }, { state: runtime.state, lockout: runtime.lockout, now: runtime.clock.now });
  if ('refused' in authentication) {
    return sendJson(response, gatewayError(401, 'APIGW.0301', `Incorrect IAM authentication information: ${authentication.refused}`, requestId));
  }
  const service = match.service.host as ServiceName;
  const throttled = runtime.throttle.take(service);
  if (throttled) {
    faultSeen.kind = 'throttled';
    runtime.throttled[service] += 1;
    const message = `The throttling threshold has been reached: policy user over ratelimit,limit:${throttled.limit},time:1 second`;
    return sendJson(response, gatewayError(429, 'APIGW.0308', message, requestId), { 'Retry-After': String(throttled.retryAfterSeconds) });
  }
  const baseUrl = `${protocol}://${request.headers.host ?? 'localhost'}/${match.service.host}${match.region ? `/${match.region}` : ''}`;
  const context: RouteContext = {
    caller: authentication.caller,
    state: runtime.state,
    region: match.region,
    params: match.params,
    query: match.query,
    headers: request.headers,
    baseUrl,
  };
  sendJson(response, match.quotaApi ? answerQuotaApi(match.quotaApi, context, match.lookup) : LOOKUPS[match.route]!(context));
}

/** Writes a JSON answer, unless the connection is already gone (the emulator stopping, or the client leaving). */
export function sendJson(response: ServerResponse, result: RouteResult, headers: Record<string, string> = {}): void {
  if (response.writableEnded || !response.socket || response.socket.destroyed) return;
  const text = JSON.stringify(result.body);
  response.writeHead(result.status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

/** The whole body, or `undefined` when it is over the limit (it is still drained, so that the answer can be sent). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined;
}

/** Waits; `false` when the emulator stopped meanwhile. */
async function delay(ms: number, stopping: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal: stopping });
    return true;
  } catch {
    return false;
  }
}

function logWhenClosed(log: (line: string) => void, response: ServerResponse, describe: () => string, requestId: string): void {
  const started = performance.now();
  response.once('close', () => {
    const outcome = response.writableFinished ? String(response.statusCode) : 'closed without a complete answer';
    log(`hwquota emulator: ${describe()} -> ${outcome} in ${Math.round(performance.now() - started)} ms request-id=${requestId}`);
  });
}
