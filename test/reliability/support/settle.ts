/** A call's outcome, kept rather than thrown, so that a test can judge every case alike. */
export type Outcome<T> = { ok: true; value: T; elapsedMs: number } | { ok: false; error: unknown; elapsedMs: number };

export async function settle<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now();
  try {
    const value = await run();
    return { ok: true, value, elapsedMs: performance.now() - started };
  } catch (error) {
    return { ok: false, error, elapsedMs: performance.now() - started };
  }
}
