import { startStolenTimeMeter } from './stolen-time';

/**
 * A call's outcome, kept rather than thrown, so that a test can judge every case alike; with the time it took, and
 * how much of it the machine took from this process (see `startStolenTimeMeter`).
 */
export type Outcome<T> = ({ ok: true; value: T } | { ok: false; error: unknown }) & { elapsedMs: number; stolenMs: number };

export async function settle<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now();
  const stolen = startStolenTimeMeter();
  try {
    const value = await run();
    return { ok: true, value, elapsedMs: performance.now() - started, stolenMs: stolen() };
  } catch (error) {
    return { ok: false, error, elapsedMs: performance.now() - started, stolenMs: stolen() };
  }
}
