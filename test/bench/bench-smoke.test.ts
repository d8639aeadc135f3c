import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// Keeps `npm run bench` working: one iteration of every scenario at tiny sizes, in its own process, on the built
// package. It checks that each scenario ran and gave numbers, never how fast: timings are the benchmark's to judge.
const root = join(__dirname, '..', '..');
const ROW_IDS = [
  'cold-start-wall', 'cold-start-import-to-result', 'cold-start-rss', 'root-load',
  'sweep-wall', 'sweep-iam-wall', 'sweep-requests-per-second', 'sweep-iam-requests-per-second',
  'cpu-per-request', 'signing', 'sweep-peak-rss', 'requests-per-program',
  'scan-wall', 'scan-throttled', 'scan-peak-rss',
  'plugin-start-first-invoke', 'plugin-start-port',
];
/**
 * Rows with a figure for the peer too (the official SDK; for the scan, the scan with adaptive rate off; for the
 * plugin's start, a bare `@pulumi/pulumi/provider` server).
 */
const COMPARED = [
  'cold-start-wall', 'cold-start-import-to-result', 'cold-start-rss', 'sweep-iam-wall', 'sweep-iam-requests-per-second', 'cpu-per-request', 'signing', 'sweep-peak-rss',
  'scan-wall', 'scan-throttled', 'scan-peak-rss', 'plugin-start-first-invoke', 'plugin-start-port',
];

interface Row {
  id: string;
  ours: number | null;
  official: number | null;
  result: string;
}

it('runs every scenario once, prints the table and writes a number for each row', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hwquota-bench-'));
  try {
    const out = join(dir, 'smoke.json');
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bench', 'run.js'), '--smoke', '--out', out], {
      cwd: root,
      env: { PATH: process.env.PATH },
    });
    const report = JSON.parse(readFileSync(out, 'utf8')) as { smoke: boolean; rows: Row[] };
    expect(report.smoke).toBe(true);
    expect(report.rows.map((row) => row.id).sort()).toEqual([...ROW_IDS].sort());
    for (const row of report.rows) {
      expect(Number.isFinite(row.ours), row.id).toBe(true);
      if (COMPARED.includes(row.id)) expect(Number.isFinite(row.official), row.id).toBe(true);
      expect(['smoke', 'info'], row.id).toContain(row.result);
    }
    expect(report.rows.find((row) => row.id === 'requests-per-program')?.ours).toBe(9);
    expect(stdout.split('\n')[0]).toMatch(/^scenario\s+this package\s+official SDK\s+ratio\s+target\s+result$/);
    // The official SDK prints failed requests, Authorization header included: none of it may reach the output.
    expect(stdout).not.toMatch(/Authorization|Signature=|SecretKey/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
