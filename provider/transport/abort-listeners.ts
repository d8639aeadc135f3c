/**
 * One abort listener per signal, however many reads wait on it: an AbortSignal with more than ten listeners makes Node
 * print a `MaxListenersExceededWarning`, and a caller may well pass one signal to a hundred reads.
 */
const callbacks = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts (at once if it has); returns how to stop listening. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return () => {};
  }
  let waiting = callbacks.get(signal);
  if (!waiting) {
    const registered = new Set<() => void>();
    callbacks.set(signal, (waiting = registered));
    signal.addEventListener(
      'abort',
      () => {
        callbacks.delete(signal);
        for (const each of registered) each();
      },
      { once: true },
    );
  }
  waiting.add(callback);
  const registered = waiting;
  return () => registered.delete(callback);
}
