/**
 * Reads shared by every quota client in the process: identical reads (same service, endpoint, scope, arguments and
 * credentials) in flight at once share one request, and a settled read is reused for the caller's TTL.
 * A failed read is forgotten at once; a settled one at the first sweep after the TTL of the read that made it (a
 * later caller with a longer TTL may then read again).
 */
interface Entry {
  promise: Promise<unknown>;
  ttlMs: number;
  settledAt?: number;
}

/** Sweeps run when the cache has doubled since the last one, so that each costs O(1) per read on average. */
const FIRST_SWEEP_AT = 64;

const entries = new Map<string, Entry>();
let sweepAt = FIRST_SWEEP_AT;

export function sharedRead<T>(key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
  const entry = entries.get(key);
  if (entry && (entry.settledAt === undefined || Date.now() - entry.settledAt < ttlMs)) return entry.promise as Promise<T>;
  if (entries.size >= sweepAt) forgetExpired();
  const fresh: Entry = { promise: read(), ttlMs };
  entries.set(key, fresh);
  fresh.promise.then(
    () => {
      fresh.settledAt = Date.now();
    },
    () => {
      if (entries.get(key) === fresh) entries.delete(key);
    },
  );
  return fresh.promise as Promise<T>;
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
