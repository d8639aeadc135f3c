import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { cloudResourceTypes } from '../pulumi-runtimes/cloud-resources';
import { StandInEngine } from '../pulumi-runtimes/stand-in-engine';
import { KEY, messages, passed, stepped } from '../pulumi-runtimes/test-stack';

// Packs the package as `npm publish` would, installs the tarball into a fresh project outside this repository (so no
// self-reference or hoisting can stand in for it) and uses it from there, as a user would.
// TypeScript is installed as Pulumi's TypeScript template does, for the program runner to compile the example.
// `test:matrix` sets INSTALL_CHECK_PULUMI to the oldest @pulumi/pulumi of the peer range.

const root = join(__dirname, '..', '..');
const pulumiVersion = process.env.INSTALL_CHECK_PULUMI ?? '~3.248.0';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const exec = promisify(execFile);
const npm = (args: string[], cwd: string) => exec('npm', args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });

let work: string;
let app: string;
let packedFiles: string[];
let emulator: RunningEmulator;

/** Runs `node ARGS` in the consumer project with only PATH and the emulator's environment. */
const node = (args: string[]) => exec(process.execPath, args, { cwd: app, env: { PATH: process.env.PATH, ...emulator.env }, maxBuffer: 64 * 1024 * 1024 });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hwquota-install-'));
  app = join(work, 'app');
  const { stdout } = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed!.files.map((file) => file.path);
  cpSync(join(root, 'examples', 'preflight'), join(app, 'preflight'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(work, packed!.filename), `@pulumi/pulumi@${pulumiVersion}`, 'typescript@~5.9.3'], app);
  emulator = await startEmulator();
}, 180_000);

