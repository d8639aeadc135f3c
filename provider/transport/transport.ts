import { abortKind, HuaweiCloudError, redactError, type HuaweiCloudErrorDetails, type HuaweiCloudErrorKind } from '../errors';
import { redactSecrets } from '../redact';
import { onAbort } from './abort-listeners';
import { RateWaitEnded, type AdaptiveRateLimiter } from './adaptive-rate-limiter';
import { AdaptiveRateLimiters } from './adaptive-rate-limiters';
import { cancelOnAbort, Cancellation } from './cancellation';
import { clockCorrectionMs } from './clock-skew';
import { GateWaitEnded, type CredentialGate, type GateTicket } from './credential-gate';
import type { ConnectionPool } from './connection-pool';
import { formatAttemptLog, type DebugLogger } from './debug-log';
import { ResponseTooLargeError, sendAttempt, type AttemptResponse } from './http-attempt';
import { backoffDelayMs, isRetryableNetworkCode, parseRetryAfterMs, RETRYABLE_STATUSES } from './retry-policy';
import { transportErrorCode } from './transport-error-codes';
import { readServiceErrorBody } from './service-error-body';

export interface TransportSettings {
  pool: ConnectionPool;
  maxAttempts: number;
  requestTimeoutMs: number;
  deadlineMs: number;
  maxResponseBytes: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
  /** Pace each endpoint at the rate learnt from its throttles (see `AdaptiveRateLimiter`). Default `true`. */
  adaptiveRate?: boolean;
  logger?: DebugLogger;
}

export interface TransportRequest {
  method: string;
  url: URL;
  /** Headers to send before authorization. */
  headers: Record<string, string>;
  /** Adds the credentials to the headers for one attempt, at the given (clock-corrected) time. */
  authorize: (headers: Record<string, string>, now: Date) => Promise<Record<string, string>>;
  /** Secret values to scrub from any text that ends up in an error. */
  secrets: readonly (string | undefined)[];
  /** The gate of these credentials at this host: one request at a time until it has accepted them. */
  gate: CredentialGate;
  /** The endpoint service (`kms`): with the URL's origin, the endpoint whose pace the request keeps. */
  service?: string;
  signal?: AbortSignal;
}

/** A successful (2xx) answer. */
export interface TransportResponse {
  /** The HTTP status. */
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body. */
  body: unknown;
  /** `X-Request-Id` (or IAM's `X-IAM-Trace-Id`), when the service sent one. */
  requestId: string | undefined;
  /** Attempts made, the first included. */
  attempts: number;
}

/** Hints for the gateway errors users hit most, added to the error message. */
const GATEWAY_HINTS: Record<string, string> = {
  'APIGW.0301': 'check the access key and secret key, and that the clock is within 15 minutes of the real time',
  'APIGW.0308': 'the API is throttled; retry later or lower the concurrency',
  'APIGW.0101': 'no such API at this host; check the region, the cloud domain and any endpoint override',
};

/**
 * Sends one logical request: signs every attempt afresh, retries throttling, server faults and connection faults
 * with backoff (honouring `Retry-After`), never retries 400/401/403/404 except one 401 explained by clock skew, and
 * gives up at the overall deadline. With `adaptiveRate`, each attempt first waits for its endpoint's send slot.
 */
export class Transport {
  /** One per endpoint; `undefined` with `adaptiveRate: false`. */
  private readonly limiters: AdaptiveRateLimiters | undefined;

  constructor(private readonly settings: TransportSettings) {
    this.limiters = settings.adaptiveRate === false ? undefined : new AdaptiveRateLimiters();
  }

