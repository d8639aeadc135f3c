import { AdaptiveRateLimiter } from './adaptive-rate-limiter';

/** Endpoints remembered per client: a sweep of every service in every region stays far below it. */
const MAX_LIMITERS = 512;

/**
 * A client's rate limiters, one per endpoint: an origin and the service reached there (`https://kms.cn-north-4...`
 * and `kms`; the emulator serves every service at one origin). Shared by all reads of the client; not across
 * clients, whose credentials may differ, and the gateway throttles each user on its own. When full, the idle
 * endpoint unused for longest is dropped: it only learns its rate again from the next throttle.
 */
export class AdaptiveRateLimiters {
  private readonly limiters = new Map<string, AdaptiveRateLimiter>();
  private closed = false;

  /** The limiter of an endpoint, made on first use. */
  of(origin: string, service: string | undefined): AdaptiveRateLimiter {
    const key = `${origin} ${service ?? ''}`;
    let limiter = this.limiters.get(key);
    if (limiter) {
      // Moved to the end: the map's order is the order of last use.
      this.limiters.delete(key);
    } else {
      limiter = new AdaptiveRateLimiter();
      if (this.closed) limiter.close();
      if (this.limiters.size >= MAX_LIMITERS) this.dropLeastRecentlyUsed();
    }
    this.limiters.set(key, limiter);
    return limiter;
  }

  /** Ends every wait, now and later: the client is closed. */
  close(): void {
    this.closed = true;
    for (const limiter of this.limiters.values()) limiter.close();
  }

  /**
   * Drops the idle limiter used longest ago. When every one has requests waiting, none is dropped (so that `close`
   * still reaches their waits): the map grows past its bound only by endpoints with requests waiting.
   */
  private dropLeastRecentlyUsed(): void {
    for (const [key, limiter] of this.limiters) {
      if (limiter.idle) {
        this.limiters.delete(key);
        return;
      }
    }
  }
}
