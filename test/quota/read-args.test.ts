import { describe, expect, it } from 'vitest';
import { quotaApi } from '../../provider/apis/defined-apis';
import { checkArgs, readArgsSchema } from '../../provider/quota/read-args';
import { QuotaRequirementList } from '../../provider/quota/requirement-schema';
import { QUOTA_SERVICES } from '../../provider/apis/quota-apis';

const AccountQuotasArgs = readArgsSchema(quotaApi('account'));
const ProjectScopeArgs = readArgsSchema(quotaApi('kms'));
const MetaStudioArgs = readArgsSchema(quotaApi('metastudio'));

const fails = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { kind: string; field: string; message: string };
  }
  throw new Error('expected a failure');
};

describe('argument checks', () => {
  it('name the field and the allowed values', () => {
    expect(fails(() => checkArgs(AccountQuotasArgs, { type: 'assignment_group_mp' }))).toMatchObject({
      kind: 'invalid-argument', field: 'type', message: expect.stringContaining("'assigment_group_mp'"),
    });
    expect(fails(() => checkArgs(ProjectScopeArgs, { region: 'north-4' })).message).toBe('region: must be a Huawei Cloud region ID such as cn-north-4 or eu-west-101');
    expect(fails(() => checkArgs(MetaStudioArgs, { userId: 'a/../b' })).message).toMatch(/^userId: must be 1 to 64 characters/);
    expect(fails(() => checkArgs(ProjectScopeArgs, { regoin: 'cn-north-4' })).message).toBe('arguments: unknown argument "regoin"');
    expect(checkArgs(ProjectScopeArgs, undefined)).toEqual({});
  });

  it('check requirements: service, type per service, need, and userId for MetaStudio', () => {
    const check = (requirements: unknown) => fails(() => checkArgs(QuotaRequirementList, requirements, 'requirements'));
    expect(check([{ service: 'rds', type: 'x', need: 1 }])).toMatchObject({ field: 'requirements[0].service', message: expect.stringContaining(QUOTA_SERVICES.map((name) => `'${name}'`).join(' | ')) });
    expect(check([{ service: 'kms', type: 'CMK', need: 1 }, { service: 'kms', type: 'cmk', need: 1 }])).toMatchObject({
      field: 'requirements[1].type', message: 'requirements[1].type: kms quota types are CMK, grant_per_CMK; got "cmk"',
    });
    for (const need of [-1, Number.POSITIVE_INFINITY, Number.NaN, '3']) {
      expect(check([{ service: 'kms', type: 'CMK', need }]).message).toBe('requirements[0].need: must be a finite number ≥ 0');
    }
    expect(check([{ service: 'metastudio', type: 'voice_clone_basic', need: 1 }]).message).toContain('requirements[0].userId: MetaStudio quotas are per IAM user');
  });
});
