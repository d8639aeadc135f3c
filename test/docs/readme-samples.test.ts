import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { startEmulator } from '../../provider/emulator';

// The README ships in the package: what it points to must ship too, and its samples must do what it says they do.
const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

it('points to no file that is not in the package', () => {
  const { stdout } = { stdout: execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } }) };
  const packed = (JSON.parse(stdout.slice(stdout.indexOf('['))) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
  const links = [...readme.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!);
  const paths = [...readme.matchAll(/`((?:examples|test|bench|provider|scripts|docs)\/[\w./-]*)`/g)].map((match) => match[1]!);
  expect(links.length).toBeGreaterThan(5);
  const missing = [...links, ...paths].filter((path) => !packed.some((file) => file === path || file.startsWith(path.endsWith('/') ? path : `${path}/`)));
  expect(missing).toEqual([]);
});

it('the plain-Node sample prints what the README says against the emulator\'s built-in state', { timeout: 60_000 }, async () => {
  const sample = /```ts\n(import \{ createQuotaClient \} from 'pulumi-huaweicloud-quotas\/client';[\s\S]*?)```/.exec(readme)?.[1];
  expect(sample).toBeDefined();
  const project = mkdtempSync(join(tmpdir(), 'hwquota-readme-'));
  const emulator = await startEmulator();
  try {
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'pulumi-huaweicloud-quotas'), 'dir');
    writeFileSync(join(project, 'sample.mjs'), sample!);
    const { stdout } = await promisify(execFile)(process.execPath, ['sample.mjs'], { cwd: project, env: { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', ...emulator.env } });
    expect(stdout).toMatch(/'kms CMK: SHORT'/);
    expect(stdout).toMatch(/'sfs-turbo capacity: met'/);
    expect(stdout).toMatch(/'metastudio video_time_2d_model: met'/);
  } finally {
    await emulator.stop();
    rmSync(project, { recursive: true, force: true });
  }
});
