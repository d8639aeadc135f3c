import { SharedWork, type Waiter } from '../shared-work';

/**
 * Reads shared by every quota client in the process: identical reads (same service, endpoint, scope, arguments and
 * credentials) in flight at once share one request, and a settled read is reused for the caller's TTL. Each caller's
 * own signal and deadline end its own wait; the request is cancelled once no caller waits for it.
 * A failed read is forgotten at once; a settled one at the first sweep after the TTL of the read that made it (a
 * later caller with a longer TTL may then read again).
 */
interface Entry {
  work: SharedWork<unknown>;
  ttlMs: number;
  settledAt?: number;
}

/** Sweeps run when the cache has doubled since the last one, so that each costs O(1) per read on average. */
const FIRST_SWEEP_AT = 64;

const entries = new Map<string, Entry>();
let sweepAt = FIRST_SWEEP_AT;

/** The read of `key`: shared, or started with `read` (given a signal that cancels it once no caller waits, when one could). */
export function sharedRead<T>(key: string, ttlMs: number, read: (signal: AbortSignal | undefined) => Promise<T>, waiter?: Waiter): Promise<T> {
  const entry = entries.get(key);
  if (entry && (entry.settledAt === undefined || Date.now() - entry.settledAt < ttlMs)) return entry.work.join(waiter) as Promise<T>;
  if (entries.size >= sweepAt) forgetExpired();
  const forget = () => {
    if (entries.get(key) === fresh) entries.delete(key);
  };
  const fresh: Entry = { work: new SharedWork(read, waiter, forget), ttlMs };
  entries.set(key, fresh);
  fresh.work.promise.then(() => void (fresh.settledAt = Date.now()), forget);
  return fresh.work.started as Promise<T>;
}

/** Drops settled reads older than their TTL; a process reading ever new scopes would otherwise keep them all. */
function forgetExpired(): void {
  const now = Date.now();
  for (const [key, entry] of entries) {
    if (entry.settledAt !== undefined && now - entry.settledAt >= entry.ttlMs) entries.delete(key);
  }
  sweepAt = Math.max(FIRST_SWEEP_AT, entries.size * 2);
}

/** How many reads are held, in flight or settled. */
export function sharedReadCount(): number {
  return entries.size;
}

/** For tests: forget every read. */
export function clearSharedReads(): void {
  entries.clear();
  sweepAt = FIRST_SWEEP_AT;
}
