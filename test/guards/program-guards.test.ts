import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultState, startEmulator, type RunningEmulator } from '../../provider/emulator';
import { hasHeadroom, pickPlacement, pickPlacementOutput, requireHeadroom } from '../../provider/index';
import { toQuotaResource } from '../../provider/quota/quota-resource';
import { clearSharedState } from '../support/shared-state';

// Pulumi mocks are process-global: this file owns them. Under mocks no provider runs the guards' resources: each guard
// judges in the program, as a first run (no claim). Their life over several runs is tested through Pulumi's own
// runtimes in test/pulumi-runtimes.
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
  Object.assign(process.env, emulator.env);
});
afterAll(async () => {
  for (const name of Object.keys(emulator.env)) delete process.env[name];
  await emulator.stop();
});
beforeEach(async () => {
  clearSharedState();
  emulator.state.accounts = defaultState().accounts;
  await pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, 'guards', 'dev', true);
});

describe('requireHeadroom', () => {
  it('registers its guard as quota-headroom, or under the name given', async () => {
    const names: string[] = [];
    await pulumi.runtime.setMocks({ newResource: (args) => (names.push(`${args.type} ${args.name}`), { id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, 'guards', 'dev', true);
    await requireHeadroom([{ service: 'kms', type: 'grant_per_CMK', need: 1 }]);
    await requireHeadroom([{ service: 'kms', type: 'grant_per_CMK', need: 1 }], { name: 'grants' });
    await pickPlacement([{ region: 'eu-west-101' }], [{ service: 'kms', type: 'CMK', need: 1 }], { name: 'keys-place' });
    expect(names).toEqual([
      'pulumi-nodejs:dynamic/huaweicloud-quotas:QuotaGuard quota-headroom',
      'pulumi-nodejs:dynamic/huaweicloud-quotas:QuotaGuard grants',
      'pulumi-nodejs:dynamic/huaweicloud-quotas:QuotaPlacement keys-place',
    ]);
  });

  it('resolves to the checks when everything fits', async () => {
    const checks = await requireHeadroom([{ service: 'kms', type: 'grant_per_CMK', need: 10 }, { service: 'account', type: 'user', need: 5 }]);
    expect(checks.map((c) => c.met)).toEqual([true, true]);
  });

  it('throws a RunError with the shortfall table when not', async () => {
    const error = await requireHeadroom([{ service: 'kms', type: 'CMK', need: 2 }, { service: 'sfs-turbo', type: 'shares', need: 1 }]).catch((e: unknown) => e);
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Huawei Cloud quota headroom is short for 1 of 2 requirements:\nSERVICE\s+SCOPE\s+TYPE\s+NEED\s+CLAIMED\s+HEADROOM\s+SHORTFALL\s+STATUS\nkms\s+.*CMK\s+2\s+0\s+0\s+2\s+SHORT\nsfs-turbo\s+.*shares\s+1\s+0\s+395\s+0\s+ok\n$/);
  });

  it('keeps a margin free: absolute and a share of the quota', async () => {
    const request = [{ service: 'kms' as const, type: 'grant_per_CMK', need: 90 }];
    await expect(requireHeadroom(request, { margin: { absolute: 5 } })).resolves.toHaveLength(1);
    await expect(requireHeadroom(request, { margin: { absolute: 5, percentOfQuota: 10 } })).rejects.toThrow(/90 \(\+15 margin\)\s+0\s+100\s+5\s+SHORT/);
    await expect(requireHeadroom(request, { margin: { percentOfQuota: 101 } })).rejects.toThrow('margin.percentOfQuota: must be a number from 0 to 100');
  });

  it('only warns with warnOnly', async () => {
    const warn = vi.spyOn(pulumi.log, 'warn').mockResolvedValue();
    try {
      const checks = await requireHeadroom([{ service: 'kms', type: 'CMK', need: 1 }], { warnOnly: true });
      expect(checks[0]!.met).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('short for 1 of 1'), expect.anything());
    } finally {
      warn.mockRestore();
    }
  });

  it('turns bad input and read failures into RunErrors without a stack', async () => {
    const bad = await requireHeadroom([{ service: 'kms', type: 'CMKs', need: 1 }]).catch((e: unknown) => e);
    expect(pulumi.RunError.isInstance(bad)).toBe(true);
    expect((bad as Error).message).toBe('hwquota: invalid-argument: requirements[0].type: kms quota types are CMK, grant_per_CMK; got "CMKs"');
    // A guard's settings go into the stack's state: credentials are refused, before any request.
    const before = emulator.requests.kms;
    const options = { accessKey: 'HPUAEMULATORROOT0001', secretKey: 'not-the-secret-key-0000000' } as Parameters<typeof requireHeadroom>[1];
    const refused = await requireHeadroom([{ service: 'kms', type: 'CMK', need: 1 }], options).catch((e: unknown) => e);
    expect(pulumi.RunError.isInstance(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/^hwquota: invalid-argument: accessKey: a guard keeps its claim in the stack's state, where credentials must not go: set them in stack config/);
    expect((refused as Error).message).not.toContain('not-the-secret-key');
    expect(emulator.requests.kms).toBe(before);
    emulator.state.accounts[0]!.accessKeys[0]!.secretKey = 'rotated-so-the-environment-key-fails-0000';
    const unread = await requireHeadroom([{ service: 'kms', type: 'CMK', need: 1 }]).catch((e: unknown) => e);
    expect((unread as Error).message).toMatch(/^hwquota: service: APIGW\.0301/);
  });
});

describe('hasHeadroom', () => {
  const resources = [toQuotaResource({ type: 'CMK', quota: 20, used: 18 }), toQuotaResource({ type: 'x', quota: -1 }), toQuotaResource({ type: 'mapping', quota: 10, used: null })];
  it('answers from a result or its resources', () => {
    expect(hasHeadroom({ resources }, 'CMK', 2)).toBe(true);
    expect(hasHeadroom(resources, 'CMK', 3)).toBe(false);
    expect(hasHeadroom(resources, 'x', 1e9)).toBe(true);
    expect(hasHeadroom(resources, 'mapping', 0)).toBe(false);
    expect(hasHeadroom(resources, 'missing', 0)).toBe(false);
  });
});

describe('pickPlacement', () => {
  it('picks the first candidate that fits, by region or sub-project name', async () => {
    emulator.state.accounts[0]!.projects[0]!.kmsQuotas[0]!.used = 20;
    const placement = await pickPlacement([{ region: 'cn-north-4' }, { region: 'cn-north-4', projectName: 'cn-north-4_dev' }, { region: 'eu-west-101' }], [{ service: 'kms', type: 'CMK', need: 5 }]);
    expect(placement.candidate).toEqual({ region: 'cn-north-4', projectName: 'cn-north-4_dev' });
    expect(placement.checks[0]).toMatchObject({ met: true, headroom: 17 });
  });

  it('says why each candidate failed, including one that cannot be read', async () => {
    const error = await pickPlacement([{ region: 'cn-east-3' }, { region: 'eu-west-101' }], [{ service: 'kms', type: 'CMK', need: 50 }]).catch((e: unknown) => e);
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/cn-east-3:\ncould not be read: region: no project named "cn-east-3"[\s\S]*eu-west-101:\nSERVICE[\s\S]*CMK\s+50\s+0\s+18\s+32\s+SHORT/);
  });

  it('has an Output form that stays unknown, without a request, while its input is unknown', async () => {
    const before = emulator.requests.kms;
    const placement = pickPlacementOutput(pulumi.output(pulumi.unknown as unknown as { region: string }[]), [{ service: 'kms', type: 'CMK', need: 1 }]);
    expect(await (placement as unknown as { isKnown: Promise<boolean> }).isKnown).toBe(false);
    expect(emulator.requests.kms).toBe(before);
    const known = pickPlacementOutput([pulumi.output({ region: 'eu-west-101' })], [{ service: 'kms', type: 'CMK', need: 1 }]);
    expect(await (known as unknown as { promise(): Promise<{ candidate: unknown }> }).promise()).toMatchObject({ candidate: { region: 'eu-west-101' } });
  });
});