  /** Ends every wait for a send slot at once (kind `closed`): the client is closed. */
  close(): void {
    this.limiters?.close();
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const { settings } = this;
    // Monotonic: a clock step during a request must not end or stretch its deadline.
    const started = performance.now();
    const { gate } = request;
    let clockCorrected = false;
    // Kept across a retry after a clock correction: that retry is this request's to make, before any waiting one.
    let ticket: GateTicket | undefined;
    const limiter = this.limiters?.of(request.url.origin, request.service);

    try {
      for (let attempt = 1; ; attempt++) {
        ticket ??= await this.admitted(request, started, attempt - 1);
        if (limiter) await this.paced(limiter, request, started, attempt - 1);
        const clockOffsetMs = gate.clockOffsetMs;
        const headers = await request.authorize(request.headers, new Date(Date.now() + clockOffsetMs));
        // One clearable timer per attempt, at its own limit or at what is left of the deadline, whichever comes first:
        // cheaper than a pair of AbortSignal.timeout signals that stay armed long after the answer.
        const leftOfDeadline = started + settings.deadlineMs - performance.now();
        if (leftOfDeadline <= 0) throw this.deadlineError(request, attempt - 1);
        const limit = { ms: Math.min(settings.requestTimeoutMs, leftOfDeadline), isDeadline: leftOfDeadline <= settings.requestTimeoutMs };
        const cancellation = new Cancellation();
        const timeout = setTimeout(() => cancellation.cancel(Object.assign(new Error(`the attempt took over ${limit.ms} ms`), { name: 'TimeoutError' })), limit.ms);
        const stopFollowingCaller = cancelOnAbort(request.signal, cancellation);
        const attemptStart = performance.now();
        let response: AttemptResponse;
        try {
          response = await sendAttempt(settings.pool, { method: request.method, url: request.url, headers, cancellation, maxResponseBytes: settings.maxResponseBytes });
        } catch (cause) {
          clearTimeout(timeout);
          stopFollowingCaller();
          const error = this.attemptError(cause, request, attempt, cancellation.reason?.name === 'TimeoutError' ? limit : undefined);
          this.log(request, headers, attempt, attemptStart, { error: error.message });
          gate.release(ticket);
          ticket = undefined;
          if (!error.retryable || attempt >= settings.maxAttempts) throw error;
          await this.pause(backoffDelayMs(attempt, settings.retryBaseDelayMs, settings.retryMaxDelayMs), error, request, started);
          continue;
        }
        clearTimeout(timeout);
        stopFollowingCaller();

        const requestId = response.headers['x-request-id'] ?? response.headers['x-iam-trace-id'];
        this.log(request, headers, attempt, attemptStart, { status: response.status, requestId });
        if (response.status !== 401) gate.accept();
        const retryAfter = parseRetryAfterMs(response.headers['retry-after'], settings.maxRetryAfterMs);
        if (response.status === 429) limiter?.throttled(attemptStart, retryAfter);
        else limiter?.answered();
        if (response.status >= 200 && response.status < 300) {
          return { status: response.status, headers: response.headers, body: this.parseBody(response, request, attempt, requestId), requestId, attempts: attempt };
        }

        if (response.status === 401 && !clockCorrected && attempt < settings.maxAttempts) {
          // Signed before another request corrected the clock: sign again with it. Else, correct it from this answer.
          const correction = gate.clockOffsetMs !== clockOffsetMs ? 0 : clockCorrectionMs(response.headers.date, Date.now() + clockOffsetMs);
          if (correction !== undefined) {
            if (correction !== 0) gate.correctClock(correction);
            clockCorrected = true;
            continue;
          }
        }

        const error = this.serviceError(response, request, attempt, requestId);
        if (response.status === 401) gate.refuse(ticket, error);
        ticket = undefined;
        if (!error.retryable || attempt >= settings.maxAttempts) throw error;
        const wait = retryAfter ?? backoffDelayMs(attempt, settings.retryBaseDelayMs, settings.retryMaxDelayMs);
        await this.pause(wait, error, request, started);
      }
    } finally {
      // Whatever ended the request (an error thrown, a deadline), a turn it holds passes on.
      if (ticket) gate.release(ticket);
    }
  }

  /** Waits for the request's turn at its credentials' gate, within the deadline and the caller's signal. */
  private async admitted(request: TransportRequest, started: number, attemptsMade: number): Promise<GateTicket> {
    try {
      return await request.gate.admit(request.signal, started + this.settings.deadlineMs - performance.now());
    } catch (error) {
      if (!(error instanceof GateWaitEnded)) throw error;
      throw error.reason === 'aborted' ? this.abortedError(request, attemptsMade) : this.deadlineError(request, attemptsMade);
    }
  }

  /** Waits for the endpoint's next send slot, within the deadline and the caller's signal. */
  private async paced(limiter: AdaptiveRateLimiter, request: TransportRequest, started: number, attemptsMade: number): Promise<void> {
    try {
      await limiter.slot(request.signal, started + this.settings.deadlineMs - performance.now());
    } catch (error) {
      if (!(error instanceof RateWaitEnded)) throw error;
      if (error.reason === 'aborted') throw this.abortedError(request, attemptsMade);
      if (error.reason === 'deadline') throw this.deadlineError(request, attemptsMade);
      throw new HuaweiCloudError({
        kind: 'closed',
        message: `${request.method} ${request.url.host}${request.url.pathname}: the client was closed with close() while the request waited to be sent`,
        method: request.method,
        path: request.url.pathname,
        attempts: attemptsMade,
      });
    }
  }

