import type { Cancellation } from './cancellation';
import type { ConnectionPool, PooledResponse } from './connection-pool';
import { TRANSPORT_ERROR_CODES, transportError } from './transport-error-codes';

export interface AttemptRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  cancellation: Cancellation;
  maxResponseBytes: number;
}

export interface AttemptResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
}

/** Thrown when a body is larger than allowed: reading on would only waste memory. */
export class ResponseTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the response body is larger than ${limit} bytes`);
  }
}

/** One HTTP exchange: send, then read the whole body as text, refusing bodies over the limit. */
export async function sendAttempt(pool: ConnectionPool, request: AttemptRequest): Promise<AttemptResponse> {
  // Cancelled already (the caller's signal was aborted): open no connection.
  if (request.cancellation.reason) throw request.cancellation.reason;
  const response = await pool.request({ method: request.method, url: request.url, headers: request.headers, cancellation: request.cancellation });
  // From now on a cancellation ends the body being read.
  request.cancellation.onCancel((reason) => response.body.destroy(reason));
  const headers = flattenHeaders(response.headers);
  const declared = Number(headers['content-length']);
  if (declared > request.maxResponseBytes) {
    response.destroy();
    throw new ResponseTooLargeError(request.maxResponseBytes);
  }
  return { status: response.status, headers, text: await readText(response, request.maxResponseBytes, request.cancellation) };
}

/** The whole body as text. Plain stream events: an async iterator per response costs measurably more CPU. */
function readText(response: PooledResponse, limit: number, cancellation: Cancellation): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    response.body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new ResponseTooLargeError(limit));
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.body.once('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // The connection closed before the end of the body: Node says ECONNRESET "aborted" (or only closes the stream),
    // undici "other side closed"; either way the answer is cut short, unless we cancelled it ourselves.
    const truncated = () => transportError(TRANSPORT_ERROR_CODES.bodyTruncated, 'the connection closed before the end of the response body');
    response.body.once('error', (error) => reject(cancellation.reason ?? (error instanceof ResponseTooLargeError ? error : truncated())));
    response.body.once('close', () => {
      if (!ended) reject(cancellation.reason ?? truncated());
    });
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
