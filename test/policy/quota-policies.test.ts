import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { quotaPolicies, QUOTA_POLICY_NAMES, type QuotaPolicies, type QuotaPolicyOptions } from '../../provider/policy';
import { clearSharedState } from '../support/shared-state';
import { analyze, policyProxy, type Declared } from './validator-args';

const CN4 = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const CN4_DEV = '34bdce22bc00d4d4402427d1aa0ae49a';
const EU = 'fefd03d0f5479c9faf101287fbfd0e17';
const DOMAIN = 'b933a12c403702918e1c1f0c738433a3';
const MAY_INCLUDE = 'The count may include resources that already exist, which are already in "used"; it is said once a run, at the resource that crosses the headroom, so the stack may declare more.';

const KEY = 'huaweicloud:Dew/key:Key';
const TURBO = 'huaweicloud:Sfs/turbo:Turbo';
const NOTHING = { mandatory: [], advisory: [] };

let emulator: RunningEmulator;
const opened: QuotaPolicies[] = [];
beforeEach(async () => {
  clearSharedState();
  emulator = await startEmulator();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((policies) => policies.close()));
  await emulator.stop();
});

/** Policies for one run, configured by the emulator's environment (as a pack run in its shell would be). */
function policiesForRun(options: QuotaPolicyOptions = {}): QuotaPolicies {
  const policies = quotaPolicies({ ...options, settings: { env: emulator.env, retryBaseDelayMs: 1, ...options.settings } });
  opened.push(policies);
  return policies;
}

const account = () => emulator.state.accounts[0]!;
const project = (name: string) => account().projects.find((candidate) => candidate.name === name)!;
const kmsCmk = (name = 'cn-north-4') => project(name).kmsQuotas.find((quota) => quota.type === 'CMK')!;
const sfsTurbo = (type: 'shares' | 'capacity') => project('cn-north-4').sfsTurboQuotas.find((quota) => quota.type === type)!;
const iamAccount = (type: string) => account().iamQuotas.find((quota) => quota.type === type)!;
const key = (name: string, props: Record<string, unknown> = {}, more: Partial<Declared> = {}): Declared => ({ type: KEY, name, props: { keyAlias: name, ...props }, ...more });

describe('the policies', () => {
  it('are a mandatory and an advisory resource policy, with the config schema', () => {
    const { fits, headroom, policies } = policiesForRun();
    expect(policies).toEqual([fits, headroom]);
    expect([fits.name, fits.enforcementLevel, headroom.name, headroom.enforcementLevel]).toEqual([QUOTA_POLICY_NAMES.fits, 'mandatory', QUOTA_POLICY_NAMES.headroom, 'advisory']);
    expect(Object.keys(fits.configSchema!.properties)).toEqual(['region', 'projectId', 'projectName', 'domainId', 'cloud', 'endpoints', 'rules']);
  });

  it('leave other resource types alone, without a request', async () => {
    expect(await analyze(policiesForRun(), { type: 'huaweicloud:Obs/bucket:Bucket', name: 'logs', props: { bucket: 'logs' } })).toEqual(NOTHING);
    expect(Object.values(emulator.requests).reduce((sum, count) => sum + count, 0)).toBe(0);
  });
});

