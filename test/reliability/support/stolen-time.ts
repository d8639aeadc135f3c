/** How often the meter looks at the clock: its own cost stays negligible, its resolution fine enough for bounds. */
const TICK_MS = 10;

let stolenMs = 0;
let lastTick = 0;
let meters = 0;
let timer: NodeJS.Timeout | undefined;

/**
 * Starts measuring the time this process's event loop could not run when it should have (a timer due at T ran at
 * T + lag): on a loaded machine the process is not scheduled, and every wait it makes ends late by that much. A
 * time bound on what the code under test waits for adds this, so that it judges the code's own waits, not the
 * machine. Returns a stop function giving the milliseconds stolen since the start. One shared timer for all meters.
 */
export function startStolenTimeMeter(): () => number {
  if (meters++ === 0) {
    lastTick = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      stolenMs += Math.max(0, now - lastTick - TICK_MS);
      lastTick = now;
    }, TICK_MS);
  }
  const startedAt = stolenMs;
  let stopped = false;
  return () => {
    if (!stopped && --meters === 0) clearInterval(timer);
    stopped = true;
    return stolenMs - startedAt;
  };
}
