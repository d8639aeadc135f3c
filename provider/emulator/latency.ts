import { z } from 'zod';

/** A delay before every answer, drawn uniformly from [minMs, maxMs]. */
export const LatencySchema = z
  .object({ minMs: z.number().int().nonnegative(), maxMs: z.number().int().nonnegative() })
  .strict()
  .refine((latency) => latency.minMs <= latency.maxMs, 'minMs must not be more than maxMs');

export type LatencyRange = z.infer<typeof LatencySchema>;

/** This request's delay, in milliseconds. */
export function drawLatencyMs(latency: LatencyRange): number {
  return latency.minMs + Math.round(Math.random() * (latency.maxMs - latency.minMs));
}
