import { HuaweiCloudError } from '../errors';

/**
 * A data source's failure: still a `HuaweiCloudError` (its `kind`, `code`, `field`, `requestId`... and `instanceof`
 * hold), and branded as Pulumi brands a `RunError` (`RunError.isInstance` looks for the brand), so that the run ends
 * with `hwquota: <kind>: <message>` and no stack trace, as the guards end it. Never a credential.
 */
export class QuotaRunError extends HuaweiCloudError {
  /** Pulumi's `RunError` brand: its program runner prints the message alone. */
  readonly __pulumiRunError = true;

  constructor(error: HuaweiCloudError) {
    const { name, message, ...fields } = error.toJSON();
    super({ ...(fields as Omit<ConstructorParameters<typeof HuaweiCloudError>[0], 'message'>), message: `hwquota: ${error.kind}: ${error.message}`, cause: error.cause });
  }
}

/** This package's errors as {@link QuotaRunError}; anything else as it is. */
export function toRunError(error: unknown): unknown {
  return error instanceof HuaweiCloudError && !(error instanceof QuotaRunError) ? new QuotaRunError(error) : error;
}

/** An `invalid-argument` failure of an invoke option, as a {@link QuotaRunError}. */
export function invalidOption(field: string, message: string): QuotaRunError {
  return new QuotaRunError(new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` }));
}
