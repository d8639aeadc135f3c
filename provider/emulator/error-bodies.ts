import type { ServiceName } from '../endpoints/service-names';
import type { RouteResult } from './route-handler';

/** The errors a quota API answers with itself (after the gateway let the request through). */
export type ServiceErrorKind = 'badRequest' | 'forbidden' | 'notFound' | 'internal';

const STATUS: Record<ServiceErrorKind, number> = { badRequest: 400, forbidden: 403, notFound: 404, internal: 500 };

/**
 * Each service's codes, from its API reference and error code list. KMS and MetaStudio document no code for an
 * unknown project: KMS answers it as a bad URL (`KMS.0201`), MetaStudio as a bad parameter (`MSS.00000003`).
 */
const CODES: Record<ServiceName, Record<ServiceErrorKind, string>> = {
  iam: { badRequest: 'IAM.0007', forbidden: 'IAM.0002', notFound: 'IAM.0004', internal: 'IAM.0006' },
  kms: { badRequest: 'KMS.0308', forbidden: 'KMS.0307', notFound: 'KMS.0201', internal: 'KMS.0101' },
  'sfs-turbo': { badRequest: 'SFS.TURBO.0001', forbidden: 'SFS.TURBO.0015', notFound: 'SFS.TURBO.0002', internal: 'SFS.TURBO.0005' },
  metastudio: { badRequest: 'MSS.00000003', forbidden: 'MSS.00000005', notFound: 'MSS.00000003', internal: 'MSS.00000004' },
};

/**
 * An error in the service's own body shape: `{error_code, error_msg}` (IAM, MetaStudio), `{error: {error_code,
 * error_msg}}` (KMS), `{errCode, errMsg}` (SFS Turbo). The status is the kind's unless given.
 */
export function serviceError(service: ServiceName, kind: ServiceErrorKind, message: string, status = STATUS[kind]): RouteResult {
  const code = CODES[service][kind];
  switch (service) {
    case 'kms':
      return { status, body: { error: { error_code: code, error_msg: message } } };
    case 'sfs-turbo':
      return { status, body: { errCode: code, errMsg: message } };
    default:
      return { status, body: { error_code: code, error_msg: message } };
  }
}

/** An API gateway error (`APIGW.*`), whatever the service behind it; the gateway puts the request ID in the body too. */
export function gatewayError(status: number, code: string, message: string, requestId: string): RouteResult {
  return { status, body: { error_code: code, error_msg: message, request_id: requestId } };
}
