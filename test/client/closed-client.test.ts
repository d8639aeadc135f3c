import { afterEach, describe, expect, it } from 'vitest';
import { createQuotaClient } from '../../provider/quota-client';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { clearSharedState } from '../support/shared-state';

// A client used after close() fails at once with its own kind, sending nothing (before: 4 attempts over about 1.3 s
// into the closed pool, then a retryable network error).

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  clearSharedState();
});

describe('a closed client', () => {
  it('fails every read at once, unsent, with kind closed', async () => {
    emulator = await startEmulator();
    const quotas = createQuotaClient({ env: emulator.env, cacheTtlMs: 0 });
    expect((await quotas.kmsQuotas()).resources).toHaveLength(2);
    await quotas.close();
    const sent = emulator.requests.kms;
    const started = performance.now();
    await expect(quotas.kmsQuotas()).rejects.toMatchObject({ kind: 'closed', retryable: false, attempts: 0, message: expect.stringContaining('closed') });
    await expect(quotas.http.resolveProjectId({ region: 'cn-east-3' })).rejects.toMatchObject({ kind: 'closed' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(emulator.requests.kms).toBe(sent);
  });
});
