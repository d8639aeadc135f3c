/**
 * The transport's own codes for faults that are not the operating system's, the same whichever HTTP client carried
 * the request (Node's `http` pool, or undici's for a proxy or a custom dispatcher). They appear in `network` and
 * `timeout` messages; system codes (`ECONNRESET`, `ENOTFOUND`, TLS codes) are shown as Node gives them.
 */
export const TRANSPORT_ERROR_CODES = {
  /** No TCP connection (and TLS handshake) within `connectTimeoutMs`. */
  connectTimeout: 'HWQUOTA_CONNECT_TIMEOUT',
  /** The connection pool was closed: nothing more is sent through it. */
  poolClosed: 'HWQUOTA_POOL_CLOSED',
  /** The connection ended before the whole response body arrived. */
  bodyTruncated: 'HWQUOTA_BODY_TRUNCATED',
  /** The server sent no response headers in time. */
  headersTimeout: 'HWQUOTA_HEADERS_TIMEOUT',
  /** The response body stopped arriving. */
  bodyTimeout: 'HWQUOTA_BODY_TIMEOUT',
  /** The socket failed in a way the HTTP client reported without a system code. */
  socket: 'HWQUOTA_SOCKET_ERROR',
} as const;

/** undici's codes, as its dispatcher reports them, and ours for the same fault. */
const FROM_UNDICI: Readonly<Record<string, string>> = {
  UND_ERR_CONNECT_TIMEOUT: TRANSPORT_ERROR_CODES.connectTimeout,
  UND_ERR_CLOSED: TRANSPORT_ERROR_CODES.poolClosed,
  UND_ERR_DESTROYED: TRANSPORT_ERROR_CODES.poolClosed,
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: TRANSPORT_ERROR_CODES.bodyTruncated,
  UND_ERR_HEADERS_TIMEOUT: TRANSPORT_ERROR_CODES.headersTimeout,
  UND_ERR_BODY_TIMEOUT: TRANSPORT_ERROR_CODES.bodyTimeout,
  UND_ERR_SOCKET: TRANSPORT_ERROR_CODES.socket,
};

/** An error carrying one of our codes. */
export function transportError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/** The code of a failed attempt: ours for undici's, else the system's (undici wraps those one level down). */
export function transportErrorCode(error: unknown): string | undefined {
  const outer = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = outer?.code ?? outer?.cause?.code;
  if (typeof code !== 'string') return undefined;
  return FROM_UNDICI[code] ?? code;
}
