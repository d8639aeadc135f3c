import { describe, expect, it } from 'vitest';
import { HuaweiCloudError, type HuaweiCloudClient } from '../../provider/client';
import { mapConcurrently } from '../../provider/concurrency';
import type { RunningEmulator } from '../../provider/emulator';
import { projectsOf, useEmulator } from '../emulator/harness';

const { start, clientOf } = useEmulator();

/** One KMS read of the emulator's main project, as many times as asked, 8 at a time (the quota client's default). */
async function kmsReads(emulator: RunningEmulator, client: HuaweiCloudClient, count: number): Promise<{ failed: number }> {
  const { main } = projectsOf(emulator);
  let failed = 0;
  await mapConcurrently(Array.from({ length: count }), 8, () =>
    client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } }).then(
      () => undefined,
      () => void (failed += 1),
    ),
  );
  return { failed };
}

const throttledShare = (emulator: RunningEmulator) => emulator.throttled.kms / emulator.requests.kms;

/** Sends reads at once until the gateway has throttled one (the limiter then paces at about 5 per second). */
async function throttledOnce(emulator: RunningEmulator, client: HuaweiCloudClient): Promise<void> {
  const { main } = projectsOf(emulator);
  const reads = Array.from({ length: 10 }, () => client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } }));
  await Promise.all(reads);
  expect(emulator.throttled.kms).toBeGreaterThan(0);
}

/** `count` reads started at once, each settling to its error (or `undefined`) and the ms it took. */
function startReads(emulator: RunningEmulator, client: HuaweiCloudClient, count: number, signal?: AbortSignal) {
  const { main } = projectsOf(emulator);
  return Array.from({ length: count }, () => {
    const started = performance.now();
    return client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id }, signal }).then(
      () => ({ error: undefined, ms: performance.now() - started }),
      (error: unknown) => ({ error: error as HuaweiCloudError, ms: performance.now() - started }),
    );
  });
}

describe('adaptive rate: the transport learns the gateway’s rate from its throttles', () => {
  it('on (the default): 200 reads against a gateway that lets 20 per second through all succeed, with few 429s', async () => {
    const emulator = await start({ throttle: { kms: 20 } });
    const { failed } = await kmsReads(emulator, clientOf(emulator), 200);
    expect(failed).toBe(0);
    // The 8 reads out when the gateway first refuses are throttled; after that, about one probe every few seconds.
    expect(throttledShare(emulator)).toBeLessThanOrEqual(0.1);
  });

  it('off: the same reads bounce off the limit, with several times as many 429s', async () => {
    const on = await start({ throttle: { kms: 20 } });
    await kmsReads(on, clientOf(on), 100);
    const off = await start({ throttle: { kms: 20 } });
    await kmsReads(off, clientOf(off, { adaptiveRate: false }), 100);
    expect(throttledShare(off)).toBeGreaterThanOrEqual(0.1);
    expect(throttledShare(off)).toBeGreaterThan(2 * throttledShare(on));
  });

  it('an abort ends a wait for a turn at once, and nothing of it is sent', async () => {
    const emulator = await start({ throttle: { kms: 5 } });
    const client = clientOf(emulator);
    await throttledOnce(emulator, client);
    const controller = new AbortController();
    const before = emulator.requests.kms;
    // At about 5 per second, the last of these would wait some 4 s.
    const reads = startReads(emulator, client, 20, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sentBeforeAbort = emulator.requests.kms;
    // They wait their turns, unsent (a slow machine may have let a few more go).
    expect(sentBeforeAbort - before).toBeLessThanOrEqual(5);
    const aborted = performance.now();
    controller.abort();
    const outcomes = await Promise.all(reads);
    expect(performance.now() - aborted).toBeLessThan(1_000);
    const ended = outcomes.filter((outcome) => outcome.error);
    expect(ended.length).toBeGreaterThanOrEqual(10);
    for (const { error } of ended) expect(error).toMatchObject({ kind: 'network', message: expect.stringMatching(/aborted by the caller's signal/) });
    // At most the one let go as the abort came.
    expect(emulator.requests.kms - sentBeforeAbort).toBeLessThanOrEqual(1);
  });

  it('a wait past the deadline fails at once as a timeout, unsent', async () => {
    const emulator = await start({ throttle: { kms: 5 } });
    const client = clientOf(emulator, { deadlineMs: 3_000 });
    await throttledOnce(emulator, client);
    const sentBefore = emulator.requests.kms;
    // At about 5 per second, the later ones of these would go after more than 3 s.
    const outcomes = await Promise.all(startReads(emulator, client, 25));
    const late = outcomes.filter((outcome) => outcome.error);
    expect(late.length).toBeGreaterThanOrEqual(5);
    for (const { error, ms } of late) {
      expect(error).toBeInstanceOf(HuaweiCloudError);
      expect(error).toMatchObject({ kind: 'timeout', attempts: 0, message: expect.stringMatching(/no answer within the overall deadline of 3000 ms \(0 attempts\)/) });
      // Failed when its turn was found to be too late, not when the deadline passed.
      expect(ms).toBeLessThan(2_000);
    }
    expect(emulator.requests.kms - sentBefore).toBe(25 - late.length);
  });

  it('close() ends the waits at once, as closed', async () => {
    const emulator = await start({ throttle: { kms: 5 } });
    const client = clientOf(emulator);
    await throttledOnce(emulator, client);
    const reads = startReads(emulator, client, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = performance.now();
    await client.close();
    const outcomes = await Promise.all(reads);
    expect(performance.now() - closing).toBeLessThan(1_000);
    const closed = outcomes.filter((outcome) => outcome.error?.kind === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(10);
    expect(closed[0]!.error!.message).toMatch(/the client was closed with close\(\) while the request waited to be sent/);
  });

  it('refuses an adaptiveRate that is not a boolean', () => {
    expect(() => clientOf({ env: {} } as RunningEmulator, { adaptiveRate: 'off' as never })).toThrow(/adaptiveRate: must be true or false; got off/);
  });
});
