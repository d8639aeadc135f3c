import { z } from 'zod';
import { Cancellation } from '../transport/cancellation';
import { sendAttempt } from '../transport/http-attempt';
import { createNodeHttpPool } from '../transport/node-http-pool';
import { HuaweiCloudError } from '../errors';
import type { Auth, CredentialSource } from './auth';

export const DEFAULT_METADATA_URL = 'http://169.254.169.254';

/** Temporary keys are fetched again this long before they expire. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
/** Off an ECS the address does not answer: give up fast. */
const METADATA_TIMEOUT_MS = 2_000;

const SecurityKeyResponse = z.object({
  credential: z.object({
    access: z.string().min(1),
    secret: z.string().min(1),
    securitytoken: z.string().min(1),
    expires_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date'),
  }),
});

interface TemporaryKey {
  auth: Auth;
  expiresAt: number;
}

/** Reads the temporary access key of the ECS's agency: `GET {base}/openstack/latest/securitykey`. */
export async function fetchSecurityKey(baseUrl: string): Promise<TemporaryKey> {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/openstack/latest/securitykey`);
  const pool = createNodeHttpPool({ connections: 1, connectTimeoutMs: METADATA_TIMEOUT_MS, tls: { rejectUnauthorized: true } });
  const cancellation = new Cancellation();
  const timer = setTimeout(() => cancellation.cancel(new Error(`no answer within ${METADATA_TIMEOUT_MS} ms`)), METADATA_TIMEOUT_MS);
  try {
    const response = await sendAttempt(pool, { method: 'GET', url, headers: {}, cancellation, maxResponseBytes: 64 * 1024 });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    const parsed = SecurityKeyResponse.safeParse(parseJson(response.text));
    if (!parsed.success) throw new Error(`unexpected body (${parsed.error.issues[0]?.path.join('.') || 'root'})`);
    const { access, secret, securitytoken, expires_at } = parsed.data.credential;
    return {
      auth: { kind: 'access-key', accessKey: access, secretKey: secret, securityToken: securitytoken },
      expiresAt: Date.parse(expires_at),
    };
  } finally {
    clearTimeout(timer);
    await pool.close();
  }
}

/** After a refresh, the next one waits this long (unless the key has expired): the service may hand out a key that is already near its end. */
const MIN_REFRESH_INTERVAL_MS = 60_000;

/**
 * Temporary keys from the metadata service, refreshed before `expires_at`: concurrent callers share one refresh, a key
 * handed out inside the refresh margin is used until the next refresh is due rather than fetched on every call, and an
 * expired key is never used.
 */
export function metadataSource(baseUrl: string, first: TemporaryKey, now: () => number = Date.now): CredentialSource {
  let key = first;
  let refreshing: Promise<TemporaryKey> | undefined;
  let lastRefresh = Number.NEGATIVE_INFINITY;
  const expired = () => key.expiresAt <= now();
  return {
    origin: `the ECS metadata service at ${baseUrl}`,
    async current() {
      const refreshDue = key.expiresAt - now() <= REFRESH_BEFORE_EXPIRY_MS && now() - lastRefresh >= MIN_REFRESH_INTERVAL_MS;
      if (!refreshDue && !expired()) return key.auth;
      refreshing ??= fetchSecurityKey(baseUrl).finally(() => {
        refreshing = undefined;
        lastRefresh = now();
      });
      try {
        key = await refreshing;
      } catch (error) {
        // A refresh that fails while the old key is still valid is not fatal: try again on the next request.
        if (expired()) {
          throw new HuaweiCloudError({
            kind: 'missing-credentials',
            message: `the temporary keys from ${baseUrl} expired and could not be renewed: ${(error as Error).message}`,
            cause: error,
          });
        }
      }
      if (expired()) {
        throw new HuaweiCloudError({
          kind: 'missing-credentials',
          message: `the ECS metadata service at ${baseUrl} hands out temporary keys that expired at ${new Date(key.expiresAt).toISOString()}; check the ECS's agency and clock`,
        });
      }
      return key.auth;
    },
  };
}

// JSON.parse's own message quotes the body, which here holds a secret key.
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('the body is not JSON');
  }
}
