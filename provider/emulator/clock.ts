/** The emulator's own clock: the local clock moved by an offset, read by its `Date` headers and its `X-Sdk-Date` check. */
export interface EmulatorClock {
  /** Milliseconds since the epoch, offset included. */
  now(): number;
  /** `now()` as an HTTP date, for the `Date` header. */
  httpDate(): string;
}

/** A clock `offsetMs` ahead of the local one (behind when negative), to show clients a skewed server. */
export function createClock(offsetMs: number): EmulatorClock {
  const now = () => Date.now() + offsetMs;
  return { now, httpDate: () => new Date(now()).toUTCString() };
}