afterAll(async () => {
  await emulator?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(`the packed package, installed with @pulumi/pulumi@${pulumiVersion}`, () => {
  it('holds the build, its types, the documents and the examples, and nothing else', () => {
    const documents = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'SECURITY.md', 'CONTRIBUTING.md', 'bench/README.md', 'test/pulumi-runtimes/README.md', 'test/reliability/README.md'];
    const example = /^examples\/(README\.md|[\w-]+\/(index\.ts|__main__\.py|package\.json|tsconfig\.json|Pulumi(Policy)?\.yaml|README\.md|requirements\.(json|txt)))$/;
    const unexpected = packedFiles.filter((path) => !/^dist\/.+\.(js|mjs|d\.ts|d\.mts)$/.test(path) && !documents.includes(path) && !example.test(path));
    expect(unexpected).toEqual([]);
    for (const needed of ['dist/index.js', 'dist/index.d.ts', 'dist/esm/index.mjs', 'dist/esm/client.d.mts', 'dist/cli/hwquota.js', 'LICENSE', 'examples/preflight/package.json']) expect(packedFiles).toContain(needed);
  });

  it('runs the hwquota bin against the emulator', async () => {
    expect((await node(['node_modules/.bin/hwquota', '--version'])).stdout.trim()).toBe(version);
    const { stdout } = await node(['node_modules/.bin/hwquota', 'get', 'kms', '--output', 'json']);
    expect(JSON.parse(stdout)).toMatchObject({ resources: expect.arrayContaining([expect.objectContaining({ type: 'CMK', quota: 20, used: 20 })]) });
  });

  it('loads every entry point with require and with import, as one copy of the code', async () => {
    const entries = ['pulumi-huaweicloud-quotas', 'pulumi-huaweicloud-quotas/client', 'pulumi-huaweicloud-quotas/emulator'];
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const entries = ${JSON.stringify(entries)};
      const loaded = await Promise.all(entries.map(async (entry) => [entry, await import(entry), require(entry)]));
      const same = loaded.every(([, esm, cjs]) => Object.keys(cjs).filter((name) => name !== '__esModule').every((name) => esm[name] === cjs[name]));
      const { HuaweiCloudError, createQuotaClient } = await import('pulumi-huaweicloud-quotas/client');
      const client = createQuotaClient();
      const kms = await client.kmsQuotas({});
      await client.close();
      console.log(JSON.stringify({ same, resolved: require.resolve('pulumi-huaweicloud-quotas'), errorIsShared: require('pulumi-huaweicloud-quotas').HuaweiCloudError === HuaweiCloudError, cmk: kms.resources.find((r) => r.type === 'CMK').quota }));
    `;
    const result = JSON.parse((await node(['--input-type=module', '-e', script])).stdout) as { same: boolean; resolved: string; errorIsShared: boolean; cmk: number };
    expect(result).toEqual({ same: true, resolved: join(app, 'node_modules', 'pulumi-huaweicloud-quotas', 'dist', 'index.js'), errorIsShared: true, cmk: 20 });
  });

  it('type-checks a consumer with the settings of the Pulumi TypeScript template and with Node16 modules', async () => {
    writeFileSync(join(app, 'consumer.ts'), `
      import * as pulumi from '@pulumi/pulumi';
      import { getKmsQuotasOutput, requireHeadroom, type QuotaRequirement } from 'pulumi-huaweicloud-quotas';
      import { createQuotaClient, HuaweiCloudError } from 'pulumi-huaweicloud-quotas/client';
      import { startEmulator } from 'pulumi-huaweicloud-quotas/emulator';
      const needs: QuotaRequirement[] = [{ service: 'kms', type: 'CMK', need: 1 }];
      export const cmk: pulumi.Output<number | null | undefined> = getKmsQuotasOutput({}).apply((kms) => kms.resources.find((r) => r.type === 'CMK')?.quota);
      export const uses = [requireHeadroom, createQuotaClient, startEmulator, needs, HuaweiCloudError.name];
    `);
    // tsc reports its errors on stdout: fail with them.
    const tsc = (args: string[]) => node([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ...args]).catch((error: { stdout: string }) => { throw new Error(error.stdout); });
    const common = ['--noEmit', '--strict', '--target', 'es2020', '--typeRoots', join(root, 'node_modules', '@types'), '--types', 'node', 'consumer.ts'];
    await tsc([...common, '--module', 'commonjs', '--moduleResolution', 'node10', '--ignoreDeprecations', '5.0']);
    await tsc([...common, '--module', 'node16', '--moduleResolution', 'node16']);
  }, 60_000);

  it('runs the preflight example with its own Pulumi runtimes: short, then placed, then unchanged', { timeout: 120_000 }, async () => {
    const engine = new StandInEngine({ project: 'preflight', stack: 'dev', config: { 'huaweicloud-quotas:region': 'cn-north-4' }, env: { PATH: process.env.PATH, ...emulator.env }, cloud: cloudResourceTypes(emulator, 'cn-north-4') });
    const short = await engine.preview(join(app, 'preflight'));
    expect(messages(short, 'error')[0]).toMatch(/short for 1 of 1 requirement/);
    expect(stepped(short, 'create', KEY)).toEqual([]);
    emulator.state.accounts[0]!.projects[0]!.kmsQuotas[0]!.used = 17;
    expect(stepped(passed(await engine.update(join(app, 'preflight'))), 'create', KEY)).toHaveLength(3);
    expect(passed(await engine.update(join(app, 'preflight'))).steps.every((step) => step.op === 'same')).toBe(true);
  });

  it('serializes the QuotaGuard provider loaded from node_modules, without its secret, and the text runs', async () => {
    const script = `
      const pulumi = require('@pulumi/pulumi');
      const { writeFileSync } = require('node:fs');
      const { quotaGuardProvider } = require('pulumi-huaweicloud-quotas');
      (async () => {
        await quotaGuardProvider.configure({ config: { get: (key) => ({ 'huaweicloud-quotas:secretKey': process.env.HUAWEICLOUD_SDK_SK, 'huaweicloud-quotas:accessKey': process.env.HUAWEICLOUD_SDK_AK })[key] } });
        const serialized = await pulumi.runtime.serializeFunction(() => quotaGuardProvider, { allowSecrets: true });
        writeFileSync('serialized-provider.js', serialized.text);
        const provider = require('./serialized-provider.js')[serialized.exportName]();
        const short = await provider.check({}, { requirements: [{ service: 'kms', type: 'CMK', need: 3 }] });
        process.stdout.write(JSON.stringify({ text: serialized.text, reason: short.failures[0].reason }));
      })().catch((error) => { console.error(error); process.exit(1); });
    `;
    const { text, reason } = JSON.parse((await node(['-e', script])).stdout) as { text: string; reason: string };
    expect(reason).toMatch(/short for 1 of 1 requirement/);
    expect(text).toContain("require('pulumi-huaweicloud-quotas/client')");
    expect(text).not.toContain(emulator.env.HUAWEICLOUD_SDK_SK!);
  });
});
