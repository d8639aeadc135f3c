import type { Dispatcher } from 'undici';
import { dispatchRequest } from './undici-parts';

export interface AttemptRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  signal: AbortSignal;
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
export async function sendAttempt(dispatcher: Dispatcher, request: AttemptRequest): Promise<AttemptResponse> {
  const response = await dispatchRequest(dispatcher, {
    origin: request.url.origin,
    path: `${request.url.pathname}${request.url.search}`,
    method: request.method as Dispatcher.HttpMethod,
    headers: request.headers,
    signal: request.signal,
  });
  const headers = flattenHeaders(response.headers);
  const declared = Number(headers['content-length']);
  if (declared > request.maxResponseBytes) {
    response.body.destroy();
    throw new ResponseTooLargeError(request.maxResponseBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > request.maxResponseBytes) {
      response.body.destroy();
      throw new ResponseTooLargeError(request.maxResponseBytes);
    }
    chunks.push(chunk);
  }
  return { status: response.statusCode, headers, text: Buffer.concat(chunks).toString('utf8') };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
