import type { RunningEmulator } from '../../../provider/emulator';
import type { CredentialOptions } from '../../../provider/client';
import { AUTH_TOKEN, SECRET_KEY, SECURITY_TOKEN, TEMPORARY_SECRET_KEY } from './recognisable-secrets';
import { ROOT_ACCESS_KEY, TEMPORARY_ACCESS_KEY } from './reliability-state';

/** How a scenario proves who it is: the root user's temporary access key (signed), or its IAM token. */
export type CredentialMode = 'temporary keys' | 'token';
export const CREDENTIAL_MODES: readonly CredentialMode[] = ['temporary keys', 'token'];

/** The credential options of a mode, as a program passes them. */
export function credentialOptions(mode: CredentialMode): CredentialOptions {
  return mode === 'token'
    ? { authToken: AUTH_TOKEN }
    : { accessKey: TEMPORARY_ACCESS_KEY, secretKey: TEMPORARY_SECRET_KEY, securityToken: SECURITY_TOKEN };
}

/**
 * The emulator's printed environment (project and account IDs, endpoints) holding every recognisable secret, so that
 * whichever credentials a scenario uses, all of them are around to leak. A client that takes its credentials from it
 * finds the temporary key first (`HUAWEICLOUD_SDK_*`); the root key (`HW_ACCESS_KEY`) and the token come later in the chain.
 */
export function environmentWithSecrets(emulator: Pick<RunningEmulator, 'env'>): Record<string, string> {
  return {
    ...emulator.env,
    HUAWEICLOUD_SDK_AK: TEMPORARY_ACCESS_KEY,
    HUAWEICLOUD_SDK_SK: TEMPORARY_SECRET_KEY,
    HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN,
    HW_ACCESS_KEY: ROOT_ACCESS_KEY,
    HW_SECRET_KEY: SECRET_KEY,
    HW_AUTH_TOKEN: AUTH_TOKEN,
    HWQUOTA_METADATA_URL: 'off',
  };
}

/**
 * What the CLI sees for a mode: it reads credentials from the environment only. Temporary keys go in
 * `HUAWEICLOUD_SDK_AK`/`_SK`/`_SECURITY_TOKEN` (with the token also set, lower in the chain); a token alone in
 * `HW_AUTH_TOKEN`.
 */
export function cliEnvironment(emulator: Pick<RunningEmulator, 'env'>, mode: CredentialMode): Record<string, string> {
  const { HUAWEICLOUD_SDK_AK: _ak, HUAWEICLOUD_SDK_SK: _sk, ...rest } = emulator.env;
  const base = { ...rest, HWQUOTA_METADATA_URL: 'off', HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent/hwquota-reliability/credentials' };
  if (mode === 'token') return { ...base, HW_AUTH_TOKEN: AUTH_TOKEN };
  return { ...base, HUAWEICLOUD_SDK_AK: TEMPORARY_ACCESS_KEY, HUAWEICLOUD_SDK_SK: TEMPORARY_SECRET_KEY, HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN, HW_AUTH_TOKEN: AUTH_TOKEN };
}
