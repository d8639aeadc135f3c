import { expect } from 'vitest';
import type { RunningEmulator } from '../../../provider/emulator';
import { projectsOf, rawGet, signedHeaders } from '../../emulator/harness';
import { FAILURES_ALLOWED } from '../../../provider/emulator/access-key-lockout';

/**
 * Locks an access key the way a misconfigured program with its own HTTP client would: six requests signed with a wrong
 * secret key, one more failed signature than the gateway allows. (This package's client holds back the requests that
 * follow a refusal of the same credentials, so it would send only the first.)
 */
export async function lockAccessKey(emulator: RunningEmulator, accessKey: string, securityToken?: string): Promise<void> {
  const { main } = projectsOf(emulator);
  const url = `${emulator.url}/kms/cn-north-4/v1.0/${main.id}/kms/user-quotas`;
  const credentials = { accessKey, secretKey: 'a-wrong-secret-key-for-the-lockout-0000', ...(securityToken ? { securityToken } : {}) };
  for (let failure = 1; failure <= FAILURES_ALLOWED + 1; failure++) {
    const response = await rawGet(url, signedHeaders(url, credentials, { 'X-Project-Id': main.id }));
    expect(response).toMatchObject({ status: 401, json: { error_code: 'APIGW.0301' } });
  }
}
