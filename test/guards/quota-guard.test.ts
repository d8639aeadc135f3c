import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { quotaGuardProvider } from '../../provider/guards/quota-guard-provider';

const root = join(__dirname, '..', '..');
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const FITS = { requirements: [{ service: 'kms' as const, type: 'grant_per_CMK', need: 10 }] };
const SHORT = { requirements: [{ service: 'kms' as const, type: 'CMK', need: 3 }] };

let emulator: RunningEmulator;
const saved = { ...process.env };
beforeAll(async () => {
  emulator = await startEmulator();
  Object.assign(process.env, emulator.env);
});
afterAll(async () => {
  process.env = saved;
  await emulator.stop();
});

describe('the QuotaGuard provider, called directly', () => {
  it('check() passes when requirements fit, and fails with the shortfall table when not', async () => {
    expect(await quotaGuardProvider.check!({} as never, FITS)).toEqual({ inputs: FITS });
    const short = await quotaGuardProvider.check!({} as never, SHORT);
    expect(short.failures).toHaveLength(1);
    expect(short.failures![0]!.property).toBe('requirements');
    expect(short.failures![0]!.reason).toMatch(/short for 1 of 1 requirement:\nSERVICE\s+SCOPE\s+TYPE\s+NEED\s+HEADROOM\s+SHORTFALL\s+STATUS\nkms\s+kms cn-north-4 project \S+\s+CMK\s+3\s+0\s+3\s+SHORT/);
  });

  it('check() gives no verdict on unknown inputs', async () => {
    const before = emulator.requests.kms;
    const unknown = { requirements: [{ service: 'kms' as const, type: 'CMK', need: UNKNOWN as unknown as number }] };
    expect(await quotaGuardProvider.check!({} as never, unknown)).toEqual({ inputs: unknown });
    expect(emulator.requests.kms).toBe(before);
  });

  it('a margin can turn a fit into a shortfall', async () => {
    const withMargin = { ...FITS, margin: { percentOfQuota: 95 } };
    const result = await quotaGuardProvider.check!({} as never, withMargin);
    expect(result.failures?.[0]?.reason).toMatch(/10 \(\+95 margin\)\s+100\s+5\s+SHORT/);
  });

  it('create() and update() record the checks; diff() sees changed requirements', async () => {
    const created = await quotaGuardProvider.create!(FITS);
    expect(created.id).toMatch(/^quota-guard-/);
    expect(created.outs.checks).toEqual([expect.objectContaining({ met: true, headroom: 100, scope: expect.stringContaining('kms cn-north-4') })]);
    expect(Date.parse(created.outs.checkedAt)).not.toBeNaN();
    await expect(quotaGuardProvider.create!(SHORT)).rejects.toThrow(/short for 1 of 1/);
    expect((await quotaGuardProvider.update!(created.id, FITS, FITS)).outs?.checks).toHaveLength(1);
    expect(await quotaGuardProvider.diff!(created.id, FITS, FITS)).toEqual({ changes: false });
    expect(await quotaGuardProvider.diff!(created.id, FITS, SHORT)).toEqual({ changes: true });
  });

  it('configure() reads stack config, own namespace before the provider\'s', async () => {
    const config = (values: Record<string, string>) => ({ config: { get: (key: string) => values[key], require: (key: string) => values[key]! } });
    await quotaGuardProvider.configure!(config({ 'huaweicloud:region': 'eu-west-101' }));
    const eu = await quotaGuardProvider.create!(FITS);
    expect(eu.outs.checks[0].scope).toContain('eu-west-101');
    await quotaGuardProvider.configure!(config({ 'huaweicloud-quotas:accessKey': 'HPUAEMULATORROOT0001', 'huaweicloud-quotas:secretKey': 'a-wrong-secret-key-0000000000' }));
    const refused = await quotaGuardProvider.check!({} as never, FITS);
    expect(refused.failures?.[0]?.reason).toMatch(/^hwquota: service: APIGW\.0301/);
    await quotaGuardProvider.configure!(config({}));
  });
});

describe('the QuotaGuard provider as the engine loads it', () => {
  it('serializes without secrets, loads from the text and checks against the emulator', async () => {
    const script = `
      const pulumi = require('@pulumi/pulumi');
      const requireFromString = require('require-from-string');
      const { quotaGuardProvider } = require('pulumi-huaweicloud-quotas');
      (async () => {
        // Configure first, in this process: the serialized text must still not hold the configured secret.
        await quotaGuardProvider.configure({ config: { get: (key) => ({ 'huaweicloud-quotas:secretKey': process.env.HUAWEICLOUD_SDK_SK, 'huaweicloud-quotas:accessKey': process.env.HUAWEICLOUD_SDK_AK })[key] } });
        const serialized = await pulumi.runtime.serializeFunction(() => quotaGuardProvider, { allowSecrets: true });
        const loaded = requireFromString(serialized.text, ${JSON.stringify(join(root, 'serialized-quota-guard.js'))});
        const provider = loaded[serialized.exportName]();
        const fits = await provider.check({}, ${JSON.stringify(FITS)});
        const short = await provider.check({}, ${JSON.stringify(SHORT)});
        process.stdout.write(JSON.stringify({ text: serialized.text, fits, short }));
      })().catch((error) => { console.error(error); process.exit(1); });
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: root, env: { PATH: process.env.PATH, ...emulator.env }, maxBuffer: 64 * 1024 * 1024 });
    const { text, fits, short } = JSON.parse(stdout) as { text: string; fits: unknown; short: { failures: { reason: string }[] } };
    expect(fits).toEqual({ inputs: FITS });
    expect(short.failures[0]!.reason).toContain('SHORT');
    for (const secret of [emulator.env.HUAWEICLOUD_SDK_SK!, 'EmulatorUserSecretKey', 'MIIEemulator']) expect(text).not.toContain(secret);
    expect(text.length).toBeLessThan(50_000);
  });
});
