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

/** Reads by key: shared while in flight, reused while fresh (see above). */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private sweepAt = FIRST_SWEEP_AT;

  /** The read of `key`: shared, or started with `read` (given a signal that cancels it once no caller waits, when one could). */
  read<T>(key: string, ttlMs: number, read: (signal: AbortSignal | undefined) => Promise<T>, waiter?: Waiter): Promise<T> {
    const { entries } = this;
    const entry = entries.get(key);
    if (entry && (entry.settledAt === undefined || Date.now() - entry.settledAt < ttlMs)) return entry.work.join(waiter) as Promise<T>;
    if (entries.size >= this.sweepAt) this.forgetExpired();
    const forget = () => {
      if (entries.get(key) === fresh) entries.delete(key);
    };
    const fresh: Entry = { work: new SharedWork(read, waiter, forget), ttlMs };
    entries.set(key, fresh);
    fresh.work.promise.then(() => void (fresh.settledAt = Date.now()), forget);
    return fresh.work.started as Promise<T>;
  }

  /** How many reads are held, in flight or settled. */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets every read (those in flight go on for the callers that wait for them). */
  clear(): void {
    this.entries.clear();
    this.sweepAt = FIRST_SWEEP_AT;
  }

  /** Drops settled reads older than their TTL; a process reading ever new scopes would otherwise keep them all. */
  private forgetExpired(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.settledAt !== undefined && now - entry.settledAt >= entry.ttlMs) this.entries.delete(key);
    }
    this.sweepAt = Math.max(FIRST_SWEEP_AT, this.entries.size * 2);
  }
}

/** The process's reads, shared by every quota client in it. */
export const sharedReads = new ReadCache();
