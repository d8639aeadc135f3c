/** Width of one slot of the window. */
const SLOT_MS = 50;
/** Slots in the window: one second, the period the gateway states its limits in (`limit:50,time:1 second`). */
const SLOTS = 20;

/**
 * How many answers an endpoint gave in the last second: while the gateway throttles, that is the rate it lets
 * through. Counted in fixed slots, so that memory and time per answer stay constant however fast answers come.
 */
export class AnsweredWindow {
  private readonly counts = new Array<number>(SLOTS).fill(0);
  private total = 0;
  /** The slot number (time ÷ slot width) of the newest slot counted. */
  private newest = 0;

  /** Counts one answer received at `now` (ms, monotonic). */
  add(now: number): void {
    this.advance(now);
    this.counts[this.newest % SLOTS]! += 1;
    this.total += 1;
  }

  /** Answers in the second up to `now`. */
  lastSecond(now: number): number {
    this.advance(now);
    return this.total;
  }

  /** Empties the slots that fell out of the window since the last call. */
  private advance(now: number): void {
    const slot = Math.floor(now / SLOT_MS);
    if (slot <= this.newest) return;
    const stale = Math.min(slot - this.newest, SLOTS);
    for (let step = 1; step <= stale; step++) {
      const index = (this.newest + step) % SLOTS;
      this.total -= this.counts[index]!;
      this.counts[index] = 0;
    }
    this.newest = slot;
  }
}
