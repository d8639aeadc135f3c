import { onAbort } from './abort-listeners';
import { RateEstimate } from './adaptive-rate-estimate';

interface Waiter {
  /** When the request gives up if it has not gone (ms, monotonic): its deadline. */
  readonly deadlineAt: number;
  go(): void;
  end(reason: RateWaitEnded['reason']): void;
}

/**
 * Paces the requests a client sends to one endpoint at the rate learnt from the endpoint's throttles
 * ({@link RateEstimate}): one request per 1/rate seconds, in the order they came. Each is let go when its turn comes
 * at the rate of that moment, so a cut of the rate slows the requests already waiting too. A timer runs only while
 * requests wait.
 */
export class AdaptiveRateLimiter {
  private readonly estimate = new RateEstimate();
  /** When the last request was let go (ms, monotonic). */
  private lastSentAt = -Infinity;
  /** No request goes before this: the gateway's `Retry-After` said none would pass. */
  private holdUntil = -Infinity;
  /** In order of arrival (a Set keeps it, and drops an abandoned wait at no cost). */
  private readonly waiting = new Set<Waiter>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /**
   * Resolves when the request may be sent: at once while the endpoint has never throttled, else at its turn. Rejects
   * with {@link RateWaitEnded} at once when its turn is more than `maxWaitMs` away (`deadline`, also when a later
   * throttle pushes it there), when `signal` aborts (`aborted`), or when the limiter is closed (`closed`).
   */
  slot(signal: AbortSignal | undefined, maxWaitMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new RateWaitEnded('closed'));
    if (signal?.aborted) return Promise.reject(new RateWaitEnded('aborted'));
    const now = performance.now();
    if (this.waiting.size === 0 && this.nextSlot(now) <= now) {
      this.lastSentAt = now;
      return Promise.resolve();
    }
    if (this.turnOf(this.waiting.size, now) - now > maxWaitMs) return Promise.reject(new RateWaitEnded('deadline'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        deadlineAt: now + maxWaitMs,
        go: () => (stopListening(), resolve()),
        end: (reason) => {
          stopListening();
          this.waiting.delete(waiter);
          if (this.waiting.size === 0) this.stopTimer();
          reject(new RateWaitEnded(reason));
        },
      };
      const stopListening = signal ? onAbort(signal, () => waiter.end('aborted')) : () => {};
      this.waiting.add(waiter);
      if (!this.timer) this.release();
    });
  }

  /** An answer other than a throttle: the gateway let the request through. */
  answered(): void {
    this.estimate.answered(performance.now());
  }

  /**
   * A throttle (429) of a request sent at `sentAt` (ms, monotonic), with its `Retry-After` in ms if it had one. The
   * gateway rounds that up to whole seconds, so no request of the endpoint would pass for a second less than it says:
   * none is let go before then.
   */
  throttled(sentAt: number, retryAfterMs: number | undefined): void {
    const now = performance.now();
    const cut = this.estimate.throttled(now, sentAt);
    const hold = retryAfterMs !== undefined && retryAfterMs > 1000;
    if (hold) this.holdUntil = Math.max(this.holdUntil, now + retryAfterMs - 1000);
    if (this.waiting.size === 0 || !(cut || hold)) return;
    // The turns of the requests waiting moved later.
    this.endWaitsPastDeadline(now);
    this.stopTimer();
    if (this.waiting.size > 0) this.release();
  }

  /** Nothing waiting: dropping the limiter loses only what it learns again from the next throttle. */
  get idle(): boolean {
    return this.waiting.size === 0;
  }

  /** Ends every wait at once (`closed`), and every later one. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiting]) waiter.end('closed');
  }

  /** Lets the first waiting request go if its turn has come, then sets the timer for the next turn. */
  private release(): void {
    this.timer = undefined;
    const now = performance.now();
    const next = this.nextSlot(now);
    const first = this.waiting.values().next().value;
    if (!first) return;
    if (next <= now) {
      this.waiting.delete(first);
      this.lastSentAt = now;
      first.go();
      if (this.waiting.size === 0) return;
    }
    this.timer = setTimeout(() => this.release(), Math.max(1, this.nextSlot(now) - now));
  }

  /** When the next request may go: one interval at the current rate after the last one, and not during a hold. */
  private nextSlot(now: number): number {
    const rate = this.estimate.perSecond(now);
    return Math.max(this.holdUntil, rate === Infinity ? -Infinity : this.lastSentAt + 1000 / rate);
  }

  /** When the request at this place in the queue (0: the first) would go, at the current rate. */
  private turnOf(place: number, now: number): number {
    const rate = this.estimate.perSecond(now);
    return Math.max(now, this.nextSlot(now)) + (rate === Infinity ? 0 : (place * 1000) / rate);
  }

  /** The requests whose turn is now past their deadline end at once, as timeouts. */
  private endWaitsPastDeadline(now: number): void {
    let place = 0;
    for (const waiter of [...this.waiting]) {
      if (this.turnOf(place, now) > waiter.deadlineAt) waiter.end('deadline');
      else place++;
    }
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The caller's signal aborted, the deadline would pass, or the client was closed, while a request waited for its turn. */
export class RateWaitEnded extends Error {
  constructor(readonly reason: 'aborted' | 'deadline' | 'closed') {
    super(`ended while waiting for a turn to send: ${reason}`);
  }
}
