import { AnsweredWindow } from './adaptive-rate-window';

/** After a throttle, the pace drops to this share of the gateway's rate... */
const BACKOFF = 0.9;
/** ...and climbs back to it over this long: the gateway meanwhile saves the difference, a margin against jitter. */
const RECOVERY_MS = 2_000;
/** Then it probes above it, by this share of it per second squared... */
const PROBE_PER_S2 = 0.02;
/** ...plus this many requests per second per second cubed: from far below, back within seconds. */
const PROBE_ABSOLUTE_PER_S3 = 0.4;
/**
 * A throttle teaches nothing about the rate when fewer answers than this came in the last second: the client was not
 * what emptied the gateway's bucket. Its retry still waits for `Retry-After`; the pace is left alone.
 */
const MIN_ANSWERED_TO_LEARN = 4;

/**
 * The rate an endpoint lets this client through, learnt from its answers; nothing is paced until the first throttle.
 * At a throttle the gateway's bucket is empty, so what it let through since the previous throttle (empty to empty),
 * over that time, is its rate; at the first one, the answers of the last second (the gateway states its limits per
 * second, `limit:50,time:1 second`, and its bucket holds a second's worth). The pace then drops to 90 % of that,
 * climbs back to it over 2 s, and probes above it: the 10 % saved meanwhile is spent while probing, so a sweep
 * averages the allowed rate, with about one throttle every few seconds.
 *
 * Why not the AWS SDK's adaptive mode as it is: after a throttle, CUBIC restarts from 70 % of a smoothed send rate and
 * needs over 3 s to climb back, time a sweep spends well below the allowed rate. Measuring the rate between throttles
 * makes a small cut enough. Its absolute cubic growth is kept for the probe: a pace cut far below the real rate
 * (another client emptied the bucket) is back within seconds, and clients that share a limit even out.
 */
export class RateEstimate {
  private readonly answers = new AnsweredWindow();
  /** The rate (per second) the gateway let through at the last throttle; `undefined` before the first one. */
  private ceiling: number | undefined;
  /** When the pace was last cut (ms, monotonic). */
  private cutAt = -Infinity;
  /** Answers since then. */
  private answeredSinceCut = 0;

  /** An answer other than a throttle: the gateway let the request through. */
  answered(now: number): void {
    this.answers.add(now);
    this.answeredSinceCut += 1;
  }

  /**
   * A throttle of a request sent at `sentAt`. One sent before the last cut says nothing new: its throttle was already
   * counted (a sweep has several requests out when the gateway starts refusing). Returns whether the pace was cut.
   */
  throttled(now: number, sentAt: number): boolean {
    if (sentAt < this.cutAt) return false;
    const lastSecond = this.answers.lastSecond(now);
    if (lastSecond < MIN_ANSWERED_TO_LEARN) return false;
    // Between two throttles the gateway's bucket went from empty to empty: what it let through meanwhile, over that
    // time, is its rate. The last second alone overstates it by what the bucket had saved, hence discounted; it is
    // the measure at the first throttle, and after a quiet spell (when the time since the last cut was not busy).
    const sinceCut = now - this.cutAt;
    const betweenThrottles = sinceCut >= 1000 && sinceCut < Infinity ? (this.answeredSinceCut * 1000) / sinceCut : 0;
    const measured = this.ceiling === undefined ? lastSecond : Math.max(betweenThrottles, BACKOFF * lastSecond);
    this.ceiling = Math.min(measured, this.perSecond(now));
    this.cutAt = now;
    this.answeredSinceCut = 0;
    return true;
  }

  /** Requests per second to send at, at `now`; `Infinity` while the endpoint has never throttled this client. */
  perSecond(now: number): number {
    const ceiling = this.ceiling;
    if (ceiling === undefined) return Infinity;
    const sinceCut = now - this.cutAt;
    if (sinceCut < RECOVERY_MS) return ceiling * (BACKOFF + ((1 - BACKOFF) * sinceCut) / RECOVERY_MS);
    const probing = (sinceCut - RECOVERY_MS) / 1000;
    // Not beyond twice what is answered: after a quiet spell, the pace must not have grown unchecked.
    const probed = ceiling * (1 + PROBE_PER_S2 * probing * probing) + PROBE_ABSOLUTE_PER_S3 * probing ** 3;
    return Math.min(probed, Math.max(ceiling, 2 * this.answers.lastSecond(now)));
  }
}
