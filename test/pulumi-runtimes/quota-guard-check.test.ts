import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { DynamicProviderProcess } from './dynamic-provider';
import { UNKNOWN } from './struct';
import { KEY, messages, passed, QUOTA_GUARD, stepped, testStack, type TestStack } from './test-stack';

// G1 and the preview rule of the lifecycle issue: a QuotaGuard judged by Pulumi's own dynamic-provider server, with
// `__provider` in its inputs as the engine sends them (the serialized text holds the unknown-value sentinel).

let emulator: RunningEmulator;
let stack: TestStack;
const cmk = () => emulator.state.accounts[0]!.projects[0]!.kmsQuotas.find((quota) => quota.type === 'CMK')!;
beforeAll(async () => {
  emulator = await startEmulator();
  cmk().used = 17;
  stack = testStack(join(__dirname, 'programs', 'quota-guard'), { name: 'quota-guard', emulator, config: { 'quota-guard:keys': '25', 'quota-guard:unknownNeed': 'true' } });
});
afterAll(async () => {
  stack.remove();
  await emulator.stop();
});

it('unknown inputs in preview give no verdict and no failure; the update judges the known need', { timeout: 120_000 }, async () => {
  const preview = passed(await stack.preview());
  expect(stepped(preview, 'create', QUOTA_GUARD)).toEqual(['kms-headroom']);
  expect(messages(preview, 'error')).toEqual([]);

  const update = await stack.update();
  expect(update.ok).toBe(false);
  expect(messages(update, 'error')[0]).toMatch(/QuotaGuard resource 'kms-headroom' has a problem: Huawei Cloud quota headroom is short for 1 of 1 requirement:[\s\S]*CMK\s+25\s+0\s+2\s+23\s+SHORT/);
  expect(stepped(update, 'create', KEY)).toEqual(['marker']);

  stack.configure({ 'quota-guard:keys': '2' });
  const { update: fits } = await stack.up();
  expect(stepped(passed(fits), 'create', KEY).sort()).toEqual(['key-1', 'key-2']);
  expect(cmk().used).toBe(20);
});

it('G1: check() through the dynamic-provider server fails a short requirement, __provider notwithstanding', { timeout: 120_000 }, async () => {
  const guard = stack.engine.find(QUOTA_GUARD, 'kms-headroom')!;
  const serialized = guard.inputs.__provider as string;
  // The closure serializer captured the sentinel: a check that looked for it anywhere in the inputs never judged.
  expect(serialized).toContain(UNKNOWN);

  const server = await DynamicProviderProcess.start('127.0.0.1:1', { cwd: stack.project.dir, env: { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', ...emulator.env }, config: stack.engine.config });
  try {
    const urn = guard.urn;
    const short = await server.check(urn, guard.inputs, { requirements: [{ service: 'kms', type: 'CMK', need: 3 }], __provider: serialized });
    expect(short.failures).toEqual([{ property: '', reason: expect.stringMatching(/short for 1 of 1 requirement:[\s\S]*CMK\s+3\s+2\s+0\s+1\s+SHORT/) }]);

    const unknown = await server.check(urn, guard.inputs, { requirements: [{ service: 'kms', type: 'CMK', need: UNKNOWN }], __provider: serialized });
    expect(unknown.failures).toEqual([]);
    expect(unknown.inputs).not.toHaveProperty('claims');

    const unchanged = await server.check(urn, guard.inputs, { requirements: [{ service: 'kms', type: 'CMK', need: 2 }], __provider: serialized });
    expect(unchanged.failures).toEqual([]);
    expect(await server.diff(urn, guard.id, guard.inputs, guard.outputs, unchanged.inputs)).toEqual({ changes: 'none', replaces: [] });
  } finally {
    await server.stop();
  }
});
