import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { buildCanonicalRequest, computeAuthorization, type SignatureInput } from '../signing/canonical-request';
import { formatSdkDate, parseSdkDate } from '../signing/sdk-date';
import type { AccessKeyLockout } from './access-key-lockout';
import { findAccessKey, findToken } from './state-lookups';
import type { EmulatorAccessKey, EmulatorAccount, EmulatorState, EmulatorToken, EmulatorUser } from './state-schema';

/** The gateway allows this much difference between `X-Sdk-Date` and its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** A request as it arrived: what the signature is checked against. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received (base path included: the signature covers it). */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Who sent a request, once the gateway has authenticated it. */
export interface Caller {
  account: EmulatorAccount;
  user: EmulatorUser;
  credential: { kind: 'access-key'; key: EmulatorAccessKey } | { kind: 'token'; token: EmulatorToken };
}

/** A caller, or the reason the gateway refuses the request (the detail after "Incorrect IAM authentication information: "). */
export type Authentication = { caller: Caller } | { refused: string };

export interface GatewayContext {
  state: EmulatorState;
  lockout: AccessKeyLockout;
  /** The emulator's clock. */
  now: () => number;
}

const AUTHORIZATION = /^(SDK-HMAC-SHA256|SDK-HMAC-SM3)\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/;

/**
 * Authenticates a request the way the API gateway does: an `Authorization: SDK-HMAC-*` signature recomputed from the
 * request as received, over the headers it lists, with `X-Sdk-Date` within 15 minutes of the emulator's clock (and
 * `X-Security-Token` for temporary keys); else an `X-Auth-Token` from the state. Every failure of a known access key
 * counts towards its lockout; a success resets the count.
 */
export function authenticate(request: ReceivedRequest, gateway: GatewayContext): Authentication {
  const authorization = headerValue(request.headers, 'authorization');
  if (authorization !== undefined) return authenticateAccessKey(request, authorization, gateway);
  const token = headerValue(request.headers, 'x-auth-token');
  if (token !== undefined) return authenticateToken(token, gateway);
  return { refused: 'the request has neither an Authorization (AK/SK signature) nor an X-Auth-Token header' };
}

function authenticateAccessKey(request: ReceivedRequest, authorization: string, gateway: GatewayContext): Authentication {
  const parsed = AUTHORIZATION.exec(authorization);
  if (!parsed) return { refused: 'the Authorization header is not "SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=..."' };
  const [, algorithm, accessKey, signedHeaderList, signature] = parsed as unknown as [string, SignatureInput['algorithm'], string, string, string];
  const found = findAccessKey(gateway.state, accessKey);
  if (!found) return { refused: `Get secretKey failed,ak:${accessKey},err:ak not exist` };
  if (gateway.lockout.isLocked(accessKey)) return { refused: 'AK access failed to reach the limit,forbidden' };

  const failure = checkSignedRequest(request, { algorithm, signedHeaderList, signature }, found.key, gateway.now());
  if (failure !== undefined) {
    gateway.lockout.recordFailure(accessKey);
    return { refused: failure };
  }
  gateway.lockout.recordSuccess(accessKey);
  return { caller: { account: found.account, user: found.user, credential: { kind: 'access-key', key: found.key } } };
}

/** The reason a signed request is refused, or `undefined` when it is good. */
function checkSignedRequest(
  request: ReceivedRequest,
  authorization: { algorithm: SignatureInput['algorithm']; signedHeaderList: string; signature: string },
  key: EmulatorAccessKey,
  now: number,
): string | undefined {
  const signedNames = authorization.signedHeaderList.split(';');
  if (!signedNames.includes('host') || !signedNames.includes('x-sdk-date')) {
    return `verify aksk signature fail, SignedHeaders must include host and x-sdk-date (got ${authorization.signedHeaderList})`;
  }
  const sdkDate = headerValue(request.headers, 'x-sdk-date') ?? '';
  const signedAt = parseSdkDate(sdkDate);
  if (!signedAt) return `verify aksk signature fail, X-Sdk-Date ${JSON.stringify(sdkDate)} is not in the form YYYYMMDDTHHMMSSZ`;
  if (Math.abs(now - signedAt.getTime()) > MAX_CLOCK_SKEW_MS) {
    return `verify aksk signature fail, X-Sdk-Date ${sdkDate} is more than 15 minutes from the server time ${formatSdkDate(new Date(now))}`;
  }

  const input: SignatureInput = {
    algorithm: authorization.algorithm,
    method: request.method,
    // Only the path and query are read from this URL; the host the signature covers is the Host header as received.
    url: new URL(request.target, 'http://emulator.invalid'),
    signedHeaders: Object.fromEntries(signedNames.map((name) => [name, headerValue(request.headers, name) ?? ''])),
    body: request.body,
    sdkDate,
  };
  const expected = computeAuthorization(input, key.accessKey, key.secretKey).split('Signature=')[1] ?? '';
  if (!sameText(expected, authorization.signature)) {
    // Like the gateway, show the canonical request it signed ('|' for newlines), so that a client can find its mistake.
    const shown = { ...input.signedHeaders, ...(input.signedHeaders['x-security-token'] ? { 'x-security-token': '******' } : {}) };
    const canonical = buildCanonicalRequest({ ...input, signedHeaders: shown }).canonicalRequest.replace(/\n/g, '|');
    return `verify aksk signature fail, canonicalRequest:${canonical}`;
  }

  const securityToken = headerValue(request.headers, 'x-security-token');
  if (key.securityToken === undefined) {
    if (securityToken !== undefined) return 'X-Security-Token was sent with a permanent access key';
  } else {
    if (securityToken === undefined) return 'this temporary access key needs its security token in X-Security-Token';
    if (!sameText(securityToken, key.securityToken)) return 'the security token does not belong to this access key';
    if (key.expiresAt !== undefined && Date.parse(key.expiresAt) <= now) return 'the temporary access key has expired';
  }
  return undefined;
}

function authenticateToken(value: string, gateway: GatewayContext): Authentication {
  const found = findToken(gateway.state, value);
  if (!found) return { refused: 'decrypt token fail' };
  if (found.token.expiresAt !== undefined && Date.parse(found.token.expiresAt) <= gateway.now()) return { refused: 'the token has expired' };
  return { caller: { account: found.account, user: found.user, credential: { kind: 'token', token: found.token } } };
}

/** A header as received; repeated headers are joined as Node joins them. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
