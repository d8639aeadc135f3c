import { afterAll, describe, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError } from '../../provider/client';
import { checkGuardInputs } from '../../provider/guards/guard-inputs';
import { checkArgs } from '../../provider/quota/read-args';
import { QuotaRequirementList } from '../../provider/quota/requirement-schema';

// The library judges requirements as `hwquota check` does: every problem at once, unknown keys named with the key
// they are likely a typo of. Nothing here is sent: the checks run before any request.

const KEYS = 'keys are service, type, need, region, projectId, projectName, domainId, userId';
const client = createQuotaClient({ env: { HW_REGION_NAME: 'cn-north-4', HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK' } });
afterAll(() => client.close());

const failure = (run: () => unknown): HuaweiCloudError => {
  try {
    run();
  } catch (error) {
    if (error instanceof HuaweiCloudError) return error;
    throw error;
  }
  throw new Error('expected a failure');
};

describe('evaluate', () => {
  it('refuses an unknown key by name, suggests the key, and still reports the missing need', async () => {
    const refused = client.evaluate([{ service: 'kms', type: 'CMK', neeed: 3 } as never]);
    await expect(refused).rejects.toMatchObject({
      kind: 'invalid-argument',
      field: 'requirements[0]',
      message: `requirements[0]: unknown key "neeed" (did you mean "need"?); ${KEYS}\nrequirements[0].need: is required: a finite number ≥ 0`,
      attempts: 0,
    });
  });

  it('reports every bad entry, one line each; the error names the first field at fault', async () => {
    const refused = client.evaluate([
      { service: 'kms', type: 'CMK', need: 1 },
      { service: 'kms', type: 'CMK', need: -1 },
      { service: 'sfs-turbo', type: 'share', need: 1 },
    ] as never);
    await expect(refused).rejects.toMatchObject({
      field: 'requirements[1].need',
      message: 'requirements[1].need: must be a finite number ≥ 0\nrequirements[2].type: sfs-turbo quota types are shares, capacity; got "share"',
    });
  });

  it('lists fifty problems, then counts the rest', () => {
    const error = failure(() => checkArgs(QuotaRequirementList, Array.from({ length: 60 }, () => ({ service: 'kms', type: 'CMK', need: -1 })), 'requirements'));
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe('requirements[49].need: must be a finite number ≥ 0');
    expect(lines[50]).toBe('and 10 more problems');
  });
});

describe('guards', () => {
  it('name the keys of a requirement, which a placement guard takes without a place', () => {
    expect(failure(() => checkGuardInputs({ requirements: [{ service: 'kms', type: 'CMK', need: 1, regoin: 'cn-north-4' }] })).message).toBe(
      `requirements[0]: unknown key "regoin" (did you mean "region"?); ${KEYS}`,
    );
    const placed = failure(() => checkGuardInputs({ candidates: [{ region: 'cn-north-4' }], requirements: [{ service: 'kms', type: 'CMK', need: 1, region: 'cn-north-4' }] }));
    expect(placed.message).toBe('requirements[0]: unknown key "region"; keys are service, type, need, domainId, userId');
  });
});
