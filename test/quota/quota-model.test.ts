import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toQuotaResource } from '../../provider/quota/quota-resource';
import { checkRequirement, type QuotaRequirement } from '../../provider/quota/requirements';

describe('toQuotaResource', () => {
  it('gives headroom = quota - used, which can be negative or fractional', () => {
    expect(toQuotaResource({ type: 'CMK', quota: 20, used: 20 })).toEqual({ type: 'CMK', quota: 20, used: 20, headroom: 0, unlimited: false });
    expect(toQuotaResource({ type: 'user', quota: 50, used: 60, min: 50, max: 1000 })).toMatchObject({ headroom: -10, min: 50, max: 1000 });
    expect(toQuotaResource({ type: 'video_time_2d_model', quota: 120.5, used: 30.25 }).headroom).toBe(90.25);
    expect(toQuotaResource({ type: 'capacity', quota: 20, used: 0, unit: 'GB' })).toMatchObject({ unit: 'GB', headroom: 20 });
  });

  it('reads -1 quota as unlimited and null, absent or -1 usage as unknown', () => {
    expect(toQuotaResource({ type: 'voice_clone_basic', quota: -1, used: 3 })).toEqual({ type: 'voice_clone_basic', quota: null, used: 3, headroom: null, unlimited: true });
    for (const used of [null, undefined, -1]) {
      expect(toQuotaResource({ type: 'mapping', quota: 10, used })).toEqual({ type: 'mapping', quota: 10, used: null, headroom: null, unlimited: false });
    }
  });

  it('never yields NaN', () => {
    fc.assert(fc.property(fc.integer({ min: -1, max: 1e7 }), fc.option(fc.double({ min: -1, max: 1e9, noNaN: true })), (quota, used) => {
      const resource = toQuotaResource({ type: 't', quota, used });
      for (const value of [resource.quota, resource.used, resource.headroom]) expect(Number.isNaN(value)).toBe(false);
    }));
  });
});

describe('checkRequirement', () => {
  const need = (n: number): QuotaRequirement => ({ service: 'kms', type: 'CMK', need: n });
  const resource = (quota: number, used: number | null) => toQuotaResource({ type: 'CMK', quota, used });

  it('is met when headroom covers the need, with the shortfall otherwise', () => {
    expect(checkRequirement(need(3), 's', resource(20, 17))).toMatchObject({ met: true, shortfall: 0, headroom: 3 });
    expect(checkRequirement(need(5), 's', resource(20, 17))).toMatchObject({ met: false, shortfall: 2, headroom: 3, quota: 20, used: 17 });
    expect(checkRequirement(need(1), 's', resource(20, 25))).toMatchObject({ met: false, shortfall: 6 });
  });

  it('is met when unlimited, and not met (saying why) when usage is unknown or the type is missing', () => {
    expect(checkRequirement(need(1e9), 's', resource(-1, 5))).toMatchObject({ met: true, unlimited: true, shortfall: 0 });
    expect(checkRequirement(need(0), 's', resource(10, null))).toMatchObject({ met: false, shortfall: null, note: expect.stringContaining('usage is unknown') });
    expect(checkRequirement(need(1), 's', undefined)).toMatchObject({ met: false, note: 'the service reported no quota of type "CMK"' });
  });
});
