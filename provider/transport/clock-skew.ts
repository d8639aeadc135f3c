/** The API gateway allows 15 minutes; correcting from 5 minutes on leaves a margin for slow requests. */
const SKEW_WORTH_CORRECTING_MS = 5 * 60_000;

/**
 * The offset to add to the local clock, read from a 401's `Date` header, when the server's clock is far enough off
 * to explain the failed signature; `undefined` otherwise (then the 401 is a real credentials problem).
 */
export function clockCorrectionMs(dateHeader: string | undefined, localNow: number): number | undefined {
  if (!dateHeader) return undefined;
  const serverTime = Date.parse(dateHeader);
  if (Number.isNaN(serverTime)) return undefined;
  const offset = serverTime - localNow;
  return Math.abs(offset) > SKEW_WORTH_CORRECTING_MS ? offset : undefined;
}
