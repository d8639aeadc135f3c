import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { PolicyPackProcess, type Violation } from './policy-pack';
import { KEY } from './test-stack';

// The CrossGuard pack through Pulumi's policy-pack runner: one process per engine operation, Analyze per resource in
// registration order, unchanged resources included. KMS CMK quota 20, 20 used: a stack whose 20 keys exist.

let emulator: RunningEmulator;
const running: PolicyPackProcess[] = [];
beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((pack) => pack.stop()));
});
afterAll(() => emulator.stop());

async function operation(config: Parameters<PolicyPackProcess['configure']>[0] = {}): Promise<PolicyPackProcess> {
  const pack = await PolicyPackProcess.start({ PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', ...emulator.env });
  running.push(pack);
  await pack.configure({ 'huaweicloud-quota-fits': { level: 'mandatory' }, 'huaweicloud-quota-headroom': { level: 'advisory' }, ...config });
  return pack;
}

/** Analyzes keys in registration order; each violation is tagged with the key it was reported on. */
async function analyzeKeys(pack: PolicyPackProcess, count: number): Promise<(Violation & { resource: string })[]> {
  const violations: (Violation & { resource: string })[] = [];
  for (let index = 1; index <= count; index += 1) {
    const name = `key-${index}`;
    violations.push(...(await pack.analyze({ type: KEY, name, properties: { keyAlias: name } })).map((violation) => ({ ...violation, resource: name })));
  }
  return violations;
}

it('a stack of 20 existing keys gets one advisory a run, not one per key', { timeout: 60_000 }, async () => {
  for (let run = 0; run < 2; run += 1) {
    const violations = await analyzeKeys(await operation(), 20);
    expect(violations).toEqual([expect.objectContaining({ policy: 'huaweicloud-quota-headroom', level: 'advisory', resource: 'key-1' })]);
    expect(violations[0]!.message).toMatch(/declares 1 KMS CMK in cn-north-4 .* but only 0 are free today/);
  }
});

it('a 21st key is stopped, once', { timeout: 60_000 }, async () => {
  const violations = await analyzeKeys(await operation(), 22);
  expect(violations.filter((violation) => violation.level === 'mandatory')).toEqual([
    expect.objectContaining({ policy: 'huaweicloud-quota-fits', resource: 'key-21', message: expect.stringContaining('declares 21 KMS CMK in cn-north-4') }),
  ]);
});

it('a misspelt config key is one violation naming it and the keys there are; other providers are never failed', { timeout: 60_000 }, async () => {
  const pack = await operation({ 'huaweicloud-quota-fits': { level: 'mandatory', properties: { regoin: 'cn-north-4' } } });
  expect(await pack.analyze({ type: 'aws:s3/bucket:Bucket', name: 'logs', properties: { bucket: 'logs' } })).toEqual([]);
  const violations = await analyzeKeys(pack, 3);
  expect(violations.filter((violation) => violation.policy === 'huaweicloud-quota-fits')).toEqual([
    expect.objectContaining({ level: 'mandatory', resource: 'key-1', message: expect.stringMatching(/unknown key "regoin"; the keys are region, projectId, projectName, domainId, cloud, endpoints, rules/) }),
  ]);
});

it('ECS instances over a stack’s life: vCPUs by flavor, one flavor lookup a run; growth warned, then stopped; shrink quiet', { timeout: 120_000 }, async () => {
  // cn-north-4: 200 vCPUs, 40 used, so 160 free; c7.4xlarge.4 has 16. Memory is made plenty, so that vCPUs decide.
  const main = emulator.state.accounts[0]!.projects.find((project) => project.name === 'cn-north-4')!;
  main.ecsQuotas.find((quota) => quota.type === 'ram')!.quota = 10_000_000;
  const INSTANCE = 'huaweicloud:Ecs/instance:Instance';
  const run = async (count: number) => {
    const flavorsBefore = emulator.requests['ecs-flavors'] ?? 0;
    const pack = await operation();
    const violations: (Violation & { resource: string })[] = [];
    for (let index = 1; index <= count; index += 1) {
      const name = `vm-${index}`;
      const properties = { name, flavorId: 'c7.4xlarge.4', systemDiskSize: 40, imageId: 'image' };
      violations.push(...(await pack.analyze({ type: INSTANCE, name, properties })).map((violation) => ({ ...violation, resource: name })));
    }
    expect((emulator.requests['ecs-flavors'] ?? 0) - flavorsBefore, 'flavor lookups in the run').toBe(1);
    return violations;
  };
  // First run, then the same stack unchanged: nothing to say.
  expect(await run(2)).toEqual([]);
  expect(await run(2)).toEqual([]);
  // Growth to 11: 176 vCPUs, more than the 160 free today: one advisory, at the instance that crosses.
  expect(await run(11)).toEqual([
    expect.objectContaining({ policy: 'huaweicloud-quota-headroom', level: 'advisory', resource: 'vm-11', message: expect.stringContaining('declares 176 ECS cores in cn-north-4') }),
  ]);
  // Growth to 13: 208 vCPUs, more than the whole quota of 200: stopped at the 13th.
  expect((await run(13)).filter((violation) => violation.level === 'mandatory')).toEqual([
    expect.objectContaining({ policy: 'huaweicloud-quota-fits', resource: 'vm-13', message: expect.stringMatching(/declares 208 ECS cores in cn-north-4 \(project \w+\), but the quota is 200: it can never fit \(8 over\)/) }),
  ]);
  // Shrunk back to 2: quiet again.
  expect(await run(2)).toEqual([]);
});
