import * as pulumi from '@pulumi/pulumi';
import { HuaweiCloudError, type HuaweiCloudErrorKind } from '../errors';

/**
 * A data source's failure as a `pulumi.RunError`: the run ends with `hwquota: <kind>: <message>` and no stack trace,
 * as the guards end it. It keeps the error's fields (`kind`, `code`, `field`, `requestId`...), never a credential.
 */
export class QuotaRunError extends pulumi.RunError {
  /** What went wrong, as `HuaweiCloudError.kind`. */
  readonly kind: HuaweiCloudErrorKind;
  /** For `service`: the HTTP status of the answer. */
  readonly status: number | undefined;
  /** For `service`: the service's own error code. */
  readonly code: string | undefined;
  /** The request ID of the answer, to quote to Huawei Cloud support. */
  readonly requestId: string | undefined;
  /** For `invalid-argument`: the argument or setting at fault. */
  readonly field: string | undefined;

  constructor(error: HuaweiCloudError) {
    super(`hwquota: ${error.kind}: ${error.message}`);
    this.kind = error.kind;
    this.status = error.status;
    this.code = error.code;
    this.requestId = error.requestId;
    this.field = error.field;
  }
}

/** This package's errors as {@link QuotaRunError}; anything else as it is. */
export function toRunError(error: unknown): unknown {
  return error instanceof HuaweiCloudError ? new QuotaRunError(error) : error;
}

/** An `invalid-argument` failure of an invoke option, as a {@link QuotaRunError}. */
export function invalidOption(field: string, message: string): QuotaRunError {
  return new QuotaRunError(new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` }));
}
