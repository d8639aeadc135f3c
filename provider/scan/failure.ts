import { HuaweiCloudError, type HuaweiCloudErrorKind } from '../errors';
import type { ServiceErrorCode } from '../apis/endpoint-service';
import type { ScanFailure, ScanScope } from './scan-result';

/** Errors no other read could escape (nothing to sign with, a closed client): they end the whole scan. */
const ENDS_THE_SCAN: readonly HuaweiCloudErrorKind[] = ['missing-credentials', 'closed'];

/**
 * A read's error as a failed row: `denied` when the service refused the credentials (HTTP 403, or the service's own
 * "no permission" code, such as SFS Turbo's HTTP 400 `SFS.TURBO.0015`), `error` otherwise. Errors that end the
 * whole scan, and anything that is not a `HuaweiCloudError` (a bug), are thrown again.
 */
export function scanFailure(scope: ScanScope, error: unknown, noPermission?: ServiceErrorCode): ScanFailure {
  if (!(error instanceof HuaweiCloudError) || ENDS_THE_SCAN.includes(error.kind)) throw error;
  const denied = error.kind === 'service' && (error.status === 403 || (noPermission !== undefined && error.code === noPermission.code && error.status === noPermission.status));
  const { kind, code, status, requestId, message } = error;
  return { ...scope, status: denied ? 'denied' : 'error', kind, ...(code ? { code } : {}), ...(status ? { httpStatus: status } : {}), ...(requestId ? { requestId } : {}), message };
}