describe('counting KMS keys across the stack, one validator call per resource', () => {
  it('says nothing while they fit, advises once past today’s headroom, and stops the key that exceeds the whole quota', async () => {
    kmsCmk().used = 18;
    const policies = policiesForRun();
    const reported = [];
    for (let index = 1; index <= 21; index += 1) reported.push(await analyze(policies, key(`key-${index}`)));

    expect(reported.slice(0, 2)).toEqual([NOTHING, NOTHING]);
    expect(reported[2]).toEqual({
      mandatory: [],
      advisory: [`${KEY} "key-3": this stack declares 3 KMS CMK in cn-north-4 (project ${CN4}), but only 2 are free today (18 of 20 used): up to 1 short. ${MAY_INCLUDE}`],
    });
    // One finding per quota and run: the keys after the third add no line.
    expect(reported.slice(3, 20).every((one) => one.mandatory.length === 0 && one.advisory.length === 0)).toBe(true);
    expect(reported[20]).toEqual({
      mandatory: [`${KEY} "key-21": this stack declares 21 KMS CMK in cn-north-4 (project ${CN4}), but the quota is 20: it can never fit (1 over). Declare less, or ask for a higher quota.`],
      advisory: [],
    });
    // One read for the whole run, shared by both policies.
    expect(emulator.requests.kms).toBe(1);
  });

  it('counts a resource analysed again once, with its latest amounts', async () => {
    kmsCmk().used = 19;
    const policies = policiesForRun();
    expect(await analyze(policies, key('key-a'))).toEqual(NOTHING);
    expect(await analyze(policies, key('key-a'))).toEqual(NOTHING);
    expect((await analyze(policies, key('key-b'))).advisory).toEqual([expect.stringContaining('declares 2 KMS CMK')]);
  });

  it('starts every run from zero', async () => {
    kmsCmk().used = 19;
    expect(await analyze(policiesForRun(), key('key-a'))).toEqual(NOTHING);
    expect(await analyze(policiesForRun(), key('key-b'))).toEqual(NOTHING);
  });

  it('says nothing for an unlimited quota', async () => {
    kmsCmk().quota = -1;
    const policies = policiesForRun();
    for (const name of ['key-a', 'key-b', 'key-c']) expect(await analyze(policies, key(name))).toEqual(NOTHING);
  });
});

describe('SFS Turbo: one share and its size in GB of capacity', () => {
  it('stops the file system whose size takes the stack past the capacity quota', async () => {
    const policies = policiesForRun();
    expect(await analyze(policies, { type: TURBO, name: 'files-a', props: { size: 15 } })).toEqual(NOTHING);
    expect(await analyze(policies, { type: TURBO, name: 'files-b', props: { size: 10 } })).toEqual({
      mandatory: [`${TURBO} "files-b": this stack declares 25 GB of SFS Turbo capacity in cn-north-4 (project ${CN4}), but the quota is 20 GB: it can never fit (5 GB over). Declare less, or ask for a higher quota.`],
      advisory: [],
    });
  });

  it('advises when the size is more than the capacity free today, and counts shares', async () => {
    sfsTurbo('capacity').used = 12;
    sfsTurbo('shares').quota = 6;
    const policies = policiesForRun();
    expect(await analyze(policies, { type: TURBO, name: 'files', props: { size: 10 } })).toEqual({
      mandatory: [],
      advisory: [`${TURBO} "files": this stack declares 10 GB of SFS Turbo capacity in cn-north-4 (project ${CN4}), but only 8 GB are free today (12 of 20 GB used): up to 2 GB short. ${MAY_INCLUDE}`],
    });
    // Capacity was said already this run; shares are new.
    expect((await analyze(policies, { type: TURBO, name: 'more-files', props: { size: 0 } })).advisory).toEqual([
      `${TURBO} "more-files": this stack declares 2 SFS Turbo shares in cn-north-4 (project ${CN4}), but only 1 is free today (5 of 6 used): up to 1 short. ${MAY_INCLUDE}`,
    ]);
  });
});

