import { SharedWork, type Waiter } from '../shared-work';

/**
 * ID lookups shared by every client in the process, keyed by endpoint, credential identity and name: a Pulumi
 * program that reads several data sources looks its project up once. Each caller's signal and deadline end its own
 * wait; a failed lookup is forgotten, so it can be retried.
 */
const lookups = new Map<string, SharedWork<string>>();

export function sharedLookup(key: string, lookup: (signal: AbortSignal | undefined) => Promise<string>, waiter?: Waiter): Promise<string> {
  const pending = lookups.get(key);
  if (pending) return pending.join(waiter);
  const forget = () => {
    if (lookups.get(key) === fresh) lookups.delete(key);
  };
  const fresh = new SharedWork(lookup, waiter, forget);
  fresh.promise.catch(forget);
  lookups.set(key, fresh);
  return fresh.started;
}

/** For tests: start from an empty cache. */
export function clearSharedLookups(): void {
  lookups.clear();
}
