import { describe, expect, it } from 'vitest';
import { createHuaweiCloudClient } from '../../provider/huawei-cloud-client';
import { resolveDebugLogger } from '../../provider/transport/debug-log';

// HW_INSECURE and HWQUOTA_DEBUG follow one rule: `1`, `true`, `yes`, `on` are on; unset, `0`, `false`, `no`, `off` are
// off; anything else is an error naming the variable (before, `HW_INSECURE=yes` was off while `HWQUOTA_DEBUG=yes` was on).

const insecureWarnings = (value: string | undefined) => {
  const lines: string[] = [];
  const client = createHuaweiCloudClient({ env: { ...(value === undefined ? {} : { HW_INSECURE: value }) }, region: 'cn-north-4', logger: (line) => lines.push(line) });
  void client.close();
  return lines.filter((line) => line.includes('TLS certificate verification is off')).length;
};

describe('on/off environment variables', () => {
  it.each(['1', 'true', 'yes', 'on', 'YES', ' On '])('%j is on, for both', (value) => {
    expect(insecureWarnings(value)).toBe(1);
    expect(resolveDebugLogger(undefined, { HWQUOTA_DEBUG: value })).toBeTypeOf('function');
  });

  it.each([undefined, '', '0', 'false', 'no', 'off', 'OFF'])('%j is off, for both', (value) => {
    expect(insecureWarnings(value)).toBe(0);
    expect(resolveDebugLogger(undefined, value === undefined ? {} : { HWQUOTA_DEBUG: value })).toBeUndefined();
  });

  it.each(['maybe', '2', 'enabled'])('%j is an error naming the variable and what it takes', (value) => {
    expect(() => insecureWarnings(value)).toThrow(expect.objectContaining({ kind: 'invalid-argument', field: 'HW_INSECURE', message: expect.stringContaining('must be one of 1, true, yes, on (on) or 0, false, no, off (off)') }));
    expect(() => resolveDebugLogger(undefined, { HWQUOTA_DEBUG: value })).toThrow(expect.objectContaining({ field: 'HWQUOTA_DEBUG' }));
  });
});
