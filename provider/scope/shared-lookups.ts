/**
 * ID lookups shared by every client in the process, keyed by endpoint, credential identity and name: a Pulumi
 * program that reads several data sources looks its project up once. A failed lookup is forgotten, so it can be retried.
 */
const lookups = new Map<string, Promise<string>>();

export function sharedLookup(key: string, lookup: () => Promise<string>): Promise<string> {
  let pending = lookups.get(key);
  if (!pending) {
    pending = lookup();
    lookups.set(key, pending);
    pending.catch(() => lookups.delete(key));
  }
  return pending;
}

/** For tests: start from an empty cache. */
export function clearSharedLookups(): void {
  lookups.clear();
}
