import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { messages, passed, QUOTA_PLACEMENT, stepped, testStack, TURBO, type TestStack } from './test-stack';

// P1 and P2 of the lifecycle issue, with examples/placement as the program: an SFS Turbo file system in the first
// region with room. cn-north-4 has 20 GB of capacity free; eu-west-101 has 100.

const placementExample = join(__dirname, '..', '..', 'examples', 'placement');
let emulator: RunningEmulator;
const capacity = (region: string) => emulator.state.accounts[0]!.projects.find((project) => project.name === region)!.sfsTurboQuotas.find((quota) => quota.type === 'capacity')!;
beforeAll(async () => {
  emulator = await startEmulator();
  capacity('eu-west-101').quota = 100;
});
afterAll(() => emulator.stop());

describe('P1: pickPlacement is sticky', () => {
  let stack: TestStack;
  beforeAll(() => {
    stack = testStack(placementExample, { name: 'placement', emulator, config: { 'placement:sizeGb': '15' } });
  });
  afterAll(() => stack.remove());
  const region = () => stack.engine.find(TURBO, 'shared-files')?.inputs.region;

  it('run 1 places 15 GB in cn-north-4', { timeout: 120_000 }, async () => {
    const { preview, update } = await stack.up();
    expect(passed(preview).outputs.region).toBe('cn-north-4');
    expect(stepped(passed(update), 'create', TURBO)).toEqual(['shared-files']);
    expect(region()).toBe('cn-north-4');
    expect(capacity('cn-north-4').used).toBe(15);
  });

  it('run 2, unchanged, stays in cn-north-4 (5 GB free there now) and replaces nothing', { timeout: 120_000 }, async () => {
    const before = emulator.requests['sfs-turbo'];
    const { preview, update } = await stack.up();
    expect(passed(preview).outputs.region).toBe('cn-north-4');
    expect(passed(update).steps.every((step) => step.op === 'same')).toBe(true);
    expect(emulator.requests['sfs-turbo']).toBe(before);
    expect(region()).toBe('cn-north-4');
  });

  it('need 25 GB fails, naming allowMove, and moves nothing', { timeout: 120_000 }, async () => {
    stack.configure({ 'placement:sizeGb': '25' });
    const { preview, update } = await stack.up();
    expect(update).toBeUndefined();
    expect(messages(preview, 'error')[0]).toMatch(/cn-north-4, where this stack is placed, cannot take its growth:[\s\S]*capacity\s+25\s+15\s+5\s+5\s+SHORT[\s\S]*allowMove: true/);
    expect(stepped(preview, 'replace')).toEqual([]);
    expect(region()).toBe('cn-north-4');
  });

  it('with allowMove it moves to eu-west-101, with a warning, replacing the file system', { timeout: 120_000 }, async () => {
    stack.configure({ 'placement:allowMove': 'true' });
    const { preview, update } = await stack.up();
    expect(messages(passed(preview), 'warning').join('\n')).toContain('moves this stack from cn-north-4 to eu-west-101');
    expect(messages(passed(update), 'warning').join('\n')).toContain('will be replaced in eu-west-101');
    expect(stepped(update!, 'replace')).toEqual(['shared-files']);
    expect(region()).toBe('eu-west-101');
    expect([capacity('cn-north-4').used, capacity('eu-west-101').used]).toEqual([0, 25]);
  });

  it('the next run stays in eu-west-101 and warns no more', { timeout: 120_000 }, async () => {
    const { update } = await stack.up();
    expect(messages(passed(update), 'warning').filter((message) => message.includes('pickPlacement'))).toEqual([]);
    expect(stepped(update!, 'replace')).toEqual([]);
    expect(region()).toBe('eu-west-101');
  });

  it('destroy releases the placement', { timeout: 120_000 }, async () => {
    const destroyed = passed(await stack.destroy());
    expect(stepped(destroyed, 'delete', QUOTA_PLACEMENT)).toHaveLength(1);
    expect(stack.engine.state).toEqual([]);
    expect(capacity('eu-west-101').used).toBe(0);
  });
});

describe('P2: a candidate that cannot be read', () => {
  let stack: TestStack;
  beforeAll(() => {
    const candidates = [{ region: 'cn-north-4', projectName: 'cn-north-4_gone' }, { region: 'eu-west-101' }];
    stack = testStack(placementExample, { name: 'placement', emulator, config: { 'placement:sizeGb': '10', 'placement:candidates': JSON.stringify(candidates) } });
  });
  afterAll(() => stack.remove());

  it('is named in a warning with the reason, and the next candidate is chosen', { timeout: 120_000 }, async () => {
    const { preview, update } = await stack.up();
    for (const run of [passed(preview), passed(update)]) {
      expect(run.outputs.region).toBe('eu-west-101');
      expect(messages(run, 'warning').join('\n')).toMatch(/could not read the quotas of cn-north-4 \(cn-north-4_gone\), so it was not chosen: .*cn-north-4_gone/);
    }
  });

  it('a placed stack is never moved by a failed read', { timeout: 120_000 }, async () => {
    stack.configure({ 'huaweicloud-quotas:endpoints': JSON.stringify({ 'sfs-turbo': 'http://127.0.0.1:1' }), 'placement:sizeGb': '11', 'placement:allowMove': 'true' });
    for (const run of [await stack.preview(), await stack.update()]) {
      expect(run.ok).toBe(false);
      expect(messages(run, 'error')[0]).toMatch(/The quotas of eu-west-101, where this stack is placed, could not be read: [\s\S]*never moved by a failed read/);
      expect(run.steps.filter((step) => step.type === TURBO)).toEqual([]);
    }
    expect(stack.engine.find(TURBO, 'shared-files')?.inputs.region).toBe('eu-west-101');
  });
});
