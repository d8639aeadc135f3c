import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../provider/cli/hwquota';
import { settingsFromConfig } from '../../provider/config-settings';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { HuaweiCloudError } from '../../provider/errors';
import { createQuotaClient } from '../../provider/quota-client';
import { clearSharedState } from '../support/shared-state';

// Messages a new user hit: each names what is wrong, the field, and what is allowed, on one line.
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ lockoutMs: 60_000 });
});
afterAll(() => emulator.stop());
beforeEach(() => clearSharedState());

async function hwquota(argv: string[], env: NodeJS.ProcessEnv = emulator.env) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { HWQUOTA_METADATA_URL: 'off', ...env }, color: false });
  return { code, stdout, stderr };
}

const firstUser = () => emulator.state.accounts[0]!.metaStudioUsers[0]!.user_id;

describe('command-line flags', () => {
  it('an unknown option is named, with the closest known one and the list', async () => {
    const run = await hwquota(['get', 'kms', '--regoin', 'cn-north-4']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hwquota: usage: unknown option --regoin \(did you mean "--region"\?\); the options are --region, --endpoint, /);
    expect(run.stderr).not.toMatch(/positional/);
  });

  it('an option whose value starts with a dash says how to give it, on one line with no escaped line break', async () => {
    const run = await hwquota(['get', 'kms', '--timeout', '-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hwquota: usage: --timeout needs a value (for a value that starts with a dash, write --timeout=VALUE, e.g. --timeout=-1)\n');
    const given = await hwquota(['get', 'kms', '--timeout=-1']);
    expect(given.stderr).toBe('hwquota: usage: --timeout takes seconds, a number above 0 and at most 2147483; got "-1"\n');
    expect(given.stderr).not.toContain('\\u000a');
  });

  it('--type is refused for an API that takes none, naming those that do', async () => {
    const run = await hwquota(['get', 'kms', '--type', 'CMK']);
    expect(run).toMatchObject({ code: 2, stderr: 'hwquota: usage: --type is not an option of hwquota get kms (it is of account, vpc)\n' });
  });
});

describe('regions and users', () => {
  it('a typo in the region names it as unknown and suggests the closest region, not a sub-project', async () => {
    const run = await hwquota(['get', 'kms', '--region', 'cn-nort-4']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hwquota: invalid-argument: region: no project named "cn-nort-4" in this account: "cn-nort-4" is not a Huawei Cloud region (did you mean "cn-north-4"?)\n');
  });

  it('one MetaStudio user is "1 user"; a user the service does not list is "no such user", naming --user-id', async () => {
    const one = await hwquota(['get', 'metastudio', '--user-id', firstUser()]);
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n')[0]).toMatch(/, 1 user$/);
    const none = await hwquota(['get', 'metastudio', '--user-id', 'f'.repeat(32)]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^hwquota: invalid-argument: --user-id: no such user: the service lists no IAM user "f{32}" in project 0dea2644dc80d5d22ff1c01e3ebea6fc \(cn-north-4\)/);
  });

  it('a requirement for a user the service does not list is not met, and says no such user', async () => {
    const quotas = createQuotaClient({ env: emulator.env });
    try {
      const [check] = await quotas.evaluate([{ service: 'metastudio', type: 'video_time_2d_model', need: 1, userId: 'f'.repeat(32) }]);
      expect(check).toMatchObject({ met: false, note: expect.stringMatching(/^no such user: the service lists no IAM user "f{32}"/) });
    } finally {
      await quotas.close();
    }
  });
});

describe('authentication failures', () => {
  const wrongSecret = (accessKey: string) => ({ ...emulator.env, HUAWEICLOUD_SDK_AK: accessKey, HUAWEICLOUD_SDK_SK: 'Wrong0Secret0Key0Wrong0Secret0Key0Wrong00' });

  it('name the access key ID and where it came from (variables, stack config), never the secret', async () => {
    const run = await hwquota(['get', 'kms'], wrongSecret('HPUAEMULATORUSER0001'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/APIGW\.0301.*\[HTTP 401, .*\]; credentials sent: access key HPUAEMULATORUSER0001 from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK\n$/);
    expect(run.stderr).not.toContain('Wrong0Secret');

    const config: Record<string, string> = { 'huaweicloud-quotas:accessKey': 'HPUAEMULATORUSER0001', 'huaweicloud:secretKey': 'Wrong0Secret0Key0Wrong0Secret0Key0Wrong00' };
    const settings = settingsFromConfig((key) => config[key]);
    expect(settings.credentialsOrigin).toBe('stack config huaweicloud-quotas:accessKey and huaweicloud:secretKey');
    const quotas = createQuotaClient({ ...settings, env: { ...emulator.env, HUAWEICLOUD_SDK_AK: undefined, HUAWEICLOUD_SDK_SK: undefined } });
    try {
      const error = (await quotas.kmsQuotas().catch((caught: unknown) => caught)) as HuaweiCloudError;
      expect(error).toBeInstanceOf(HuaweiCloudError);
      expect(error.message).toMatch(/; credentials sent: access key HPUAEMULATORUSER0001 from stack config huaweicloud-quotas:accessKey and huaweicloud:secretKey$/);
      expect(JSON.stringify(error)).not.toContain('Wrong0Secret');
    } finally {
      await quotas.close();
    }
  });

  it('once the gateway has locked the key, say so and for how long, even when the secret is right again', async () => {
    // A key of its own, so that no other test meets the lock.
    const key = { accessKey: 'HPUAEMULATORLOCK0001', secretKey: 'EmulatorLockSecretKey0000000000000000001', userId: emulator.state.accounts[0]!.accessKeys[0]!.userId };
    emulator.state.accounts[0]!.accessKeys.push(key);
    for (let failure = 0; failure < 6; failure += 1) expect((await hwquota(['get', 'kms'], wrongSecret(key.accessKey))).stderr).toContain('verify aksk signature fail');
    const run = await hwquota(['get', 'kms'], { ...emulator.env, HUAWEICLOUD_SDK_AK: key.accessKey, HUAWEICLOUD_SDK_SK: key.secretKey });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/reach the limit.*; the gateway has locked access key HPUAEMULATORLOCK0001 from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK after too many failed signatures in a row; Huawei Cloud keeps a key locked for 5 minutes/);
  });
});
