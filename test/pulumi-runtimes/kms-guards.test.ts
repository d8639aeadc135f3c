import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { createQuotaClient } from '../../provider/quota-client';
import { KEY, messages, passed, QUOTA_GUARD, stepped, testStack, type TestStack } from './test-stack';

// K1 and K2 of the lifecycle issue: a stack of KMS keys guarded by requireHeadroom, then by a QuotaGuard the keys
// depend on, through Pulumi's program runner and dynamic-provider server. CMK quota 20, 17 used elsewhere.

let emulator: RunningEmulator;
/** K3's: its clock 20 minutes ahead, its lockout on (more than five failed signatures in a row lock the key). */
let skewed: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
  skewed = await startEmulator({ clockOffsetMs: 20 * 60_000 });
});
afterAll(() => Promise.all([emulator.stop(), skewed.stop()]));

function lifecycle(program: string, guardName: (stack: TestStack) => string, serve: () => RunningEmulator = () => emulator) {
  let stack: TestStack;
  const cmk = () => serve().state.accounts[0]!.projects[0]!.kmsQuotas.find((quota) => quota.type === 'CMK')!;
  beforeAll(() => {
    cmk().used = 17;
    stack = testStack(join(__dirname, 'programs', program), { name: program, emulator: serve(), config: { [`${program}:keys`]: '3' } });
  });
  afterAll(() => stack.remove());
  const claim = () => stack.engine.find(QUOTA_GUARD, guardName(stack))?.outputs.claims as { requirement: { need: number } }[] | undefined;

  it('first up: need 3 of 3 free passes, creates the keys and records the claim', { timeout: 120_000 }, async () => {
    const { preview, update } = await stack.up();
    expect(stepped(passed(preview), 'create', KEY)).toEqual(['key-1', 'key-2', 'key-3']);
    expect(stepped(passed(update), 'create', KEY)).toHaveLength(3);
    expect(cmk().used).toBe(20);
    expect(claim()?.map((held) => held.requirement.need)).toEqual([3]);
  });

  it('unchanged: preview and up pass at 20 of 20 used, read nothing, change and replace nothing', { timeout: 120_000 }, async () => {
    const before = serve().requests.kms;
    const preview = passed(await stack.preview());
    expect(preview.steps.every((step) => step.op === 'same')).toBe(true);
    const { update } = await stack.up();
    expect(passed(update).steps.map((step) => step.op)).toEqual(['same', 'same', 'same', 'same']);
    expect(serve().requests.kms).toBe(before);
    expect(cmk().used).toBe(20);
  });

  it('grown to 4 with none free: fails before a fourth key, naming need, claimed, headroom and shortfall', { timeout: 120_000 }, async () => {
    stack.configure({ [`${program}:keys`]: '4' });
    for (const run of [await stack.preview(), await stack.update()]) {
      expect(run.ok).toBe(false);
      const [failure] = messages(run, 'error');
      expect(failure).toContain('short for 1 of 1 requirement');
      expect(failure).toMatch(/SERVICE\s+SCOPE\s+TYPE\s+NEED\s+CLAIMED\s+HEADROOM\s+SHORTFALL\s+STATUS\nkms\s+kms cn-north-4 project \S+\s+CMK\s+4\s+3\s+0\s+1\s+SHORT/);
      expect(run.steps.map((step) => step.name)).not.toContain('key-4');
    }
    expect(stack.engine.find(KEY, 'key-4')).toBeUndefined();
    expect(cmk().used).toBe(20);
    expect(claim()?.map((held) => held.requirement.need)).toEqual([3]);
  });

  it('shrunk to 2: passes, deletes a key and releases one from the claim', { timeout: 120_000 }, async () => {
    stack.configure({ [`${program}:keys`]: '2' });
    const { update } = await stack.up();
    expect(stepped(passed(update), 'delete', KEY)).toEqual(['key-3']);
    expect(stepped(update!, 'update')).toEqual([guardName(stack)]);
    expect(cmk().used).toBe(19);
    expect(claim()?.map((held) => held.requirement.need)).toEqual([2]);
  });

  it('refresh re-reads the claimed quota, and never fails, even when the quota cannot be read', { timeout: 120_000 }, async () => {
    const refreshed = passed(await stack.refresh());
    expect(stepped(refreshed, 'refresh')).toEqual([guardName(stack)]);
    const checks = stack.engine.find(QUOTA_GUARD, guardName(stack))!.outputs.checks as { used: number; headroom: number; requirement: { need: number } }[];
    expect(checks).toEqual([expect.objectContaining({ used: 19, headroom: 1, requirement: expect.objectContaining({ need: 2 }) })]);
    stack.configure({ 'huaweicloud-quotas:endpoints': JSON.stringify({ kms: 'http://127.0.0.1:1', iam: 'http://127.0.0.1:1' }) });
    try {
      passed(await stack.refresh());
      expect(stack.engine.find(QUOTA_GUARD, guardName(stack))!.outputs.checks).toEqual(checks);
    } finally {
      stack.configure({ 'huaweicloud-quotas:endpoints': undefined });
    }
  });

  it('destroy deletes the keys and the claim, even with the package uninstalled', { timeout: 120_000 }, async () => {
    stack.project.uninstallPackage();
    const destroyed = passed(await stack.destroy());
    expect(stepped(destroyed, 'delete').sort()).toEqual([guardName(stack), 'key-1', 'key-2'].sort());
    expect(stack.engine.state).toEqual([]);
    expect(cmk().used).toBe(17);
  });
}

describe('K1: requireHeadroom over a stack\'s life', () => {
  lifecycle('kms-keys', () => 'quota-headroom');
});

describe('K2: a QuotaGuard the keys depend on', () => {
  lifecycle('quota-guard', () => 'kms-headroom');
});

describe('K3: requireHeadroom over a stack\'s life with the gateway\'s clock 20 minutes ahead', () => {
  // Each run is a fresh process: its first signature is refused and corrected once, and never locks the key.
  lifecycle('kms-keys', () => 'quota-headroom', () => skewed);
  it('left the access key unlocked: a read after every run still passes', { timeout: 60_000 }, async () => {
    const quotas = createQuotaClient({ env: skewed.env });
    try {
      expect((await quotas.kmsQuotas()).resources.map((resource) => resource.type)).toEqual(['CMK', 'grant_per_CMK']);
    } finally {
      await quotas.close();
    }
  });
});
