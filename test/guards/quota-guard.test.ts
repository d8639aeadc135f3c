import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { quotaGuardProvider } from '../../provider/guards/quota-guard-provider';

const root = join(__dirname, '..', '..');
// The provider loads the built package (as in the engine's process): its read cache is the one to clear.
const { sharedReads } = createRequire(__filename)(join(root, 'dist', 'quota', 'read-cache.js')) as typeof import('../../provider/quota/read-cache');
const clearSharedState = () => sharedReads.clear();
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

// Unit tests: the provider's methods called directly. How the engine drives them over a stack's life (and with
// `__provider` in the inputs) is tested through Pulumi's own runtimes in test/pulumi-runtimes.
type Inputs = Record<string, unknown>;
const provider = quotaGuardProvider as Required<typeof quotaGuardProvider>;
const cmk = () => emulator.state.accounts[0]!.projects[0]!.kmsQuotas.find((quota) => quota.type === 'CMK')!;
const granted = async (inputs: Inputs): Promise<Inputs> => (await provider.check({}, inputs)).inputs!;

describe('the QuotaGuard provider, called directly', () => {
  it('check() records the claim when requirements fit, and fails with the shortfall table when not', async () => {
    const fits = await provider.check({}, FITS);
    expect(fits.failures).toBeUndefined();
    expect(fits.inputs).toMatchObject({ ...FITS, claims: [{ requirement: FITS.requirements[0], scope: expect.stringContaining('kms cn-north-4') }], warnings: [] });
    expect(fits.inputs).not.toHaveProperty('checkedAt');
    const short = await provider.check({}, SHORT);
    expect(short.failures).toEqual([{ property: '', reason: expect.stringMatching(/short for 1 of 1 requirement:\nSERVICE\s+SCOPE\s+TYPE\s+NEED\s+CLAIMED\s+HEADROOM\s+SHORTFALL\s+STATUS\nkms\s+kms cn-north-4 project \S+\s+CMK\s+3\s+0\s+0\s+3\s+SHORT/) }]);
  });

  it('check() judges only growth beyond the claim in the old inputs: none grows, nothing is read', async () => {
    // Reads are shared for a minute within a process: each change of usage starts afresh.
    cmk().used = 17;
    clearSharedState();
    const old = await granted(SHORT);
    cmk().used = 20;
    clearSharedState();
    const before = emulator.requests.kms;
    const unchanged = await provider.check(old, SHORT);
    expect(unchanged.failures).toBeUndefined();
    expect(unchanged.inputs!.checks).toEqual([expect.objectContaining({ claimed: 3, met: true, headroom: null, shortfall: 0 })]);
    expect(emulator.requests.kms).toBe(before);
    const shrunk = await provider.check(old, { requirements: [{ service: 'kms', type: 'CMK', need: 1 }] });
    expect(shrunk.inputs!.claims).toEqual([expect.objectContaining({ requirement: expect.objectContaining({ need: 1 }) })]);
    const grown = await provider.check(old, { requirements: [{ service: 'kms', type: 'CMK', need: 4 }] });
    expect(grown.failures?.[0]?.reason).toMatch(/CMK\s+4\s+3\s+0\s+1\s+SHORT/);
    cmk().used = 20;
  });

  it('check() gives no verdict on unknown requirements, but judges when only __provider holds the sentinel', async () => {
    const before = emulator.requests.kms;
    const unknown = { requirements: [{ service: 'kms' as const, type: 'CMK', need: UNKNOWN as unknown as number }] };
    expect(await provider.check({}, unknown)).toEqual({ inputs: unknown });
    expect(emulator.requests.kms).toBe(before);
    const withProvider = await provider.check({}, { ...SHORT, __provider: `exports.handler = () => "${UNKNOWN}";` });
    expect(withProvider.failures).toHaveLength(1);
  });

  it('a margin applies to growth only', async () => {
    const withMargin = { ...FITS, margin: { percentOfQuota: 95 } };
    expect((await provider.check({}, withMargin)).failures?.[0]?.reason).toMatch(/10 \(\+95 margin\)\s+0\s+100\s+5\s+SHORT/);
    const old = await granted(FITS);
    expect((await provider.check(old, withMargin)).failures).toBeUndefined();
  });

  it('create() and update() judge again and record the claim; diff() sees a changed grant, not fresh readings', async () => {
    const created = await provider.create(await granted(FITS));
    expect(created.id).toMatch(/^quota-guard-/);
    expect(created.outs.checks).toEqual([expect.objectContaining({ met: true, headroom: 100, scope: expect.stringContaining('kms cn-north-4') })]);
    expect(Date.parse(created.outs.checkedAt as string)).not.toBeNaN();
    await expect(provider.create(SHORT)).rejects.toThrow(/short for 1 of 1/);
    const grown = { requirements: [{ service: 'kms' as const, type: 'grant_per_CMK', need: 20 }] };
    const updated = await provider.update(created.id, created.outs, grown);
    expect(updated.outs?.checks).toEqual([expect.objectContaining({ claimed: 10, headroom: 100 })]);
    const recheck = await granted(FITS);
    expect(await provider.diff(created.id, created.outs, { ...recheck, checks: [] })).toEqual({ changes: false });
    expect(await provider.diff(created.id, created.outs, await granted(grown))).toEqual({ changes: true });
    expect(await provider.diff(created.id, created.outs, FITS)).toEqual({ changes: true });
  });

  it('read() re-reads the claimed quotas, and keeps the state when it cannot', async () => {
    const created = await provider.create(await granted(FITS));
    emulator.state.accounts[0]!.projects[0]!.kmsQuotas.find((quota) => quota.type === 'grant_per_CMK')!.used = 40;
    clearSharedState();
    const read = await provider.read(created.id, created.outs);
    expect(read.props?.checks).toEqual([expect.objectContaining({ used: 40, headroom: 60 })]);
    expect(read.props?.claims).toEqual(created.outs.claims);
    const unreadable = { ...created.outs, endpoints: { kms: 'http://127.0.0.1:1' } };
    expect(await provider.read(created.id, unreadable)).toEqual({ id: created.id, props: unreadable });
  });

  it('configure() keeps the stack config for later reads, own namespace before the provider\'s', async () => {
    const config = (values: Record<string, string>) => ({ config: { get: (key: string) => values[key], require: (key: string) => values[key]! } });
    await provider.configure(config({ 'huaweicloud:region': 'eu-west-101' }));
    const eu = await provider.create(FITS);
    expect((eu.outs.checks as { scope: string }[])[0]!.scope).toContain('eu-west-101');
    await provider.configure(config({ 'huaweicloud-quotas:accessKey': 'HPUAEMULATORROOT0001', 'huaweicloud-quotas:secretKey': 'a-wrong-secret-key-0000000000' }));
    const refused = await provider.check({}, FITS);
    expect(refused.failures?.[0]?.reason).toMatch(/^hwquota: service: APIGW\.0301/);
    await provider.configure(config({}));
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
    expect(fits).toMatchObject({ inputs: { ...FITS, claims: [expect.objectContaining({ requirement: expect.objectContaining(FITS.requirements[0]) })] } });
    expect(short.failures[0]!.reason).toContain('SHORT');
    for (const secret of [emulator.env.HUAWEICLOUD_SDK_SK!, 'EmulatorUserSecretKey', 'MIIEemulator']) expect(text).not.toContain(secret);
    expect(text.length).toBeLessThan(50_000);
  });
});