  /** Waits before the next attempt; gives up with the last error when the wait would pass the deadline. */
  private async pause(ms: number, lastError: HuaweiCloudError, request: TransportRequest, started: number): Promise<void> {
    if (performance.now() - started + ms >= this.settings.deadlineMs) throw lastError;
    const { signal } = request;
    if (signal?.aborted) throw this.abortedError(request, lastError.attempts);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (stopListening(), resolve()), ms);
      const stopListening = signal ? onAbort(signal, () => (clearTimeout(timer), reject(this.abortedError(request, lastError.attempts)))) : () => {};
    });
  }

  private attemptError(
    cause: unknown,
    request: TransportRequest,
    attempt: number,
    /** The time limit that ended the attempt, if one did. */
    reachedLimit: { isDeadline: boolean } | undefined,
  ): HuaweiCloudError {
    if (request.signal?.aborted) return this.abortedError(request, attempt);
    const base = { method: request.method, path: request.url.pathname, attempts: attempt, cause };
    const where = `${request.method} ${request.url.host}${request.url.pathname}`;
    if (reachedLimit?.isDeadline) return this.deadlineError(request, attempt, cause);
    if (reachedLimit) {
      return new HuaweiCloudError({ ...base, kind: 'timeout', retryable: true, message: `${where}: no answer within ${this.settings.requestTimeoutMs} ms (${attempts(attempt)})` });
    }
    if (cause instanceof ResponseTooLargeError) {
      return new HuaweiCloudError({ ...base, kind: 'response-invalid', message: `${where}: ${cause.message}` });
    }
    const code = transportErrorCode(cause);
    const kind: HuaweiCloudErrorKind = code && /TIMEOUT/.test(code) ? 'timeout' : 'network';
    const detail = redactSecrets((cause as Error | undefined)?.message ?? String(cause), request.secrets);
    const tlsHint = code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) ? '; to trust another CA, set caCertFile or OS_CACERT' : '';
    return new HuaweiCloudError({
      ...base,
      kind,
      retryable: isRetryableNetworkCode(code),
      message: `${where}: ${code ? `${code} ` : ''}${detail}${tlsHint} (${attempts(attempt)})`,
    });
  }

  private deadlineError(request: TransportRequest, attempt: number, cause?: unknown): HuaweiCloudError {
    const where = `${request.method} ${request.url.host}${request.url.pathname}`;
    return new HuaweiCloudError({
      kind: 'timeout',
      message: `${where}: no answer within the overall deadline of ${this.settings.deadlineMs} ms (${attempts(attempt)})`,
      method: request.method,
      path: request.url.pathname,
      attempts: attempt,
      cause,
    });
  }

  private abortedError(request: TransportRequest, attempt: number): HuaweiCloudError {
    return new HuaweiCloudError({
      kind: abortKind(request.signal),
      message: `${request.method} ${request.url.host}${request.url.pathname}: aborted by the caller's signal (${attempts(attempt)})`,
      method: request.method,
      path: request.url.pathname,
      attempts: attempt,
      cause: request.signal?.reason,
    });
  }

  private serviceError(response: AttemptResponse, request: TransportRequest, attempt: number, requestId: string | undefined): HuaweiCloudError {
    const body = readServiceErrorBody(response.text, (text) => redactSecrets(text, request.secrets));
    const serviceMessage = body.message;
    const hint = body.code ? GATEWAY_HINTS[body.code] : undefined;
    const facts = [`HTTP ${response.status}`, `${request.method} ${request.url.host}${request.url.pathname}`];
    if (requestId) facts.push(`request id ${requestId}`);
    facts.push(attempts(attempt));
    const summary = [body.code, serviceMessage ?? 'no error message'].filter(Boolean).join(': ');
    // Every field scrubbed: a service may echo a secret as its code or request ID, and the path holds the IDs sent.
    return scrubbed(request, {
      kind: 'service',
      message: `${summary}${hint ? ` (${hint})` : ''} [${facts.join(', ')}]`,
      status: response.status,
      code: body.code,
      serviceMessage,
      requestId,
      method: request.method,
      path: request.url.pathname,
      attempts: attempt,
      retryable: RETRYABLE_STATUSES.has(response.status),
    });
  }

  private parseBody(response: AttemptResponse, request: TransportRequest, attempt: number, requestId: string | undefined): unknown {
    try {
      return JSON.parse(response.text);
    } catch {
      const summary = readServiceErrorBody(response.text, (text) => redactSecrets(text, request.secrets)).message ?? 'an empty body';
      throw scrubbed(request, {
        kind: 'response-invalid',
        message: `${request.method} ${request.url.host}${request.url.pathname}: the response is not JSON: ${summary}`,
        status: response.status,
        requestId,
        method: request.method,
        path: request.url.pathname,
        attempts: attempt,
      });
    }
  }

  private log(
    request: TransportRequest,
    headers: Record<string, string>,
    attempt: number,
    attemptStart: number,
    outcome: { status?: number; requestId?: string; error?: string },
  ): void {
    this.settings.logger?.(
      redactSecrets(
        formatAttemptLog({
          method: request.method,
          url: request.url,
          headers,
          attempt,
          maxAttempts: this.settings.maxAttempts,
          elapsedMs: performance.now() - attemptStart,
          ...outcome,
        }),
        request.secrets,
      ),
    );
  }
}

/** An error with the request's secrets removed from every field. */
function scrubbed(request: TransportRequest, details: HuaweiCloudErrorDetails): HuaweiCloudError {
  return redactError(new HuaweiCloudError(details), request.secrets) as HuaweiCloudError;
}

function attempts(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`;
}
