import type { EndpointService, ServiceErrorKind } from '../apis/endpoint-service';
import type { RouteResult } from './route-handler';

/**
 * An error as the service answers it itself (after the gateway let the request through): its code and status for the
 * kind, from its error-code page, in its body shape. The status is the kind's unless given.
 */
export function serviceError(service: EndpointService, kind: ServiceErrorKind, message: string, status?: number): RouteResult {
  const { code, status: kindStatus } = service.errors[kind];
  return { status: status ?? kindStatus, body: service.errorBody(code, message) };
}

/** An API gateway error (`APIGW.*`), whatever the service behind it; the gateway puts the request ID in the body too. */
export function gatewayError(status: number, code: string, message: string, requestId: string): RouteResult {
  return { status, body: { error_code: code, error_msg: message, request_id: requestId } };
}
