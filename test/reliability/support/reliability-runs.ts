/** Cases per property in `npm test`; `RELIABILITY_RUNS=10000 npm run test:reliability` is the long run. */
export const DEFAULT_RUNS = 200;

/** How many cases each property tries: `RELIABILITY_RUNS`, else 200. A bad value is an error, not a silent default. */
export function reliabilityRuns(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.RELIABILITY_RUNS;
  if (text === undefined || text === '') return DEFAULT_RUNS;
  if (!/^[1-9]\d{0,6}$/.test(text)) throw new Error(`RELIABILITY_RUNS must be a whole number from 1 to 9999999; got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The long run also waits out the cases whose only bound is the client's 90 s default deadline. */
export function isLongRun(): boolean {
  return reliabilityRuns() > DEFAULT_RUNS;
}

/** fast-check settings for a property: the configured number of runs, stopping at the first failure. */
export function propertyRuns(): { numRuns: number; endOnFailure: true } {
  return { numRuns: reliabilityRuns(), endOnFailure: true };
}

/** A vitest timeout for a property whose cases each take up to `perCaseMs`: the long run gets the time it needs. */
export function propertyTimeoutMs(perCaseMs: number): number {
  return Math.max(60_000, reliabilityRuns() * perCaseMs);
}
