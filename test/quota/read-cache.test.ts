import { beforeEach, expect, it } from 'vitest';
import { ReadCache } from '../../provider/quota/read-cache';

let cache: ReadCache;
beforeEach(() => {
  cache = new ReadCache();
});
const sharedRead: ReadCache['read'] = (...args) => cache.read(...args);
const sharedReadCount = () => cache.size;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads `count` keys that are new to the cache, each settling at once; resolves once all have settled. */
async function readNewKeys(prefix: string, count: number, ttlMs: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, index) => sharedRead(`${prefix}-${index}`, ttlMs, async () => index)));
}

it('shares a read in flight and reuses a settled one within the TTL, then reads again', async () => {
  let reads = 0;
  const read = async () => ++reads;
  const [first, second] = await Promise.all([sharedRead('kms', 500, read), sharedRead('kms', 500, read)]);
  expect([first, second, reads]).toEqual([1, 1, 1]);
  expect(await sharedRead('kms', 500, read)).toBe(1);
  await sleep(550);
  expect(await sharedRead('kms', 500, read)).toBe(2);
});

it('forgets a failed read at once', async () => {
  await expect(sharedRead('kms', 60_000, async () => Promise.reject(new Error('503')))).rejects.toThrow('503');
  expect(sharedReadCount()).toBe(0);
  expect(await sharedRead('kms', 60_000, async () => 'read again')).toBe('read again');
});

it('drops settled reads past their TTL as new ones arrive, so a process reading ever new scopes stays bounded', async () => {
  await readNewKeys('old', 1_000, 20);
  expect(sharedReadCount()).toBe(1_000);
  await sleep(30);
  await readNewKeys('new', 1_000, 60_000);
  expect(sharedReadCount()).toBe(1_000);

  // With the cache turned off (TTL 0), 10,000 more reads: the cache holds at most twice what is live at a sweep (the
  // 1,000 fresh reads and one round in flight), however many rounds go by.
  let most = 0;
  for (let round = 0; round < 20; round++) {
    await readNewKeys(`round-${round}`, 500, 0);
    most = Math.max(most, sharedReadCount());
  }
  expect(most).toBeLessThanOrEqual(2 * (1_000 + 500));
});

it('keeps reads in flight and reads within their TTL through a sweep', async () => {
  let reads = 0;
  const kept = await sharedRead('kept', 60_000, async () => ++reads);
  let finish!: (value: string) => void;
  const inFlight = sharedRead('in flight', 0, () => new Promise<string>((resolve) => (finish = resolve)));
  await readNewKeys('expiring', 200, 1);
  await sleep(10);
  await readNewKeys('sweeping', 200, 1);

  expect(await sharedRead('kept', 60_000, async () => ++reads)).toBe(kept);
  expect(reads).toBe(1);
  expect(sharedRead('in flight', 0, async () => 'a second request')).toBe(inFlight);
  finish('one request');
  expect(await inFlight).toBe('one request');
});