describe('IAM: users, groups and agencies against the account, projects against their region', () => {
  it('maps each type to its account quota', async () => {
    iamAccount('user').quota = 2;
    iamAccount('user').used = 1;
    iamAccount('group').quota = 1;
    iamAccount('group').used = 1;
    iamAccount('agency').quota = 0;
    iamAccount('agency').used = 0;
    const policies = policiesForRun();
    const user = (name: string) => analyze(policies, { type: 'huaweicloud:Iam/user:User', name, props: { name } });
    expect(await user('alice')).toEqual(NOTHING);
    expect((await user('bob')).advisory).toEqual([
      `huaweicloud:Iam/user:User "bob": this stack declares 2 IAM user in account ${DOMAIN}, but only 1 is free today (1 of 2 used): up to 1 short. ${MAY_INCLUDE}`,
    ]);
    expect((await user('carol')).mandatory).toEqual([expect.stringContaining(`declares 3 IAM user in account ${DOMAIN}, but the quota is 2: it can never fit (1 over)`)]);
    expect((await analyze(policies, { type: 'huaweicloud:Iam/group:Group', name: 'ops' })).advisory).toEqual([expect.stringContaining('declares 1 IAM group in account')]);
    expect((await analyze(policies, { type: 'huaweicloud:Iam/agency:Agency', name: 'ecs' })).mandatory).toEqual([expect.stringContaining('declares 1 IAM agency in account')]);
    expect(emulator.requests.account).toBe(1);
  });

  it('counts a project against the region its name starts with', async () => {
    const eu = project('eu-west-101').iamQuotas[0]!;
    eu.quota = 1;
    eu.used = 1;
    const policies = policiesForRun();
    expect(await analyze(policies, { type: 'huaweicloud:Iam/project:Project', name: 'ci', props: { name: 'eu-west-101_ci' } })).toEqual({
      mandatory: [],
      advisory: [`huaweicloud:Iam/project:Project "ci": this stack declares 1 IAM project in eu-west-101 (project ${EU}), but only 0 are free today (1 of 1 used): up to 1 short. ${MAY_INCLUDE}`],
    });
    // An auto-named project (no region in its name) falls back to the default region: cn-north-4, 4 of 10 used.
    expect(await analyze(policies, { type: 'huaweicloud:Iam/project:Project', name: 'tmp', props: { name: 'tmp-1a2b3c' } })).toEqual(NOTHING);
  });
});

const INSTANCE = 'huaweicloud:Ecs/instance:Instance';
const VOLUME = 'huaweicloud:Evs/volume:Volume';
const ecsQuota = (type: string) => project('cn-north-4').ecsQuotas.find((quota) => quota.type === type)!;
const evsQuota = (type: string) => project('cn-north-4').evsQuotas.find((quota) => quota.type === type)!;
const instance = (name: string, props: Record<string, unknown>): Declared => ({ type: INSTANCE, name, props: { name, imageId: 'img', ...props } });

