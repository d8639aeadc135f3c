import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  it('runs every step as expected, offline: the second, unchanged up passes', { timeout: 120_000 }, async () => {
    const root = join(__dirname, '..', '..');
    const { stdout } = await promisify(execFile)(process.execPath, ['examples/demo.js'], { cwd: root, env: { PATH: process.env.PATH } });
    expect(stdout).toContain('Real:   a local Huawei Cloud emulator');
    expect(stdout).toContain("Pulumi's own program runner and dynamic-provider server");
    expect(stdout).toMatch(/ok {3}pulumi up passes: the 3 keys are the stack's own claim, nothing changes/);
    expect(stdout).toMatch(/Demo passed: 5 of 5 steps as expected/);
  });
});
