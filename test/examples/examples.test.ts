import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { KEY, messages, passed, stepped, testStack, TURBO } from '../pulumi-runtimes/test-stack';

// Each example runs as the Pulumi CLI runs it, through Pulumi's own program runner and dynamic-provider server with
// the stand-in engine keeping its state, twice or more; the emulator is the cloud.
const examples = join(__dirname, '..', '..', 'examples');
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
const project = (name: string) => emulator.state.accounts[0]!.projects.find((candidate) => candidate.name === name)!;

describe('examples/preflight', () => {
  it('stops before any key when short, then runs twice: the second, unchanged run passes at 20 of 20', { timeout: 120_000 }, async () => {
    const stack = testStack(join(examples, 'preflight'), { name: 'preflight', emulator });
    try {
      const short = await stack.preview();
      expect(short.ok).toBe(false);
      expect(messages(short, 'error')[0]).toMatch(/short for 1 of 1 requirement:\nSERVICE\s+SCOPE\s+TYPE\s+NEED\s+CLAIMED\s+HEADROOM\s+SHORTFALL\s+STATUS\nkms\s+kms cn-north-4 project \S+\s+CMK\s+3\s+0\s+0\s+3\s+SHORT/);
      expect(stepped(short, 'create', KEY)).toEqual([]);

      project('cn-north-4').kmsQuotas[0]!.used = 17;
      const first = await stack.up();
      expect(stepped(passed(first.update), 'create', KEY)).toEqual(['app-key-1', 'app-key-2', 'app-key-3']);
      expect(first.update!.outputs.cmkHeadroom).toBe(3);
      const second = await stack.up();
      expect(passed(second.update).steps.every((step) => step.op === 'same')).toBe(true);
      expect(project('cn-north-4').kmsQuotas[0]!.used).toBe(20);
    } finally {
      stack.remove();
    }
  });
});

describe('examples/placement', () => {
  it('fails with a table per candidate when no region has room, creating nothing', { timeout: 120_000 }, async () => {
    for (const name of ['cn-north-4', 'eu-west-101']) project(name).sfsTurboQuotas[1]!.used = 15;
    const stack = testStack(join(examples, 'placement'), { name: 'placement', emulator });
    try {
      const run = await stack.preview();
      expect(run.ok).toBe(false);
      expect(messages(run, 'error')[0]).toMatch(/No candidate placement has enough Huawei Cloud quota headroom:\n\ncn-north-4:\nSERVICE[\s\S]+capacity\s+10\s+0\s+5\s+5\s+SHORT[\s\S]+eu-west-101:\nSERVICE[\s\S]+capacity\s+10\s+0\s+5\s+5\s+SHORT/);
      expect(stepped(run, 'create', TURBO)).toEqual([]);
    } finally {
      stack.remove();
      for (const name of ['cn-north-4', 'eu-west-101']) project(name).sfsTurboQuotas[1]!.used = 0;
    }
  });
  // Its runs over a stack's life (first, unchanged, growth, allowMove, destroy) are P1 in test/pulumi-runtimes.
});

describe('examples/outputs', () => {
  it('exports the headroom of all five services, and fails the run when a read fails', { timeout: 120_000 }, async () => {
    const stack = testStack(join(examples, 'outputs'), { name: 'outputs', emulator });
    try {
      const { update } = await stack.up();
      expect(passed(update).outputs).toMatchObject({
        account: expect.objectContaining({ user: 40, mapping: 'unknown' }),
        project: { project: 6 },
        kms: { CMK: expect.any(Number), grant_per_CMK: 100 },
        sfsTurbo: { shares: 395, capacity: 20 },
        metaStudio: expect.objectContaining({ users: 250 }),
      });
      emulator.setFaults([{ route: 'kms', kind: '500', count: 10 }]);
      const failed = await stack.preview();
      expect(failed.ok).toBe(false);
      expect(`${messages(failed, 'error').join('\n')}\n${failed.output}`).toContain('HTTP 500');
    } finally {
      emulator.setFaults([]);
      stack.remove();
    }
  });
});
