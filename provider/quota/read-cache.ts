/**
 * Reads shared by every quota client in the process: identical reads (same service, endpoint, scope, arguments and
 * credentials) in flight at once share one request, and a settled read is reused for the caller's TTL.
 * A failed read is forgotten at once.
 */
interface Entry {
  promise: Promise<unknown>;
  settledAt?: number;
}

const entries = new Map<string, Entry>();

export function sharedRead<T>(key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
  const entry = entries.get(key);
  if (entry && (entry.settledAt === undefined || Date.now() - entry.settledAt < ttlMs)) return entry.promise as Promise<T>;
  const fresh: Entry = { promise: read() };
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

/** For tests: forget every read. */
export function clearSharedReads(): void {
  entries.clear();
}
