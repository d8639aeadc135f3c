import { describe, expect, it } from 'vitest';
import { jittered, startRefreshLoop } from '../../provider/scan/refresh-loop';
import { formatScanCsv } from '../../provider/scan/scan-csv';
import type { ScanResult } from '../../provider/scan/scan-result';

describe('the exporter\'s refresh loop', () => {
  it('waits the interval ± 10 %', () => {
    expect(jittered(300_000, () => 0)).toBe(270_000);
    expect(jittered(300_000, () => 0.5)).toBe(300_000);
    expect(jittered(300_000, () => 1)).toBe(330_000);
  });

  it('refreshes at once, then again after each one ends, never two at once, until stopped', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const loop = startRefreshLoop(async () => {
      runs++;
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running--;
    }, 10);
    await loop.first;
    expect(runs).toBe(1);
    for (let waited = 0; runs < 4 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    loop.stop();
    const stoppedAt = runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stoppedAt).toBeGreaterThanOrEqual(4);
    expect(runs).toBe(stoppedAt);
    expect(most).toBe(1);
  });

  it('aborts the refresh in flight when stopped', async () => {
    let signal: AbortSignal | undefined;
    const loop = startRefreshLoop(async (given) => {
      signal = given;
      await new Promise((resolve) => given.addEventListener('abort', resolve));
    }, 10);
    loop.stop();
    await loop.first;
    expect(signal?.aborted).toBe(true);
  });
});

describe('CSV', () => {
  it('quotes fields with a quote, a comma or a line break (RFC 4180), and escapes control characters', () => {
    const result: ScanResult = {
      rows: [{ service: 'kms', type: 'a"b', quota: 10, used: 1, headroom: 9, unlimited: false, percentUsed: 10, status: 'ok' }],
      failures: [{ service: 'vpc', region: 'cn-north-4', status: 'error', kind: 'network', message: 'refused, "twice"\nthen\u001b[2J' }],
      scopes: 2,
      startedAt: new Date(0),
      durationMs: 1,
    };
    expect(formatScanCsv(result).split('\r\n').slice(1)).toEqual([
      'ok,10,kms,"a""b",,,,,10,1,9,,,,,,,,',
      'error,,vpc,,cn-north-4,,,,,,,,,,network,,,,"refused, ""twice""\\u000athen\\u001b[2J"',
      '',
    ]);
  });
});