describe('ECS instances: one instance, its flavor’s vCPUs and memory, and its disks in EVS', () => {
  it('counts vCPUs and memory by flavor (ID or name), looking the flavors up once per region and run', async () => {
    Object.assign(ecsQuota('cores'), { quota: 48, used: 40 });
    Object.assign(ecsQuota('ram'), { quota: 100_000, used: 40_000 });
    const policies = policiesForRun();
    expect(await analyze(policies, instance('web-1', { flavorId: 'c7.xlarge.2', systemDiskSize: 40 }))).toEqual(NOTHING);
    // 4 + 8 vCPUs: 12 declared, 8 free today, 48 in all.
    expect((await analyze(policies, instance('web-2', { flavorName: 'c7.2xlarge.4', systemDiskSize: 40 }))).advisory).toEqual([
      `${INSTANCE} "web-2": this stack declares 12 ECS cores in cn-north-4 (project ${CN4}), but only 8 are free today (40 of 48 used): up to 4 short. ${MAY_INCLUDE}`,
    ]);
    // Memory: 8,192 + 32,768 + 65,536 = 106,496 MiB, more than the whole quota. (Cores were said once already.)
    expect((await analyze(policies, instance('db-1', { flavorId: 'c7.4xlarge.4', systemDiskSize: 40 }))).mandatory).toEqual([
      `${INSTANCE} "db-1": this stack declares 106496 MiB of ECS ram in cn-north-4 (project ${CN4}), but the quota is 100000 MiB: it can never fit (6496 MiB over). Declare less, or ask for a higher quota.`,
    ]);
    expect(emulator.requests['ecs-flavors']).toBe(1);
    expect(emulator.requests.ecs).toBe(1);
  });

  it('counts the system disk and each data disk as EVS disks and gigabytes, in total and per disk type', async () => {
    Object.assign(evsQuota('volumes'), { limit: 110, in_use: 108, reserved: 0 });
    Object.assign(evsQuota('gigabytes_SSD'), { limit: 100, in_use: 21, reserved: 0 });
    const policies = policiesForRun();
    // Disks: the system disk and two data disks; SSD: 40 + 50 GiB.
    const dataDisks = [{ type: 'SSD', size: 50 }, { type: 'SAS', size: 100 }];
    const reported = await analyze(policies, instance('app', { flavorId: 's6.large.2', systemDiskType: 'SSD', systemDiskSize: 40, dataDisks }));
    expect(reported.mandatory).toEqual([]);
    expect(reported.advisory).toEqual([
      `${INSTANCE} "app": this stack declares 3 EVS volumes in cn-north-4 (project ${CN4}), but only 2 are free today (108 of 110 used): up to 1 short. ${MAY_INCLUDE}`,
      `${INSTANCE} "app": this stack declares 90 GiB of EVS gigabytes_SSD in cn-north-4 (project ${CN4}), but only 79 GiB are free today (21 of 100 GiB used): up to 11 GiB short. ${MAY_INCLUDE}`,
    ]);
    // A disk type the region has no per-type quota for (here GPSSD in eu-west-101) is no finding.
    expect(await analyze(policies, { type: VOLUME, name: 'scratch', props: { region: 'eu-west-101', size: 10, volumeType: 'GPSSD' } })).toEqual(NOTHING);
  });

  it('an instance without systemDiskSize: its system disk is counted, its gigabytes said to be unknown, once a run', async () => {
    const policies = policiesForRun();
    expect((await analyze(policies, instance('one', { flavorId: 's6.large.2' }))).advisory).toEqual([
      `${INSTANCE} "one": EVS gigabytes could not be checked: the resource sets no systemDiskSize.`,
    ]);
    expect(await analyze(policies, instance('two', { flavorId: 's6.large.2' }))).toEqual(NOTHING);
  });

  it('counts in the order resources arrive, even while a flavor is looked up', async () => {
    Object.assign(ecsQuota('instances'), { quota: 23, used: 22 });
    // A resource counted without a lookup, arriving while the instance before it waits for the flavors.
    const policies = policiesForRun({ rules: { 'x:ecs/pool:Pool': [{ service: 'ecs', type: 'instances' }] } });
    const reported = await Promise.all([
      analyze(policies, instance('first', { flavorId: 's6.small.1', systemDiskSize: 40 })),
      analyze(policies, { type: 'x:ecs/pool:Pool', name: 'second' }),
    ]);
    // The instance came first: it takes the one free instance, and the pool is the one short.
    expect(reported.map((one) => one.advisory)).toEqual([
      [],
      [`x:ecs/pool:Pool "second": this stack declares 2 ECS instances in cn-north-4 (project ${CN4}), but only 1 is free today (22 of 23 used): up to 1 short. ${MAY_INCLUDE}`],
    ]);
  });

  it('a flavor the region does not list, or none named, is said so; the rest is still counted', async () => {
    const policies = policiesForRun();
    expect((await analyze(policies, instance('odd', { flavorId: 'x9.huge.8', systemDiskSize: 40 }))).advisory).toEqual([
      `${INSTANCE} "odd": ECS cores could not be checked: ECS lists no flavors "x9.huge.8" in cn-north-4.`,
      `${INSTANCE} "odd": ECS ram could not be checked: ECS lists no flavors "x9.huge.8" in cn-north-4.`,
    ]);
    expect((await analyze(policiesForRun(), instance('bare', { systemDiskSize: 40 }))).advisory).toEqual([
      `${INSTANCE} "bare": ECS cores could not be checked: the resource sets none of flavorId, flavorName.`,
      `${INSTANCE} "bare": ECS ram could not be checked: the resource sets none of flavorId, flavorName.`,
    ]);
  });
});

