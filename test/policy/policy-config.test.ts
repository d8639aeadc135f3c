import { describe, expect, it } from 'vitest';
import { HuaweiCloudError } from '../../provider/client';
import { DEFAULT_QUOTA_RULES, QUOTA_POLICY_CONFIG_SCHEMA, quotaPolicies } from '../../provider/policy';
import { configSettings, parsePolicyConfig, type QuotaPolicyConfig } from '../../provider/policy/policy-config';
import { mergeQuotaRules } from '../../provider/policy/quota-rules';

const FULL_CONFIG: Required<QuotaPolicyConfig> = {
  region: 'eu-west-101',
  projectId: 'fefd03d0f5479c9faf101287fbfd0e17',
  projectName: 'eu-west-101_ci',
  domainId: 'b933a12c403702918e1c1f0c738433a3',
  cloud: 'myhuaweicloud.eu',
  endpoints: { kms: 'http://127.0.0.1:8080/kms/eu-west-101', iam: 'http://127.0.0.1:8080/iam' },
  rules: { 'huaweicloud:Dew/key:Key': [], 'example:sfs/turbo:Turbo': [{ service: 'sfs-turbo', type: 'capacity', amountFrom: 'sizeGb' }] },
};

/** The message `parsePolicyConfig` refuses a config with. */
function refusal(config: unknown): string {
  try {
    parsePolicyConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect((error as HuaweiCloudError).kind).toBe('invalid-argument');
    return (error as HuaweiCloudError).message;
  }
  throw new Error('the config was accepted');
}

describe('the policy config', () => {
  it('accepts every key of its JSON schema, and only those', () => {
    expect(Object.keys(QUOTA_POLICY_CONFIG_SCHEMA.properties).sort()).toEqual(Object.keys(FULL_CONFIG).sort());
    expect(parsePolicyConfig(FULL_CONFIG)).toEqual(FULL_CONFIG);
    expect(parsePolicyConfig({})).toEqual({});
    expect(refusal({ regoin: 'cn-north-4' })).toBe('policy config: unknown key "regoin"');
    expect(refusal({ secretKey: 'x' })).toBe('policy config: unknown key "secretKey"');
  });

  it('names the key at fault', () => {
    expect(refusal({ region: 'north' })).toBe('policy config.region: must be a Huawei Cloud region ID such as cn-north-4 or eu-west-101');
    expect(refusal({ projectId: '../x' })).toMatch(/^policy config\.projectId: must be 1 to 64 characters/);
    expect(refusal({ endpoints: { rds: 'http://127.0.0.1' } })).toMatch(/^policy config\.endpoints\.rds: /);
    expect(refusal({ endpoints: { kms: 'not a url' } })).toMatch(/^policy config\.endpoints\.kms: /);
    expect(refusal({ rules: { 'huaweicloud:Dew/key:Key': [{ service: 'kms', type: 'keys' }] } })).toBe(
      'policy config.rules.huaweicloud:Dew/key:Key[0].type: kms quota types are CMK, grant_per_CMK; got "keys"',
    );
    expect(refusal({ rules: { t: [{ service: 'metastudio', type: 'voice_clone_basic' }] } })).toMatch(/^policy config\.rules\.t\[0\]\.service: /);
    expect(refusal({ rules: { t: [{ service: 'kms', type: 'CMK', amount: 1, amountFrom: 'count' }] } })).toBe('policy config.rules.t[0].amountFrom: give one of amount, amountFrom and amountFromLookup');
    expect(refusal({ rules: { t: [{ service: 'kms', type: 'CMK', amount: -1 }] } })).toBe('policy config.rules.t[0].amount: must be a number ≥ 0');
  });

  it('sets client settings, and nothing of the rules', () => {
    const { rules: _, ...settings } = FULL_CONFIG;
    expect(configSettings(FULL_CONFIG)).toEqual(settings);
  });
});

describe('the rules', () => {
  it('merge type by type, later layers winning', () => {
    const merged = mergeQuotaRules(DEFAULT_QUOTA_RULES, { 'huaweicloud:Dew/key:Key': [] }, undefined, { 'x:y/z:Z': [{ service: 'kms', type: 'CMK', amount: 2 }] });
    expect(merged['huaweicloud:Dew/key:Key']).toEqual([]);
    expect(merged['x:y/z:Z']).toEqual([{ service: 'kms', type: 'CMK', amount: 2 }]);
    expect(merged['huaweicloud:Sfs/turbo:Turbo']).toEqual(DEFAULT_QUOTA_RULES['huaweicloud:Sfs/turbo:Turbo']);
  });

  it('given in code are checked when the policies are made', () => {
    expect(() => quotaPolicies({ rules: { 'x:y/z:Z': [{ service: 'kms', type: 'cmk' }] } })).toThrow('rules.x:y/z:Z[0].type: kms quota types are CMK, grant_per_CMK; got "cmk"');
  });
});
