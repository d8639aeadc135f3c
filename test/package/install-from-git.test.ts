import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository } from '../support/repository-copy';

// Until the package is on the registry, users install it from git or from a tarball. Neither holds dist/: npm must
// build it (the prepare script), or the install is a package with nothing in it.
const root = join(__dirname, '..', '..');
const exec = promisify(execFile);
const npmEnv = { ...process.env, npm_config_update_notifier: 'false' };
const git = (args: string[], cwd: string) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd, stdio: 'pipe' });

let work: string;
let repository: string;
beforeAll(() => {
  // A repository of this tree as committed plus what is not committed yet, unbuilt, as a fresh clone has it.
  work = mkdtempSync(join(tmpdir(), 'hwquota-git-install-'));
  repository = join(work, 'repository');
  copyRepository(repository);
  git(['init', '-q'], repository);
  git(['add', '-A'], repository);
  git(['commit', '-q', '-m', 'snapshot'], repository);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('installing from git and packing an unbuilt tree', () => {
  it('npm install git+file://... builds the package; require, import and the hwquota bin work in a new project', { timeout: 300_000 }, async () => {
    // As the README's Install section says: the package from git, and @pulumi/pulumi (a peer) for the root entry.
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `git+file://${repository}`, '@pulumi/pulumi@~3.248.0'], { cwd: app, env: npmEnv, maxBuffer: 16 * 1024 * 1024 });
    const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(node(['-e', "const c = require('pulumi-huaweicloud-quotas/client'); console.log(typeof c.createQuotaClient, c.QUOTA_SERVICES.length > 0)"]).trim()).toBe('function true');
    expect(node(['--input-type=module', '-e', "import { requireHeadroom } from 'pulumi-huaweicloud-quotas'; console.log(typeof requireHeadroom)"]).trim()).toBe('function');
    expect(node([join('node_modules', '.bin', 'hwquota'), '--version']).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('npm pack of an unbuilt tree builds first: the tarball holds dist/', { timeout: 300_000 }, async () => {
    const clone = join(work, 'clone');
    git(['clone', '-q', repository, clone], work);
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', work], { cwd: clone, env: npmEnv, maxBuffer: 16 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { files: { path: string }[] }[];
    const paths = packed!.files.map((file) => file.path);
    for (const needed of ['dist/index.js', 'dist/client.js', 'dist/esm/index.mjs', 'dist/cli/hwquota.js']) expect(paths).toContain(needed);
  });
});
