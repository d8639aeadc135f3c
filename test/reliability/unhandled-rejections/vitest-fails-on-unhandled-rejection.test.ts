import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The suite relies on vitest failing a run when a promise rejection goes unhandled, even if every test passes: an
// unhandled rejection in a reliability test is a bug (a read nobody waited for, a timer that fired after the end).
// This proves the project's configuration still does: the same passing test, with and without a stray rejection.

const root = join(__dirname, '..', '..', '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const config = join(__dirname, 'fixture.config.mts');

async function runFixture(reject: boolean): Promise<{ code: number; output: string }> {
  const env = { ...process.env, RELIABILITY_FIXTURE_REJECT: reject ? '1' : '', NO_COLOR: '1', FORCE_COLOR: '0' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [vitest, 'run', '--config', config], { cwd: root, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('vitest, with this project’s configuration', () => {
  it('fails a run whose tests all pass when a rejection is left unhandled, and passes it otherwise', { timeout: 60_000 }, async () => {
    const [clean, rejected] = await Promise.all([runFixture(false), runFixture(true)]);
    expect(clean.code, clean.output).toBe(0);
    expect(rejected.output).toMatch(/Tests\s+1 passed/);
    expect(rejected.output).toContain('Unhandled Rejection');
    expect(rejected.output).toContain('left unhandled on purpose');
    expect(rejected.code).toBe(1);
  });
});