describe('the region of a resource', () => {
  beforeEach(() => {
    kmsCmk('cn-north-4').used = 0;
    kmsCmk('eu-west-101').used = 20;
  });
  const fullInEu = (name: string) => [`${KEY} "${name}": this stack declares 1 KMS CMK in eu-west-101 (project ${EU}), but only 0 are free today (20 of 20 used): up to 1 short. ${MAY_INCLUDE}`];

  it('is its region property, which beats its provider’s', async () => {
    expect((await analyze(policiesForRun(), key('k', { region: 'eu-west-101' }, { providerProps: { region: 'cn-north-4' } }))).advisory).toEqual(fullInEu('k'));
  });

  it('else its provider’s region, which beats the policy config', async () => {
    expect((await analyze(policiesForRun(), key('k', {}, { providerProps: { region: 'eu-west-101' }, config: { region: 'cn-north-4' } }))).advisory).toEqual(fullInEu('k'));
  });

  it('else the policy config’s region, which beats HW_REGION_NAME', async () => {
    expect((await analyze(policiesForRun(), key('k', {}, { config: { region: 'eu-west-101' } }))).advisory).toEqual(fullInEu('k'));
  });

  it('else HW_REGION_NAME; and each region has its own count', async () => {
    const policies = policiesForRun();
    expect(await analyze(policies, key('here'))).toEqual(NOTHING);
    expect((await analyze(policies, key('there', { region: 'eu-west-101' }))).advisory).toEqual(fullInEu('there'));
    expect(await analyze(policies, key('here-too'))).toEqual(NOTHING);
  });
});

describe('settings from the policy config', () => {
  it('projectName picks the project of the config region', async () => {
    kmsCmk('cn-north-4_dev').used = 20;
    const reported = await analyze(policiesForRun(), key('k', {}, { config: { projectName: 'cn-north-4_dev' } }));
    expect(reported.advisory).toEqual([expect.stringContaining(`declares 1 KMS CMK in cn-north-4 (project ${CN4_DEV}), but only 0 are free today`)]);
  });

  it('rules turn a type off, or count another type in the same scope', async () => {
    kmsCmk().used = 19;
    const policies = policiesForRun({ rules: { 'example:kms/key:Key': [{ service: 'kms', type: 'CMK' }] } });
    expect(await analyze(policies, key('k', {}, { config: { rules: { [KEY]: [] } } }))).toEqual(NOTHING);
    expect(await analyze(policies, key('k1'))).toEqual(NOTHING);
    expect((await analyze(policies, { type: 'example:kms/key:Key', name: 'k2' })).advisory).toEqual([expect.stringContaining('"k2": this stack declares 2 KMS CMK')]);
  });

  it('an unknown key is one violation per policy, naming it and the keys there are; other providers are left alone', async () => {
    const policies = policiesForRun();
    const config = { regoin: 'cn-north-4' };
    const keys = 'the keys are region, projectId, projectName, domainId, cloud, endpoints, rules.';
    expect(await analyze(policies, { type: 'aws:s3/bucket:Bucket', name: 'b', config })).toEqual(NOTHING);
    expect(await analyze(policies, key('k1', {}, { config }))).toEqual({ mandatory: [`policy config: unknown key "regoin"; ${keys}`], advisory: [`policy config: unknown key "regoin"; ${keys}`] });
    expect(await analyze(policies, key('k2', {}, { config }))).toEqual(NOTHING);
    expect(emulator.requests.kms).toBe(0);
  });
});

