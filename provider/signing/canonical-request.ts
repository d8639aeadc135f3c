import { hexDigest, hexHmac, type SigningAlgorithm } from './digest';
import { percentEncode } from './percent-encode';

/** What a signature covers: the request as sent, and the headers chosen for signing (names in any case). */
export interface SignatureInput {
  algorithm: SigningAlgorithm;
  method: string;
  url: URL;
  signedHeaders: Record<string, string>;
  body?: string | Uint8Array;
  /** The `X-Sdk-Date` value, already formatted. */
  sdkDate: string;
}

/**
 * The canonical URI: each path segment decoded, then percent-encoded once (the gateway signs the decoded path),
 * always ending in `/` for signing only.
 */
export function canonicalUri(pathname: string): string {
  const encoded = pathname.split('/').map((segment) => percentEncode(safeDecode(segment))).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/**
 * Query parameters sorted by key, and the values of a repeated key sorted too (as the official SDKs do),
 * each key and value percent-encoded; a key without a value signs as `key=`.
 */
export function canonicalQuery(params: URLSearchParams): string {
  const valuesByKey = new Map<string, string[]>();
  for (const [key, value] of params) {
    const values = valuesByKey.get(key);
    if (values) values.push(value);
    else valuesByKey.set(key, [value]);
  }
  const pairs: string[] = [];
  for (const key of [...valuesByKey.keys()].sort()) {
    for (const value of valuesByKey.get(key)!.sort()) pairs.push(`${percentEncode(key)}=${percentEncode(value)}`);
  }
  return pairs.join('&');
}

/** Header names lower-cased and sorted by code point, values trimmed. */
export function canonicalHeaders(headers: Record<string, string>): { canonical: string; names: string } {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) byName.set(name.toLowerCase(), String(value).trim());
  // Header names are ASCII, so the default sort is code-point order.
  const names = [...byName.keys()].sort();
  return {
    canonical: names.map((name) => `${name}:${byName.get(name)}\n`).join(''),
    names: names.join(';'),
  };
}

export function buildCanonicalRequest(input: SignatureInput): { canonicalRequest: string; signedHeaderNames: string } {
  const headers = canonicalHeaders(input.signedHeaders);
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname),
    canonicalQuery(input.url.searchParams),
    headers.canonical,
    headers.names,
    hexDigest(input.algorithm, input.body ?? ''),
  ].join('\n');
  return { canonicalRequest, signedHeaderNames: headers.names };
}

/** The `Authorization` header value for a request, signed with the secret key. */
export function computeAuthorization(input: SignatureInput, accessKey: string, secretKey: string): string {
  const { canonicalRequest, signedHeaderNames } = buildCanonicalRequest(input);
  const stringToSign = [input.algorithm, input.sdkDate, hexDigest(input.algorithm, canonicalRequest)].join('\n');
  const signature = hexHmac(input.algorithm, secretKey, stringToSign);
  return `${input.algorithm} Access=${accessKey}, SignedHeaders=${signedHeaderNames}, Signature=${signature}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
