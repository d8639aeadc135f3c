import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultState, EmulatorStateError, EmulatorStateSchema, METASTUDIO_QUOTA_KEYS, parseEmulatorState, readStateFile, startEmulator } from '../../provider/emulator';

const HEX32 = /^[0-9a-f]{32}$/;

describe('the default state', () => {
  it('is realistic: an account, three projects in two regions with a sub-project, root and IAM user keys, a temporary key, tokens', () => {
    const [account, ...others] = defaultState().accounts;
    expect(others).toEqual([]);
    expect(account!.name).toBe('Account');
    expect(account!.id).toMatch(HEX32);
    expect(account!.projects.map((p) => [p.name, p.region])).toEqual([
      ['cn-north-4', 'cn-north-4'],
      ['cn-north-4_dev', 'cn-north-4'],
      ['eu-west-101', 'eu-west-101'],
    ]);
    for (const project of account!.projects) expect(project.id).toMatch(HEX32);
    expect(account!.projects[1]!.parentId).toBe(account!.projects[0]!.id);
    const rootIds = account!.users.filter((user) => user.root).map((user) => user.id);
    expect(account!.accessKeys.filter((key) => rootIds.includes(key.userId) && !key.securityToken)).toHaveLength(1);
    expect(account!.accessKeys.filter((key) => !rootIds.includes(key.userId) && !key.securityToken)).toHaveLength(1);
    expect(account!.accessKeys.filter((key) => key.securityToken)).toHaveLength(1);
    expect(account!.tokens.map((token) => Object.keys(token.scope)[0]).sort()).toEqual(['domainId', 'projectId']);
  });

  it('has the numbers of the API references’ examples', () => {
    const [account] = defaultState().accounts;
    const main = account!.projects[0]!;
    expect(account!.iamQuotas).toHaveLength(10);
    expect(account!.iamQuotas[0]).toEqual({ type: 'user', quota: 50, used: 10, min: 50, max: 1000 });
    expect(account!.iamQuotas.find((q) => q.type === 'mapping')!.used).toBeNull();
    expect(main.iamQuotas).toEqual([{ type: 'project', quota: 10, used: 4, min: 0, max: 50 }]);
    expect(main.kmsQuotas).toEqual([{ type: 'CMK', quota: 20, used: 20 }, { type: 'grant_per_CMK', quota: 100, used: 0 }]);
    expect(main.sfsTurboQuotas).toEqual([{ type: 'shares', quota: 400, used: 5 }, { type: 'capacity', quota: 20, used: 0, unit: 'GB' }]);
  });

  it('lists 250 MetaStudio users, some unlimited, with fractional video minutes, the same on every run', () => {
    const users = defaultState().accounts[0]!.metaStudioUsers;
    expect(users).toHaveLength(250);
    expect(new Set(users.map((user) => user.user_id)).size).toBe(250);
    for (const user of users) expect(Object.keys(user.quota).sort()).toEqual([...METASTUDIO_QUOTA_KEYS].sort());
    const values = users.flatMap((user) => [...Object.values(user.quota), ...Object.values(user.usage)]);
    expect(values.filter((value) => value === -1).length).toBeGreaterThan(50);
    const minutes = users.flatMap((user) => [user.quota.video_time_2d_model, user.usage.video_time_2d_model, user.usage.video_time_flexus_2d_model]);
    expect(minutes.filter((value) => !Number.isInteger(value)).length).toBeGreaterThan(20);
    expect(defaultState()).toEqual(defaultState());
  });

  it('is a fresh copy every time', () => {
    const first = defaultState();
    first.accounts[0]!.projects[0]!.kmsQuotas[0]!.used = 0;
    expect(defaultState().accounts[0]!.projects[0]!.kmsQuotas[0]!.used).toBe(20);
  });
});

describe('state files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hwquota-emulator-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('round-trip: the default state written as JSON reads back the same', () => {
    const path = write('default.json', JSON.stringify(defaultState()));
    expect(readStateFile(path)).toEqual(defaultState());
  });

  it('may leave out what has a default', () => {
    const state = parseEmulatorState(
      {
        accounts: [
          {
            id: '00000000000000000000000000000001',
            name: 'Minimal',
            users: [{ id: '00000000000000000000000000000002', name: 'Minimal', root: true }],
            accessKeys: [{ accessKey: 'MINIMALKEY', secretKey: 'minimal-secret', userId: '00000000000000000000000000000002' }],
            projects: [{ id: '00000000000000000000000000000003', name: 'ap-southeast-1', region: 'ap-southeast-1' }],
          },
        ],
      },
      'minimal',
    );
    expect(state.accounts[0]!.projects[0]).toMatchObject({ enabled: true, kmsQuotas: [], sfsTurboQuotas: [], iamQuotas: [] });
    expect(state.accounts[0]!.metaStudioUsers).toEqual([]);
  });

  it('errors name the file and the place inside it', () => {
    const badRegion = defaultState();
    badRegion.accounts[0]!.projects[2]!.region = 'Europe';
    expect(() => readStateFile(write('region.json', JSON.stringify(badRegion)))).toThrow(
      new RegExp(`^${join(dir, 'region.json')}: accounts\\[0\\]\\.projects\\[2\\]\\.region: must be a region ID`),
    );
    const typo = JSON.parse(JSON.stringify(defaultState())) as { accounts: Record<string, unknown>[] };
    typo.accounts[0]!.acessKeys = [];
    expect(() => parseEmulatorState(typo, 'typo.json')).toThrow(/^typo\.json: accounts\[0\]: Unrecognized key\(s\) in object: 'acessKeys'/);
    const dangling = defaultState();
    dangling.accounts[0]!.tokens[1]!.scope = { projectId: '0123456789abcdef0123456789abcdef' };
    expect(() => parseEmulatorState(dangling, 'state')).toThrow(/accounts\[0\]\.tokens\[1\]\.scope\.projectId: no project with ID 0123456789abcdef0123456789abcdef/);
    const twice = defaultState();
    twice.accounts[0]!.accessKeys[1]!.accessKey = twice.accounts[0]!.accessKeys[0]!.accessKey;
    expect(() => parseEmulatorState(twice, 'state')).toThrow(/accounts\[0\]\.accessKeys\[1\]\.accessKey: access key HPUAEMULATORROOT0001 appears twice/);
    const orphan = defaultState();
    orphan.accounts[0]!.projects[1]!.name = 'dev';
    expect(() => parseEmulatorState(orphan, 'state')).toThrow(/accounts\[0\]\.projects\[1\]\.name: a sub-project's name starts with its region/);
    const keyless = defaultState();
    keyless.accounts[0]!.accessKeys = keyless.accounts[0]!.accessKeys.slice(1);
    expect(() => parseEmulatorState(keyless, 'state')).toThrow(/accounts\[0\]\.accessKeys: the first account needs a permanent access key of a root user/);
    expect(() => readStateFile(write('broken.json', '{"accounts": ['))).toThrow(/broken\.json: not JSON/);
    expect(() => readStateFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the state file \(ENOENT\)/);
    expect(() => parseEmulatorState({}, 'state')).toThrow(EmulatorStateError);
  });

  it('startEmulator refuses a bad state before listening', async () => {
    await expect(startEmulator({ state: { accounts: [] } })).rejects.toThrow(/^state: accounts: Array must contain at least 1 element/);
  });

  it('the schema is exported for users who build states in code', () => {
    expect(EmulatorStateSchema.safeParse(defaultState()).success).toBe(true);
  });
});