describe('values not known during a preview', () => {
  it('give an advisory for the use they decide, and the rest is still counted', async () => {
    sfsTurbo('shares').quota = 5;
    const policies = policiesForRun();
    expect(await analyze(policies, { type: TURBO, name: 'files', props: { size: policyProxy.unknownNumberValue } })).toEqual({
      mandatory: [],
      advisory: [
        `${TURBO} "files": SFS Turbo capacity could not be checked: size is not known yet.`,
        `${TURBO} "files": this stack declares 1 SFS Turbo shares in cn-north-4 (project ${CN4}), but only 0 are free today (5 of 5 used): up to 1 short. ${MAY_INCLUDE}`,
      ],
    });
    // The unknown size was not counted: 20 GB still fit; the shares were said already, and so was the unknown size.
    expect(await analyze(policies, { type: TURBO, name: 'more-files', props: { size: 20 } })).toEqual(NOTHING);
    expect(await analyze(policies, { type: TURBO, name: 'even-more', props: { size: policyProxy.unknownNumberValue } })).toEqual(NOTHING);
  });

  it('an unknown region, of the resource or of its provider, is not guessed', async () => {
    const policies = policiesForRun();
    expect(await analyze(policies, key('k', { region: policyProxy.unknownStringValue }))).toEqual({ mandatory: [], advisory: [`${KEY} "k": KMS CMK could not be checked: region is not known yet.`] });
    expect(await analyze(policies, key('p', {}, { providerProps: { region: policyProxy.unknownStringValue } }))).toEqual({
      mandatory: [],
      advisory: [`${KEY} "p": KMS CMK could not be checked: its provider's region is not known yet.`],
    });
    expect(emulator.requests.kms).toBe(0);
  });

  it('a missing or unusable size, or no region anywhere, is said so', async () => {
    const policies = policiesForRun();
    expect((await analyze(policies, { type: TURBO, name: 'none', props: {} })).advisory).toContain(`${TURBO} "none": SFS Turbo capacity could not be checked: the resource sets no size.`);
    expect((await analyze(policies, { type: TURBO, name: 'text', props: { size: 'big' } })).advisory).toContain(`${TURBO} "text": SFS Turbo capacity could not be checked: size is "big", not a number ≥ 0.`);
    const { HW_REGION_NAME: _, ...noRegion } = emulator.env;
    expect(await analyze(policiesForRun({ settings: { env: noRegion } }), key('k'))).toEqual({
      mandatory: [],
      advisory: [`${KEY} "k": KMS CMK could not be checked: no region: the resource sets no region, and neither its provider, the policy config nor HW_REGION_NAME names one.`],
    });
  });
});

describe('a quota that cannot be read', () => {
  it('gives an advisory with the error, no secret, and no second request in the run', async () => {
    const wrongSecret = 'WrongSecretKeyForThePolicyTest00000000001';
    const policies = policiesForRun({ settings: { env: { ...emulator.env, HUAWEICLOUD_SDK_SK: wrongSecret } } });
    const first = await analyze(policies, key('k1'));
    const second = await analyze(policies, key('k2'));
    expect(first.mandatory).toEqual([]);
    expect(first.advisory).toEqual([expect.stringMatching(new RegExp(`^${KEY} "k1": KMS CMK in cn-north-4 could not be checked: reading the quota failed: .*APIGW\\.0301`))]);
    expect(second.advisory).toEqual([]);
    for (const message of [...first.advisory, ...second.advisory]) {
      expect(message).not.toContain(wrongSecret);
      expect(message).not.toContain(emulator.env.HUAWEICLOUD_SDK_SK);
    }
    expect(emulator.requests.kms).toBe(1);
  });

  it('without credentials, says where it looked', async () => {
    const { HUAWEICLOUD_SDK_AK: _ak, HUAWEICLOUD_SDK_SK: _sk, ...noKeys } = emulator.env;
    const reported = await analyze(policiesForRun({ settings: { env: noKeys } }), { type: 'huaweicloud:Iam/user:User', name: 'alice' });
    expect(reported).toEqual({ mandatory: [], advisory: [expect.stringMatching(/^huaweicloud:Iam\/user:User "alice": IAM user could not be checked: reading the quota failed: .*HUAWEICLOUD_SDK_AK/)] });
  });

  it('and a quota the service does not report, or whose usage it does not report, is said so', async () => {
    kmsCmk().used = 0;
    const policies = policiesForRun({ rules: { 'example:iam/mapping:Mapping': [{ service: 'account', type: 'mapping' }] } });
    expect(await analyze(policies, { type: 'example:iam/mapping:Mapping', name: 'm' })).toEqual({
      mandatory: [],
      advisory: [`example:iam/mapping:Mapping "m": IAM mapping in account ${DOMAIN} could not be checked against today's headroom: the service does not report its usage.`],
    });
    project('cn-north-4').kmsQuotas.splice(0, 1);
    expect(await analyze(policies, key('k'))).toEqual({
      mandatory: [],
      advisory: [`${KEY} "k": KMS CMK could not be checked: the service reports no "CMK" quota in cn-north-4 (project ${CN4}).`],
    });
  });
});
