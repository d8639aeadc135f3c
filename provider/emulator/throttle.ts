import { SERVICE_NAMES, type ServiceName } from '../endpoints/service-names';

/**
 * Requests per second the gateway lets through per endpoint service (`{ kms: 50, ecs: 50 }`), across all regions;
 * a service not named is not throttled. Each service has a token bucket that holds a second's worth (at least one
 * request) and refills at that rate.
 */
export type ThrottleLimits = Partial<Record<ServiceName, number>>;

/** Answers throttled (429 `APIGW.0308`) per endpoint service. */
export type ThrottledCounts = Record<ServiceName, number>;

/** No answer throttled yet, for every service. */
export function emptyThrottledCounts(): ThrottledCounts {
  return Object.fromEntries(SERVICE_NAMES.map((name) => [name, 0])) as ThrottledCounts;
}

interface Bucket {
  /** Requests per second, and the bucket's size. */
  readonly rate: number;
  readonly capacity: number;
  tokens: number;
  /** When `tokens` was last brought up to date (ms, monotonic). */
  updatedAt: number;
}

/** The gateway's request throttling: one token bucket per endpoint service, shared by every region. */
export class GatewayThrottle {
  private buckets = new Map<ServiceName, Bucket>();

  constructor(limits: ThrottleLimits = {}) {
    this.replace(limits);
  }

  /** Checks and installs new limits (throws naming the bad one); every bucket starts full. */
  replace(limits: ThrottleLimits): void {
    const buckets = new Map<ServiceName, Bucket>();
    const now = performance.now();
    for (const [service, rate] of Object.entries(limits ?? {})) {
      if (!(SERVICE_NAMES as readonly string[]).includes(service)) {
        throw new TypeError(`throttle: unknown service ${JSON.stringify(service)}; use one of ${SERVICE_NAMES.join(', ')}`);
      }
      if (rate === undefined) continue;
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
        throw new RangeError(`throttle.${service}: must be a number of requests per second above 0; got ${String(rate)}`);
      }
      const capacity = Math.max(rate, 1);
      buckets.set(service as ServiceName, { rate, capacity, tokens: capacity, updatedAt: now });
    }
    this.buckets = buckets;
  }

  /**
   * Takes a token for a request to `service`. Returns `undefined` when it may pass, else what the 429 says: the
   * service's limit, and the whole seconds until a token is back (at least 1).
   */
  take(service: ServiceName): { limit: number; retryAfterSeconds: number } | undefined {
    const bucket = this.buckets.get(service);
    if (!bucket) return undefined;
    const now = performance.now();
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * bucket.rate);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return { limit: bucket.rate, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.rate)) };
  }
}
