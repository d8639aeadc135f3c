import { HuaweiCloudError } from '../errors';

/** Failures that say an endpoint cannot be reached at all: its name does not resolve, or its certificate is not its. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** The base URLs of one service in one region, and the one in use: a client moves on and does not come back. */
export interface EndpointList {
  readonly urls: readonly string[];
  current: number;
}

/**
 * Sends with the endpoint in use, moving on to the next of the list when that one cannot be reached (DNS or TLS
 * certificate failures, as the official SDKs do; not timeouts or HTTP errors, which the next one would share). When
 * the last one fails too, the error says what the others did.
 */
export async function withFailover<T>(list: EndpointList, send: (base: string) => Promise<T>): Promise<T> {
  const earlier: string[] = [];
  for (;;) {
    // The index this request uses: requests in flight at once move the list on once, never past an endpoint untried.
    const index = list.current;
    const base = list.urls[index]!;
    try {
      return await send(base);
    } catch (error) {
      if (index + 1 < list.urls.length && isUnreachable(error)) {
        earlier.push(`${base}: ${(error as Error).message}`);
        if (list.current === index) list.current = index + 1;
        continue;
      }
      if (earlier.length === 0 || !(error instanceof HuaweiCloudError)) throw error;
      throw new HuaweiCloudError({ ...error, kind: error.kind, message: `${error.message} (after ${earlier.join('; ')})`, cause: error.cause });
    }
  }
}

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof HuaweiCloudError) || error.kind !== 'network') return false;
  const cause = error.cause as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = cause?.code ?? cause?.cause?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}
