import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { cloudResourceTypes } from '../pulumi-runtimes/cloud-resources';
import { PolicyPackProcess } from '../pulumi-runtimes/policy-pack';
import { StandInEngine } from '../pulumi-runtimes/stand-in-engine';
import { copyRepository } from '../support/repository-copy';
import { KEY, messages, stepped } from '../pulumi-runtimes/test-stack';

// Each example is a Pulumi project of its own: `npm install` and `pulumi preview` inside its folder. Pulumi's launcher
// takes the entry from the nearest package.json, so an example without one ran the repository's (whose `exports`
// object the launcher cannot read).
const root = join(__dirname, '..', '..');
const examples = join(root, 'examples');
// The Node.js ones: a program, or a policy pack (the YAML and Python examples are checked in other-languages.test.ts).
const exampleDirs = readdirSync(examples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && isNodeProject(join(examples, entry.name)))
  .map((entry) => entry.name);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function isNodeProject(dir: string): boolean {
  if (existsSync(join(dir, 'PulumiPolicy.yaml'))) return true;
  return existsSync(join(dir, 'Pulumi.yaml')) && /^runtime:\s*nodejs\s*$/m.test(readFileSync(join(dir, 'Pulumi.yaml'), 'utf8'));
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

it('finds the four Node.js examples', () => {
  expect(exampleDirs.sort()).toEqual(['outputs', 'placement', 'policy', 'preflight']);
});

describe.each(exampleDirs)('examples/%s', (name) => {
  const dir = join(examples, name);

  it('is a project of its own: a package.json with its entry, this package by a relative file: path, a tsconfig', () => {
    const manifest = readJson(join(dir, 'package.json')) as { main?: string; dependencies: Record<string, string> };
    const entry = manifest.main ?? 'index.js';
    expect(existsSync(join(dir, entry)) || existsSync(join(dir, 'index.ts')), `${entry} in examples/${name}`).toBe(true);
    const spec = manifest.dependencies['pulumi-huaweicloud-quotas'];
    expect(spec).toMatch(/^file:\.\.\//);
    expect(resolve(dir, spec!.slice('file:'.length))).toBe(root);
    expect(existsSync(join(dir, 'tsconfig.json'))).toBe(true);
    // A copy, as a user's install has: one @pulumi/pulumi, and no link back into this checkout's node_modules.
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toMatch(/^install-links=true$/m);
    expect(existsSync(join(dir, 'Pulumi.yaml')) || existsSync(join(dir, 'PulumiPolicy.yaml'))).toBe(true);
  });
});

describe('the policy example', () => {
  it('runs from its own folder under the policy-pack runner (TypeScript, type-checked) and stops the 21st key', { timeout: 120_000 }, async () => {
    const pack = await PolicyPackProcess.start({ PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', ...emulator.env }, join(examples, 'policy'));
    try {
      await pack.configure({ 'huaweicloud-quota-fits': { level: 'mandatory' }, 'huaweicloud-quota-headroom': { level: 'advisory' } });
      const violations = [];
      for (let index = 1; index <= 21; index += 1) violations.push(...(await pack.analyze({ type: KEY, name: `key-${index}`, properties: { keyAlias: `key-${index}` } })));
      expect(violations).toContainEqual(expect.objectContaining({ policy: 'huaweicloud-quota-fits', level: 'mandatory', message: expect.stringMatching(/declares 21 KMS CMK .* the quota is 20/) }));
    } finally {
      await pack.stop();
    }
  });
});

describe('an example installed with npm in a copy of this repository', () => {
  it('runs from its own folder: npm install there, then the preview stops at the KMS shortfall', { timeout: 300_000 }, async () => {
    // The tracked and new files, as a clone has them; the dependencies of the repository itself are linked, as after `npm ci`.
    const work = mkdtempSync(join(tmpdir(), 'hwquota-example-install-'));
    try {
      copyRepository(work);
      symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
      const project = join(work, 'examples', 'preflight');
      await promisify(execFile)('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, env: { ...process.env, npm_config_update_notifier: 'false' } });
      // npm packed the repository (its prepare script built it) and installed the copy, with the example's own Pulumi.
      expect(existsSync(join(project, 'node_modules', 'pulumi-huaweicloud-quotas', 'dist', 'index.js'))).toBe(true);
      expect(existsSync(join(project, 'node_modules', '@pulumi', 'pulumi', 'package.json'))).toBe(true);

      const engine = new StandInEngine({
        project: 'preflight',
        stack: 'dev',
        config: { 'huaweicloud-quotas:region': 'cn-north-4' },
        env: { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', ...emulator.env },
        cloud: cloudResourceTypes(emulator, 'cn-north-4'),
      });
      const preview = await engine.preview(project);
      expect(preview.ok, preview.output).toBe(false);
      expect(messages(preview, 'error')[0]).toMatch(/short for 1 of 1 requirement:\nSERVICE[\s\S]+CMK\s+3\s+0\s+0\s+3\s+SHORT/);
      expect(stepped(preview, 'create', KEY)).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
