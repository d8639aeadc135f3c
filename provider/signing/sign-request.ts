import { createSecretKey, type KeyObject } from 'node:crypto';
import { invalidArgument } from '../errors';
import { authorizationOf, canonicalHeaderLines } from './canonical-request';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './digest';
import { formatSdkDate } from './sdk-date';

/** The parts of a request that the signature covers. */
export interface RequestToSign {
  /** HTTP method, such as `GET`. */
  method: string;
  /** Absolute URL, path and query as they will be sent. */
  url: string;
  /** Headers to sign, in any case. `Host` is taken from the URL unless given here. */
  headers: Record<string, string>;
  /** The request body, if any; its SHA-256 (or SM3) digest is signed. */
  body?: string | Uint8Array;
}

/** An access key pair, permanent or temporary. */
export interface AccessKeyCredentials {
  /** Access key ID (AK): sent in the `Authorization` header. */
  accessKey: string;
  /** Secret access key (SK): signs, and is never sent. */
  secretKey: string;
  /** For temporary keys: sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

/** How to sign. */
export interface SignOptions {
  /** Signing time; defaults to now. */
  date?: Date;
  /** Default `SDK-HMAC-SHA256`. */
  algorithm?: SigningAlgorithm;
}

/**
 * Signs a request the way the Huawei Cloud API gateway checks it (AK/SK, `SDK-HMAC-SHA256` or `SDK-HMAC-SM3`).
 *
 * The signature covers the given headers, `Host` and `X-Sdk-Date` (and `X-Security-Token` for temporary keys).
 * Returns every header to send: the given ones plus `X-Sdk-Date`, `X-Security-Token` when a token is given, and
 * `Authorization`. `Host` is signed but not returned: HTTP clients send it from the URL.
 *
 * @example
 * const headers = signRequest(
 *   { method: 'GET', url: 'https://iam.cn-north-4.myhuaweicloud.com/v3.0/OS-QUOTA/projects/abc', headers: { 'Content-Type': 'application/json' } },
 *   { accessKey: 'AK', secretKey: 'SK' },
 * );
 */
export function signRequest(
  request: RequestToSign,
  credentials: AccessKeyCredentials,
  options: SignOptions = {},
): Record<string, string> {
  const algorithm = options.algorithm ?? 'SDK-HMAC-SHA256';
  if (!SIGNING_ALGORITHMS.includes(algorithm)) {
    throw invalidArgument('algorithm', `must be one of ${SIGNING_ALGORITHMS.join(', ')}`);
  }
  if (!credentials.accessKey) throw invalidArgument('accessKey', 'is empty');
  if (!credentials.secretKey) throw invalidArgument('secretKey', 'is empty');
  const url = parseAbsoluteUrl(request.url);
  const sdkDate = formatSdkDate(options.date ?? new Date());

  // The headers to send, and the signed ones in canonical form, built in one pass.
  const headers: Record<string, string> = {};
  const signed: [string, string][] = [];
  let hostGiven = false;
  for (const name of Object.keys(request.headers)) {
    const lowerName = name.toLowerCase();
    if (SIGNER_OWNED.has(lowerName)) continue;
    const value = request.headers[name]!;
    headers[name] = value;
    signed.push([lowerName, String(value).trim()]);
    hostGiven ||= lowerName === 'host';
  }
  headers['X-Sdk-Date'] = sdkDate;
  signed.push(['x-sdk-date', sdkDate]);
  if (credentials.securityToken) {
    headers['X-Security-Token'] = credentials.securityToken;
    signed.push(['x-security-token', credentials.securityToken.trim()]);
  }
  if (!hostGiven) signed.push(['host', url.host]);

  headers.Authorization = authorizationOf(
    { algorithm, method: request.method, url, headers: canonicalHeaderLines(signed), body: request.body, sdkDate },
    credentials.accessKey,
    hmacKey(credentials),
  );
  return headers;
}

/** Each credentials object's secret key, prepared for HMAC once rather than on every signature. */
const hmacKeys = new WeakMap<AccessKeyCredentials, { secretKey: string; key: KeyObject }>();

function hmacKey(credentials: AccessKeyCredentials): KeyObject {
  let prepared = hmacKeys.get(credentials);
  if (prepared?.secretKey !== credentials.secretKey) {
    prepared = { secretKey: credentials.secretKey, key: createSecretKey(credentials.secretKey, 'utf8') };
    hmacKeys.set(credentials, prepared);
  }
  return prepared.key;
}

/** Headers the signer sets itself; a caller's copies would be stale on a retry. */
const SIGNER_OWNED = new Set(['x-sdk-date', 'authorization', 'x-security-token']);

function parseAbsoluteUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw invalidArgument('url', 'must be an absolute http:// or https:// URL');
  }
}
