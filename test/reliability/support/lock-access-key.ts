import { expect } from 'vitest';
import { createHuaweiCloudClient } from '../../../provider/client';
import type { RunningEmulator } from '../../../provider/emulator';
import { projectsOf } from '../../emulator/harness';
import { FAILURES_ALLOWED } from '../../../provider/emulator/access-key-lockout';

/**
 * Locks an access key the way a misconfigured program would: six reads signed with a wrong secret key. Each is
 * refused at once (a 401 is never retried), so six reads are exactly six failed signatures, one more than allowed.
 */
export async function lockAccessKey(emulator: RunningEmulator, accessKey: string, securityToken?: string): Promise<void> {
  const { main } = projectsOf(emulator);
  const client = createHuaweiCloudClient({
    accessKey, secretKey: 'a-wrong-secret-key-for-the-lockout-0000', securityToken, env: {}, endpoints: { kms: `${emulator.url}/kms/cn-north-4` },
  });
  try {
    for (let failure = 1; failure <= FAILURES_ALLOWED + 1; failure++) {
      const error = await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'service', status: 401, code: 'APIGW.0301', attempts: 1 });
    }
  } finally {
    await client.close();
  }
}
