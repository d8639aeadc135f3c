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
