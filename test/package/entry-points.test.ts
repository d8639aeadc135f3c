import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { QUOTA_API_CATALOG } from '../../provider/apis/catalog';
import { startEmulator } from '../../provider/emulator';

const root = join(__dirname, '..', '..');
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });

const PUBLIC_NAMES = ['createHuaweiCloudClient', 'signRequest', 'HuaweiCloudError', 'expandPath', 'SERVICE_NAMES'];

describe('the built package', () => {
  it('loads /client and the root with require, and /client loads neither Pulumi nor the undici root', () => {
    const output = run(['-e', `
      const client = require('pulumi-huaweicloud-quotas/client');
      const loaded = Object.keys(require.cache);
      const root = require('pulumi-huaweicloud-quotas');
      console.log(JSON.stringify({
        client: ${JSON.stringify(PUBLIC_NAMES)}.filter((name) => client[name] !== undefined),
        root: ${JSON.stringify(PUBLIC_NAMES)}.filter((name) => root[name] === client[name]),
        pulumi: loaded.some((path) => path.includes('@pulumi')),
        undiciRoot: loaded.some((path) => /node_modules[\\\\/]undici[\\\\/]index\\.js$/.test(path)),
      }));
    `]);
    expect(JSON.parse(output)).toEqual({ client: PUBLIC_NAMES, root: PUBLIC_NAMES, pulumi: false, undiciRoot: false });
  });

  it('loads no quota API definition with /client or the root, and only the one read: the first read loads it', async () => {
    const emulator = await startEmulator();
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', `
        const definitions = () => Object.keys(require.cache).map((path) => /dist[\\\\/]apis[\\\\/]([\\w-]+)\\.js$/.exec(path)?.[1]).filter(Boolean).sort();
        const { createQuotaClient } = require('pulumi-huaweicloud-quotas');
        const atLoad = definitions();
        const quotas = createQuotaClient();
        quotas.kmsQuotas({ region: 'cn-north-4' }).then(async (kms) => {
          console.log(JSON.stringify({ atLoad, afterRead: definitions(), types: kms.resources.map((r) => r.type) }));
          await quotas.close();
        });
      `], { cwd: root, env: { PATH: process.env.PATH, ...emulator.env } });
      const files = QUOTA_API_CATALOG.map((entry) => entry.definedIn.file);
      const { atLoad, afterRead, types } = JSON.parse(stdout) as { atLoad: string[]; afterRead: string[]; types: string[] };
      expect(types).toEqual(['CMK', 'grant_per_CMK']);
      expect(atLoad.filter((file) => files.includes(file))).toEqual([]);
      expect(afterRead.filter((file) => files.includes(file))).toEqual(['kms']);
    } finally {
      await emulator.stop();
    }
  });

  it('loads /client and the root with import', () => {
    const output = run(['--input-type=module', '-e', `
      import { ${PUBLIC_NAMES.join(', ')} } from 'pulumi-huaweicloud-quotas/client';
      import * as root from 'pulumi-huaweicloud-quotas';
      console.log(JSON.stringify([typeof createHuaweiCloudClient, typeof signRequest, new HuaweiCloudError({ kind: 'network', message: 'm' }).kind, typeof root.createHuaweiCloudClient]));
    `]);
    expect(JSON.parse(output)).toEqual(['function', 'function', 'network', 'function']);
  });

  it('runs the hwquota bin', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['dist/cli/hwquota.js', '--version']).trim()).toBe(version);
  });
});
