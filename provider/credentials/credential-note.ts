import type { Auth } from './auth';

/** How long Huawei Cloud's API gateway locks an access key after more than five failed signatures in a row. */
const GATEWAY_LOCKOUT = '5 minutes';

/**
 * What to add to an authentication failure (HTTP 401): which credentials were sent and where they came from, so that a
 * stale key in one place is not mistaken for a good one in another; and, for a locked key, that it is locked and for
 * how long. Never a secret: the access key ID is not one.
 */
export function credentialNote(origin: string, auth: Auth, serviceMessage: string | undefined): string {
  const sent = auth.kind === 'token' ? `an IAM token from ${origin}` : `access key ${auth.accessKey} from ${origin}`;
  if (/reach the limit/i.test(serviceMessage ?? '')) {
    return `the gateway has locked ${sent} after too many failed signatures in a row; Huawei Cloud keeps a key locked for ${GATEWAY_LOCKOUT} (the emulator for its --lockout): fix the secret key, then wait`;
  }
  return `credentials sent: ${sent}`;
}
