import { invalidArgument } from '../errors';
import { computeAuthorization } from './canonical-request';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './digest';
import { formatSdkDate } from './sdk-date';

export interface RequestToSign {
  method: string;
  /** Absolute URL, path and query as they will be sent. */
  url: string;
  /** Headers to sign, in any case. `Host` is taken from the URL unless given here. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface AccessKeyCredentials {
  accessKey: string;
  secretKey: string;
  /** For temporary keys: sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

export interface SignOptions {
  /** Signing time; defaults to now. */
  date?: Date;
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

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SIGNER_OWNED.has(name.toLowerCase())) headers[name] = value;
  }
  headers['X-Sdk-Date'] = sdkDate;
  if (credentials.securityToken) headers['X-Security-Token'] = credentials.securityToken;

  const signedHeaders = hasHeader(headers, 'host') ? headers : { ...headers, host: url.host };
  headers.Authorization = computeAuthorization(
    { algorithm, method: request.method, url, signedHeaders, body: request.body, sdkDate },
    credentials.accessKey,
    credentials.secretKey,
  );
  return headers;
}

/** Headers the signer sets itself; a caller's copies would be stale on a retry. */
const SIGNER_OWNED = new Set(['x-sdk-date', 'authorization', 'x-security-token']);

function hasHeader(headers: Record<string, string>, lowerName: string): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === lowerName);
}

function parseAbsoluteUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw invalidArgument('url', 'must be an absolute http:// or https:// URL');
  }
}
