import type { ServerResponse } from 'node:http';
import type { EndpointService } from '../apis/endpoint-service';
import { gatewayError, serviceError } from './error-bodies';
import { DEFAULT_RETRY_AFTER_SECONDS, type Fault } from './faults';
import type { RouteResult } from './route-handler';

/** The start of a quota body: what a truncated or malformed answer carries. */
const BODY_START = '{"quotas": {"resources": [{"type": "';

const HTML_PAGE =
  '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n' +
  '<hr><center>nginx</center>\n</body>\n</html>\n';

/** How a faulty request is answered: a JSON error, or something done to the connection. */
export type FaultAnswer = { json: RouteResult; headers?: Record<string, string> } | { act: (response: ServerResponse) => void };

/** What the fault makes of a request to `service`. */
export function faultAnswer(fault: Fault, service: EndpointService, requestId: string): FaultAnswer {
  switch (fault.kind) {
    case '429':
      return {
        json: gatewayError(429, 'APIGW.0308', 'The throttling threshold has been reached: policy user over ratelimit', requestId),
        headers: { 'Retry-After': String(fault.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS) },
      };
    case '500':
      return { json: serviceError(service, 'internal', 'An unexpected error prevented the server from fulfilling your request.') };
    case '503':
      return { json: serviceError(service, 'internal', 'The service is temporarily unavailable.', 503) };
    case '502':
      return { json: gatewayError(502, 'APIGW.0201', 'Backend unavailable.', requestId) };
    case '504':
      return { json: gatewayError(504, 'APIGW.0201', 'Backend timeout.', requestId) };
    case 'reset':
      return { act: (response) => response.socket?.destroy() };
    case 'truncate':
      return {
        act: (response) => {
          response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(BODY_START.length + 64) });
          response.write(BODY_START);
          // Closing the connection after what was written, short of the length promised.
          response.socket?.end();
        },
      };
    case 'malformed':
      return {
        act: (response) => {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(BODY_START);
        },
      };
    case 'html':
      return {
        act: (response) => {
          response.writeHead(502, { 'Content-Type': 'text/html' });
          response.end(HTML_PAGE);
        },
      };
    case 'hang':
      return { act: () => undefined };
  }
}
