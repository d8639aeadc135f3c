import type { KeyObject } from 'node:crypto';
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

/** A path of unreserved characters and slashes (every API path of this package) is its own canonical form. */
const UNRESERVED_PATH = /^[A-Za-z0-9\-._~/]*$/;

/**
 * The canonical URI: each path segment decoded, then percent-encoded once (the gateway signs the decoded path),
 * always ending in `/` for signing only.
 */
function canonicalUri(pathname: string): string {
  const encoded = UNRESERVED_PATH.test(pathname) ? pathname : pathname.split('/').map((segment) => percentEncode(safeDecode(segment))).join('/');
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

/** Signed headers in canonical form: a `name:value` line each, sorted by name, and the names joined with `;`. */
interface CanonicalHeaders {
  canonical: string;
  names: string;
}

/** What a signature covers, its headers already in canonical form. */
type CanonicalSignatureInput = Omit<SignatureInput, 'signedHeaders'> & { headers: CanonicalHeaders };

/** Header names lower-cased and sorted by code point, values trimmed. */
function canonicalHeaders(headers: Record<string, string>): CanonicalHeaders {
  return canonicalHeaderLines(Object.keys(headers).map((name): [string, string] => [name.toLowerCase(), String(headers[name]).trim()]));
}

/**
 * `[lower-case name, trimmed value]` pairs in canonical form (the array is sorted in place). Of pairs with the same
 * name, the last is kept.
 */
export function canonicalHeaderLines(entries: [string, string][]): CanonicalHeaders {
  // Header names are ASCII, so comparing strings is code-point order; the sort is stable, so the last given stays last.
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let canonical = '';
  const names: string[] = [];
  for (let index = 0; index < entries.length; index++) {
    const [name, value] = entries[index]!;
    if (entries[index + 1]?.[0] === name) continue;
    canonical += `${name}:${value}\n`;
    names.push(name);
  }
  return { canonical, names: names.join(';') };
}

export function buildCanonicalRequest(input: SignatureInput): { canonicalRequest: string; signedHeaderNames: string } {
  const headers = canonicalHeaders(input.signedHeaders);
  return { canonicalRequest: canonicalRequestOf({ ...input, headers }), signedHeaderNames: headers.names };
}

function canonicalRequestOf(input: CanonicalSignatureInput): string {
  // Reading `searchParams` builds an object: skip it when there is no query.
  const query = input.url.search ? canonicalQuery(input.url.searchParams) : '';
  return (
    `${input.method.toUpperCase()}\n${canonicalUri(input.url.pathname)}\n${query}\n` +
    `${input.headers.canonical}\n${input.headers.names}\n${hexDigest(input.algorithm, input.body ?? '')}`
  );
}

/** The `Authorization` header value for a request, signed with the secret key. */
export function computeAuthorization(input: SignatureInput, accessKey: string, secretKey: string): string {
  return authorizationOf({ ...input, headers: canonicalHeaders(input.signedHeaders) }, accessKey, secretKey);
}

/** `computeAuthorization` for headers already canonical: `signRequest` builds them as it copies the headers. */
export function authorizationOf(input: CanonicalSignatureInput, accessKey: string, secretKey: string | KeyObject): string {
  const stringToSign = `${input.algorithm}\n${input.sdkDate}\n${hexDigest(input.algorithm, canonicalRequestOf(input))}`;
  const signature = hexHmac(input.algorithm, secretKey, stringToSign);
  return `${input.algorithm} Access=${accessKey}, SignedHeaders=${input.headers.names}, Signature=${signature}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
