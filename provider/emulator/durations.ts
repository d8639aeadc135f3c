import { MAX_TIMER_MS } from '../max-timer';
import type { LatencyRange } from './latency';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(-?)(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/**
 * `20ms`, `1.5s`, `20m`, `1h` (and with `allowNegative`, `-20m`) as milliseconds, up to what a Node timer can wait
 * (596 hours); `undefined` when not such a text, or longer.
 */
export function parseDuration(text: string, options: { allowNegative?: boolean } = {}): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const [, sign, amount, unit] = match;
  if (sign && !options.allowNegative) return undefined;
  const ms = Math.round(Number(amount) * UNIT_MS[unit!]!);
  if (ms > MAX_TIMER_MS) return undefined;
  return sign ? -ms : ms;
}

/** `20ms` (a fixed delay) or `10ms-50ms` (a range) as a latency range; `undefined` when not such a text. */
export function parseLatency(text: string): LatencyRange | undefined {
  const [first, second, ...rest] = text.split('-');
  if (first === undefined || rest.length > 0) return undefined;
  const minMs = parseDuration(first);
  const maxMs = second === undefined ? minMs : parseDuration(second);
  if (minMs === undefined || maxMs === undefined || minMs > maxMs) return undefined;
  return { minMs, maxMs };
}
