import { describe, expect, it } from 'vitest';
import { RateEstimate } from '../../provider/transport/adaptive-rate-estimate';
import { AdaptiveRateLimiters } from '../../provider/transport/adaptive-rate-limiters';

// The estimate is a function of the times it is given: these cases run on made-up times, no clock.

/** An estimate after `count` answers spread evenly over [from, to) ms. */
function answeredOver(estimate: RateEstimate, count: number, from: number, to: number): void {
  for (let index = 0; index < count; index++) estimate.answered(from + ((to - from) * index) / count);
}

describe('RateEstimate', () => {
  it('paces nothing until the first throttle, then 90 % of what the last second let through, back to 100 % in 2 s', () => {
    const estimate = new RateEstimate();
    // A gateway that holds 50 and refills 50 per second: a sweep's first 50 answers come at once.
    answeredOver(estimate, 50, 10_000, 10_020);
    expect(estimate.perSecond(10_020)).toBe(Infinity);
    expect(estimate.throttled(10_021, 10_019)).toBe(true);
    expect(estimate.perSecond(10_021)).toBeCloseTo(45, 0);
    answeredOver(estimate, 46, 10_021, 11_021);
    expect(estimate.perSecond(11_021)).toBeCloseTo(47.5, 0);
    answeredOver(estimate, 48, 11_021, 12_021);
    expect(estimate.perSecond(12_021)).toBeCloseTo(50, 0);
    // Then it probes above, slowly at first (while answers keep coming).
    answeredOver(estimate, 50, 12_021, 13_021);
    expect(estimate.perSecond(13_021)).toBeGreaterThan(50);
    expect(estimate.perSecond(13_021)).toBeLessThan(52);
  });

  it('a throttle of a request sent before the last cut does not cut again; one with too few answers behind it teaches nothing', () => {
    const estimate = new RateEstimate();
    answeredOver(estimate, 3, 0, 100);
    expect(estimate.throttled(100, 99)).toBe(false);
    expect(estimate.perSecond(100)).toBe(Infinity);
    answeredOver(estimate, 40, 100, 200);
    expect(estimate.throttled(200, 199)).toBe(true);
    const paced = estimate.perSecond(201);
    // Out when the first throttle came: the same news.
    expect(estimate.throttled(202, 198)).toBe(false);
    expect(estimate.perSecond(201)).toBe(paced);
  });

  it('between two throttles, measures the rate as what was answered over that time', () => {
    const estimate = new RateEstimate();
    answeredOver(estimate, 50, 0, 20);
    estimate.throttled(20, 19);
    // 5 s at 40 per second, then the gateway refuses again.
    answeredOver(estimate, 200, 20, 5_020);
    expect(estimate.throttled(5_020, 5_019)).toBe(true);
    expect(estimate.perSecond(5_020)).toBeCloseTo(36, 0);
  });

  it('after a quiet spell, the pace is not beyond twice what is answered', () => {
    const estimate = new RateEstimate();
    answeredOver(estimate, 50, 0, 20);
    estimate.throttled(20, 19);
    // Nothing answered for a minute: the probe would be far above the rate; the cap keeps it at the last one.
    expect(estimate.perSecond(60_000)).toBe(50);
  });
});

describe('AdaptiveRateLimiters', () => {
  it('one limiter per origin and service, shared; past 512 endpoints the idle one used longest ago is dropped', () => {
    const limiters = new AdaptiveRateLimiters();
    const kms = limiters.of('https://kms.cn-north-4.myhuaweicloud.com', 'kms');
    expect(limiters.of('https://kms.cn-north-4.myhuaweicloud.com', 'kms')).toBe(kms);
    expect(limiters.of('http://127.0.0.1:8080', 'kms')).not.toBe(limiters.of('http://127.0.0.1:8080', 'ecs'));
    for (let index = 0; index < 600; index++) limiters.of(`https://endpoint-${index}.example`, 'kms');
    expect(limiters.of('https://kms.cn-north-4.myhuaweicloud.com', 'kms')).not.toBe(kms);
    const recent = limiters.of('https://endpoint-599.example', 'kms');
    expect(limiters.of('https://endpoint-599.example', 'kms')).toBe(recent);
  });
});
