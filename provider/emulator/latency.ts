import { z } from 'zod';
import { MAX_TIMER_MS } from '../max-timer';

/** A delay before every answer, drawn uniformly from [minMs, maxMs]. */
export const LatencySchema = z
  .object({
    /** The shortest delay, in milliseconds. */
    minMs: z.number().int().nonnegative().max(MAX_TIMER_MS),
    /** The longest delay, in milliseconds. */
    maxMs: z.number().int().nonnegative().max(MAX_TIMER_MS),
  })
  .strict()
  .refine((latency) => latency.minMs <= latency.maxMs, 'minMs must not be more than maxMs');

/**
 * A delay before every answer, drawn uniformly from `minMs` to `maxMs` (whole milliseconds, `minMs` ≤ `maxMs`).
 *
 * @property minMs The shortest delay, in milliseconds.
 * @property maxMs The longest delay, in milliseconds.
 * @interface
 */
export type LatencyRange = z.infer<typeof LatencySchema>;

/** This request's delay, in milliseconds. */
export function drawLatencyMs(latency: LatencyRange): number {
  return latency.minMs + Math.round(Math.random() * (latency.maxMs - latency.minMs));
}
