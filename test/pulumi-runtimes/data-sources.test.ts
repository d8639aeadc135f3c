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
