import { abortKind, HuaweiCloudError } from './errors';
import { onAbort } from './transport/abort-listeners';

/** How one caller waits for shared work: its own signal, its own deadline, and the error it gets when either ends it. */
export interface Waiter {
  /** Ends this caller's wait (only its own); the work is cancelled once no caller waits. */
  readonly signal?: AbortSignal;
  /** Ends this caller's wait after so many ms. */
  readonly deadlineMs?: number;
  /** The error this caller gets when its signal or deadline ended its wait. */
  ended(reason: 'aborted' | 'deadline'): Error;
}

/** A caller of shared work: its signal and its client's deadline end its own wait, with an error saying which. */
export function callerWaiter(what: string, signal: AbortSignal | undefined, deadlineMs: number): Waiter {
  return {
    signal,
    deadlineMs,
    ended: (reason) =>
      reason === 'aborted'
        ? new HuaweiCloudError({ kind: abortKind(signal), message: `${what}: aborted by the caller's signal`, cause: signal?.reason })
        : new HuaweiCloudError({ kind: 'timeout', message: `${what}: no answer within the overall deadline of ${deadlineMs} ms` }),
  };
}

/**
 * Work that several callers wait for (a read, an ID look-up): it runs once, with a signal of its own that is aborted as
 * soon as no caller still waits, and never because one caller stopped waiting.
 */
export class SharedWork<T> {
  readonly promise: Promise<T>;
  /**
   * The result as the caller that started the work waits for it: its signal may end its wait, not a deadline (its own
   * requests have theirs).
   */
  readonly started: Promise<T>;
  /** Only when the caller that starts it could leave: a signal on every request costs each an abort listener. */
  private readonly controller: AbortController | undefined;
  private waiting = 0;
  /** A caller with neither signal nor deadline waits to the end: the work is then never cancelled. */
  private waitedForToTheEnd: boolean;
  private settled = false;

  /** Starts `work` for its first caller, `starter`; `abandoned` is called when it is cancelled for want of callers (to forget it). */
  constructor(
    work: (signal: AbortSignal | undefined) => Promise<T>,
    starter: Waiter | undefined,
    private readonly abandoned: () => void,
  ) {
    this.waitedForToTheEnd = !starter?.signal;
    this.controller = this.waitedForToTheEnd ? undefined : new AbortController();
    this.promise = work(this.controller?.signal);
    const settle = () => void (this.settled = true);
    this.promise.then(settle, settle);
    this.started = this.join(starter && { ...starter, deadlineMs: undefined });
  }

  /** The work's result for one more caller, whose wait its own signal and deadline may end first (none: to the end). */
  join(waiter: Waiter | undefined): Promise<T> {
    if (this.settled) return this.promise;
    if (!waiter || (!waiter.signal && waiter.deadlineMs === undefined)) {
      this.waitedForToTheEnd = true;
      return this.promise;
    }
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let stopListening = () => {};
      let left = false;
      const leave = (): boolean => {
        if (left) return false;
        left = true;
        clearTimeout(timer);
        stopListening();
        this.waiting--;
        return true;
      };
      const end = (reason: 'aborted' | 'deadline') => {
        if (!leave()) return;
        if (this.waiting === 0 && !this.waitedForToTheEnd && !this.settled) {
          this.abandoned();
          this.controller?.abort(waiter.signal?.reason);
          // The last caller's own signal cancels the work: it gets the work's own account of that (what was sent).
          if (reason === 'aborted') return void this.promise.then(resolve, reject);
        }
        reject(waiter.ended(reason));
      };
      this.promise.then(
        (value) => leave() && resolve(value),
        (error: unknown) => leave() && reject(error),
      );
      if (waiter.deadlineMs !== undefined) timer = setTimeout(() => end('deadline'), waiter.deadlineMs);
      if (waiter.signal) stopListening = onAbort(waiter.signal, () => end('aborted'));
    });
  }
}
