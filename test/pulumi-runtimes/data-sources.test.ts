import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { UNKNOWN } from './struct';
import { messages, passed, testStack, type TestStack } from './test-stack';

// Issue 14: a failing data source ends the run with a clean message (no stack, no JSON blob), as the guards do; and
// the Output form is unknown in preview while a resource it depends on is being created. Through Pulumi's program
// runner, with the built package.

let emulator: RunningEmulator;
let stack: TestStack;
beforeAll(async () => {
  emulator = await startEmulator();
  stack = testStack(join(__dirname, 'programs', 'data-sources'), { name: 'data-sources', emulator, config: { 'data-sources:case': 'promise' } });
});
afterAll(async () => {
  stack.remove();
  await emulator.stop();
});

/** The run failed with exit code 32 (a RunError) and this one error, which has no stack and no JSON. */
function cleanFailure(run: Awaited<ReturnType<TestStack['preview']>>, pattern: RegExp) {
  expect(run.ok).toBe(false);
  expect(run.exitCode).toBe(32);
  const errors = messages(run, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(errors[0]).not.toMatch(/\n\s+at |\{"|HuaweiCloudError/);
  expect(run.output).not.toMatch(/\n\s+at .*(invoke|quota)/);
}

it('a failing Promise form and Output form end the run with hwquota: <kind>: <message>, no stack', { timeout: 120_000 }, async () => {
  stack.configure({ 'huaweicloud-quotas:accessKey': 'HPUAEMULATORROOT0001', 'huaweicloud-quotas:secretKey': 'wrong-secret-key-000000000000' });
  cleanFailure(await stack.preview(), /^hwquota: service: .*APIGW\.0301/);
  stack.configure({ 'data-sources:case': 'output' });
  cleanFailure(await stack.preview(), /^hwquota: service: .*APIGW\.0301/);
  stack.configure({ 'data-sources:case': 'version', 'huaweicloud-quotas:accessKey': undefined, 'huaweicloud-quotas:secretKey': undefined });
  cleanFailure(await stack.preview(), /^hwquota: invalid-argument: version: /);
});

it('the Output form is unknown in preview while a component it depends on has a child being created, and read in the update', { timeout: 120_000 }, async () => {
  stack.configure({ 'data-sources:case': 'depends-on' });
  const before = emulator.requests.kms;
  const preview = passed(await stack.preview());
  expect(preview.outputs.region).toBe(UNKNOWN);
  expect(emulator.requests.kms).toBe(before);
  const update = passed(await stack.update());
  expect(update.outputs.region).toBe('cn-north-4');
});

it('over a stack\'s life (first run, unchanged, growth, shrink, destroy) the Output form reads once its keys exist', { timeout: 240_000 }, async () => {
  const cmk = emulator.state.accounts[0]!.projects.find((project) => project.name === 'cn-north-4')!.kmsQuotas.find((quota) => quota.type === 'CMK')!;
  cmk.used = 10;
  const life = testStack(join(__dirname, 'programs', 'data-sources'), { name: 'data-sources', emulator, config: { 'data-sources:case': 'keys', 'data-sources:keys': '2' } });
  try {
    // First run: unknown in the preview (the keys are being created), read after them in the update.
    const first = await life.up();
    expect(passed(first.preview).outputs.cmkUsed, JSON.stringify(first.preview.outputs)).toBe(UNKNOWN);
    expect(passed(first.update).outputs.cmkUsed).toBe(12);
    // Unchanged: the keys exist, so the preview reads too; nothing is created or replaced.
    const unchanged = await life.up();
    expect(passed(unchanged.preview).outputs.cmkUsed).toBe(12);
    expect(passed(unchanged.update).steps.every((step) => step.op === 'same')).toBe(true);
    expect(unchanged.update!.outputs.cmkUsed).toBe(12);
    // Growth: a third key, unknown until it exists.
    life.configure({ 'data-sources:keys': '3' });
    const grown = await life.up();
    expect(grown.preview.outputs.cmkUsed).toBe(UNKNOWN);
    expect(passed(grown.update).outputs.cmkUsed).toBe(13);
    // Shrink: one key; the others are deleted after the program, so the next run reads 11.
    life.configure({ 'data-sources:keys': '1' });
    passed((await life.up()).update);
    expect(cmk.used).toBe(11);
    expect(passed(await life.preview()).outputs.cmkUsed).toBe(11);
    // Destroy: every key deleted, the usage back where it was.
    passed(await life.destroy());
    expect(cmk.used).toBe(10);
  } finally {
    life.remove();
  }
});
