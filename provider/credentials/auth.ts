import { createHash } from 'node:crypto';

/** How a request proves who sends it: an access key pair (signed), or an IAM token (`X-Auth-Token`). */
export type Auth =
  | { kind: 'access-key'; accessKey: string; secretKey: string; securityToken?: string }
  | { kind: 'token'; token: string };

/** Credentials found by the chain, with the IDs the same place gave (the profile file can hold them). */
export interface CredentialSource {
  /** Where the credentials came from, for messages; never a secret. */
  readonly origin: string;
  readonly domainId?: string;
  readonly projectId?: string;
  /** The credentials to use now: temporary keys are refreshed before they expire. */
  current(): Promise<Auth>;
}

/** The values to keep out of every message and log line. */
export function secretsOf(auth: Auth): string[] {
  return auth.kind === 'token' ? [auth.token] : [auth.secretKey, auth.securityToken ?? ''];
}

/**
 * A stable, non-secret key for caches shared by clients: a hash of the whole credentials, so that a client with the
 * same access key but another secret (a rotated or wrong one) never reuses another's reads.
 */
export function identityKey(auth: Auth): string {
  let key = identityKeys.get(auth);
  if (key === undefined) identityKeys.set(auth, (key = createHash('sha256').update(JSON.stringify(auth)).digest('hex')));
  return key;
}

/** Every read asks for the key of the same credentials: hash them once. */
const identityKeys = new WeakMap<Auth, string>();

export function staticSource(origin: string, auth: Auth, ids: { domainId?: string; projectId?: string } = {}): CredentialSource {
  const current = Promise.resolve(auth);
  return { origin, ...ids, current: () => current };
}
