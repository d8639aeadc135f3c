import type { IncomingMessage } from 'node:http';
import { computeAuthorization } from '../../provider/signing/canonical-request';

/** Recomputes a received request's signature over the headers it names, as the API gateway does. */
export function signatureIsValid(request: { method: string; url: string; headers: IncomingMessage['headers'] }, secretKey: string): boolean {
  const authorization = String(request.headers.authorization ?? '');
  const match = /^(SDK-HMAC-SHA256|SDK-HMAC-SM3) Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(authorization);
  if (!match) return false;
  const [, algorithm, accessKey, signedNames] = match;
  const signedHeaders = Object.fromEntries(signedNames!.split(';').map((name) => [name, String(request.headers[name] ?? '')]));
  const expected = computeAuthorization(
    {
      algorithm: algorithm as 'SDK-HMAC-SHA256',
      method: request.method,
      url: new URL(request.url, `http://${request.headers.host}`),
      signedHeaders,
      sdkDate: String(request.headers['x-sdk-date']),
    },
    accessKey!,
    secretKey,
  );
  return expected === authorization;
}
