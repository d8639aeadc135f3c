import { SharedWork, type Waiter } from '../shared-work';

/**
 * ID lookups shared by every client in the process, keyed by endpoint, credential identity and name: a Pulumi
 * program that reads several data sources looks its project up once. Each caller's signal and deadline end its own
 * wait; a failed lookup is forgotten, so it can be retried.
 */
export const sharedLookups = new Map<string, SharedWork<string>>();

/** The lookup of `key`: the one in flight, or started with `lookup`. */
export function sharedLookup(key: string, lookup: (signal: AbortSignal | undefined) => Promise<string>, waiter?: Waiter): Promise<string> {
  const pending = sharedLookups.get(key);
  if (pending) return pending.join(waiter);
  const forget = () => {
    if (sharedLookups.get(key) === fresh) sharedLookups.delete(key);
  };
  const fresh = new SharedWork(lookup, waiter, forget);
  fresh.promise.catch(forget);
  sharedLookups.set(key, fresh);
  return fresh.started;
}
