import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
