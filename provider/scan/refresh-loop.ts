/** How far each wait may stray from the interval, either way: refreshes of several exporters drift apart. */
const JITTER = 0.1;

/** `intervalMs` ± 10 %, at random. */
export function jittered(intervalMs: number, random: () => number = Math.random): number {
  return Math.round(intervalMs * (1 - JITTER + 2 * JITTER * random()));
}

/**
 * Runs `refresh` now, then again `intervalMs` (± 10 %) after each one ends, never two at once, until `stop()`; the
 * signal given to `refresh` is aborted by `stop()`. `refresh` must not throw.
 */
export function startRefreshLoop(refresh: (signal: AbortSignal) => Promise<void>, intervalMs: number): { first: Promise<void>; stop(): void } {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    await refresh(controller.signal);
    if (!controller.signal.aborted) timer = setTimeout(() => void run(), jittered(intervalMs));
  };
  return {
    first: run(),
    stop: () => {
      controller.abort();
      clearTimeout(timer);
    },
  };
}
