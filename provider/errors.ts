import { redactSecrets } from './redact';

/**
 * What went wrong, as a stable string to branch on:
 * - `invalid-argument`: bad input, found before any request was sent (`field` names it);
 * - `missing-credentials`: no credentials anywhere the client looked (the message lists every place);
 * - `network`: the connection failed (reset, refused, DNS, TLS) or the caller aborted;
 * - `timeout`: an attempt or the overall deadline ran out;
 * - `response-invalid`: the service answered 2xx with a body this package cannot read;
 * - `service`: the service answered with an error status (`status`, `code`, `serviceMessage`, `requestId`);
 * - `closed`: the client was used after `close()`: nothing was sent (make a new client).
 */
export type HuaweiCloudErrorKind =
  | 'invalid-argument'
  | 'missing-credentials'
  | 'network'
  | 'timeout'
  | 'response-invalid'
  | 'service'
  | 'closed';

/** What a `HuaweiCloudError` is made from; each field becomes the error's property of the same name. */
export interface HuaweiCloudErrorDetails {
  /** What went wrong, as a stable string to branch on. */
  kind: HuaweiCloudErrorKind;
  /** The full, secret-free message. */
  message: string;
  /** The HTTP method of the request, when there was one. */
  method?: string;
  /** The request path, without host or query. */
  path?: string;
  /** Attempts made, the first included. Default 0 (none was sent). */
  attempts?: number;
  /** Whether trying the same request again later may succeed. Default `false`. */
  retryable?: boolean;
  /** For `service`: the HTTP status of the answer. */
  status?: number;
  /** For `service`: the service's own error code, such as `APIGW.0301` or `KMS.0201`. */
  code?: string;
  /** For `service`: the service's own error message, with known secrets removed. */
  serviceMessage?: string;
  /** The `X-Request-Id` (or IAM's `X-IAM-Trace-Id`) of the answer, to quote to Huawei Cloud support. */
  requestId?: string;
  /** For `invalid-argument`: the argument or setting at fault. */
  field?: string;
  /** The underlying error, when there is one (a socket error, a timeout). */
  cause?: unknown;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The one error type of this package. Its message, `toJSON()` and inspected form never hold a secret key, token or
 * security token: they are built from the request's method and path and the service's own error code and message.
 */
export class HuaweiCloudError extends Error {
  /** Always `HuaweiCloudError`. */
  override readonly name = 'HuaweiCloudError';
  /** What went wrong, as a stable string to branch on (see {@link HuaweiCloudErrorKind}). */
  readonly kind: HuaweiCloudErrorKind;
  /** The HTTP method of the request, when there was one. */
  readonly method: string | undefined;
  /** The request path, without host or query. */
  readonly path: string | undefined;
  /** Attempts made, the first included; 0 when no request was sent. */
  readonly attempts: number;
  /** Whether trying the same request again later may succeed (throttling, a server or connection fault). */
  readonly retryable: boolean;
  /** For `service`: the HTTP status of the answer. */
  readonly status: number | undefined;
  /** For `service`: the service's own error code, such as `APIGW.0301`, `IAM.0004` or `MSS.00000005`. */
  readonly code: string | undefined;
  /** For `service`: the service's own error message, with known secrets removed. */
  readonly serviceMessage: string | undefined;
  /** The request ID of the answer (`X-Request-Id`, or IAM's `X-IAM-Trace-Id`), to quote to Huawei Cloud support. */
  readonly requestId: string | undefined;
  /** For `invalid-argument`: the argument or setting at fault, such as `region` or `requirements[0].type`. */
  readonly field: string | undefined;

  constructor(details: HuaweiCloudErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.method = details.method;
    this.path = details.path;
    this.attempts = details.attempts ?? 0;
    this.retryable = details.retryable ?? false;
    this.status = details.status;
    this.code = details.code;
    this.serviceMessage = details.serviceMessage;
    this.requestId = details.requestId;
    this.field = details.field;
  }

  /** The error as plain data: name, kind, message and the fields that are set; never a credential. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const key of ['status', 'code', 'serviceMessage', 'requestId', 'field', 'method', 'path'] as const) {
      if (this[key] !== undefined) json[key] = this[key];
    }
    json.attempts = this.attempts;
    json.retryable = this.retryable;
    return json;
  }

  /** `util.inspect` and `console.log` show the stack and the fields above, never the request's headers. */
  [INSPECT](): string {
    const { name, message, ...fields } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`}\n${JSON.stringify(fields, null, 2)}`;
  }
}

/** The same error with a note after its message (`...; note`), every other field kept. */
export function withNote(error: HuaweiCloudError, note: string): HuaweiCloudError {
  const { name, message, ...fields } = error.toJSON();
  return new HuaweiCloudError({ ...(fields as Omit<HuaweiCloudErrorDetails, 'message'>), message: `${error.message}; ${note}`, cause: error.cause });
}

/** The kind of an error ended by the caller's signal: `timeout` for `AbortSignal.timeout()`, else `network`. */
export function abortKind(signal: AbortSignal | undefined): HuaweiCloudErrorKind {
  return (signal?.reason as { name?: string } | undefined)?.name === 'TimeoutError' ? 'timeout' : 'network';
}

export function invalidArgument(field: string, message: string): HuaweiCloudError {
  return new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` });
}

/** The texts of an error that a secret could reach: pasted into a setting, or echoed by a service. */
const TEXT_FIELDS = ['message', 'serviceMessage', 'code', 'requestId', 'field', 'method', 'path'] as const;

/** The same error with known secret values removed from every text field (see `redactSecrets`). */
export function redactError(error: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!(error instanceof HuaweiCloudError)) return error;
  const texts = Object.fromEntries(TEXT_FIELDS.map((key) => [key, error[key] === undefined ? undefined : redactSecrets(error[key], secrets)]));
  if (TEXT_FIELDS.every((key) => texts[key] === error[key])) return error;
  return new HuaweiCloudError({ ...error, kind: error.kind, attempts: error.attempts, retryable: error.retryable, status: error.status, ...texts, message: texts.message!, cause: error.cause });
}
