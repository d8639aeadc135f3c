import { redactSecrets } from './redact';

/**
 * What went wrong, as a stable string to branch on:
 * - `invalid-argument`: bad input, found before any request was sent (`field` names it);
 * - `missing-credentials`: no credentials anywhere the client looked (the message lists every place);
 * - `network`: the connection failed (reset, refused, DNS, TLS) or the caller aborted;
 * - `timeout`: an attempt or the overall deadline ran out;
 * - `response-invalid`: the service answered 2xx with a body this package cannot read;
 * - `service`: the service answered with an error status (`status`, `code`, `serviceMessage`, `requestId`).
 */
export type HuaweiCloudErrorKind =
  | 'invalid-argument'
  | 'missing-credentials'
  | 'network'
  | 'timeout'
  | 'response-invalid'
  | 'service';

export interface HuaweiCloudErrorDetails {
  kind: HuaweiCloudErrorKind;
  message: string;
  method?: string;
  /** The request path, without host or query. */
  path?: string;
  attempts?: number;
  retryable?: boolean;
  status?: number;
  code?: string;
  serviceMessage?: string;
  requestId?: string;
  /** For `invalid-argument`: the argument or setting at fault. */
  field?: string;
  cause?: unknown;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The one error type of this package. Its message, `toJSON()` and inspected form never hold a secret key, token or
 * security token: they are built from the request's method and path and the service's own error code and message.
 */
export class HuaweiCloudError extends Error {
  override readonly name = 'HuaweiCloudError';
  readonly kind: HuaweiCloudErrorKind;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly attempts: number;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly serviceMessage: string | undefined;
  readonly requestId: string | undefined;
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

export function invalidArgument(field: string, message: string): HuaweiCloudError {
  return new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` });
}

/** The same error with known secret values removed from its texts (a secret pasted into the wrong setting). */
export function redactError(error: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!(error instanceof HuaweiCloudError)) return error;
  const message = redactSecrets(error.message, secrets);
  const serviceMessage = error.serviceMessage === undefined ? undefined : redactSecrets(error.serviceMessage, secrets);
  if (message === error.message && serviceMessage === error.serviceMessage) return error;
  return new HuaweiCloudError({ ...error, kind: error.kind, message, serviceMessage, cause: error.cause });
}
