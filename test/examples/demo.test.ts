import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  it('runs every step as expected, offline', async () => {
    const root = join(__dirname, '..', '..');
    const { stdout } = await promisify(execFile)(process.execPath, ['examples/demo.js'], { cwd: root, env: { PATH: process.env.PATH } });
    expect(stdout).toContain('Real:   a local Huawei Cloud emulator');
    expect(stdout).toContain('Mocked: resource registration');
    expect(stdout).toMatch(/Demo passed: 4 of 4 steps as expected/);
  });
});
