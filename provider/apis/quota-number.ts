import { z } from 'zod';

/**
 * A quota, usage or bound as the services send it: -1 (unlimited) or a finite number up to 2^53, so that
 * `quota - used` stays a finite, exact number. JSON such as `1e400` would otherwise read as `Infinity`.
 */
export const QuotaNumber = z.number().finite().min(-1).max(Number.MAX_SAFE_INTEGER);

/** The same check as `QuotaNumber`, without zod, for the MetaStudio fast path. */
export function isQuotaNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -1 && value <= Number.MAX_SAFE_INTEGER;
}
