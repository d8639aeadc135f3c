import { afterEach, describe, expect, it } from 'vitest';
import { createHuaweiCloudClient, type HuaweiCloudClient } from '../../../provider/huawei-cloud-client';
import { startEmulator, type RunningEmulator } from '../../../provider/emulator';

// One AbortSignal passed to many reads: one abort listener on it, not one per read or attempt (Node warns past ten).

let emulator: RunningEmulator | undefined;
let client: HuaweiCloudClient | undefined;
afterEach(async () => {
  await client?.close();
  await emulator?.stop();
});

describe('a signal shared by many reads', () => {
  it('50 reads waiting, retrying and aborted through one signal: no MaxListenersExceededWarning', async () => {
    // Every attempt answered 503 after 20 ms: the reads are in flight, then waiting to retry, when the signal aborts.
    emulator = await startEmulator({ faults: [{ route: 'kms', kind: '503' }], latency: { minMs: 20, maxMs: 20 } });
    client = createHuaweiCloudClient({ env: emulator.env, retryBaseDelayMs: 200, retryMaxDelayMs: 200 });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const projectId = emulator.env.HUAWEICLOUD_SDK_PROJECT_ID!;
      const path = `/v1.0/${projectId}/kms/user-quotas`;
      const reads = Array.from({ length: 50 }, (_, index) => client!.get({ service: 'kms', path, query: { read: index }, scope: { projectId }, signal: controller.signal }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      const results = await Promise.allSettled(reads);
      expect(results.every((result) => result.status === 'rejected')).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((warning) => warning.includes('MaxListeners'))).toEqual([]);
  });
});
