import { onAbort } from './abort-listeners';

/**
 * Cancels one attempt in flight: its timer or the caller's signal calls `cancel`, and the part of the exchange under
 * way (the request, then the response body) listens with `onCancel`.
 * Why not an AbortController: an AbortSignal handed to Node's `http.request` adds and removes EventTarget listeners
 * that cost about a sixth of the CPU of a whole request, and an attempt needs one listener at a time.
 */
export class Cancellation {
  private cancelledWith?: Error;
  private listener?: (reason: Error) => void;

  /** Why the attempt was cancelled, once it was. */
  get reason(): Error | undefined {
    return this.cancelledWith;
  }

  /** Cancels once; later calls are ignored. */
  cancel(reason: Error): void {
    if (this.cancelledWith) return;
    this.cancelledWith = reason;
    const listener = this.listener;
    this.listener = undefined;
    listener?.(reason);
  }

  /** Calls `listener` on cancellation, at once if it already happened. Replaces the listener before: one phase at a time. */
  onCancel(listener: (reason: Error) => void): void {
    if (this.cancelledWith) listener(this.cancelledWith);
    else this.listener = listener;
  }
}

const nothingToStop = () => {};

/** Cancels when the caller's `signal` aborts (at once if it has); returns how to stop listening. No signal, no cost. */
export function cancelOnAbort(signal: AbortSignal | undefined, cancellation: Cancellation): () => void {
  if (!signal) return nothingToStop;
  return onAbort(signal, () => cancellation.cancel(Object.assign(new Error('aborted by the caller'), { name: 'AbortError' })));
}
