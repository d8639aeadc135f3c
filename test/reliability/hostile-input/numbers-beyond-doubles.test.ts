import { expect, it } from 'vitest';
import { HuaweiCloudError } from '../../../provider/client';
import { clearSharedState } from '../../support/shared-state';
import { FIXED_BODY_PROJECT, useFixedBodyService } from '../support/fixed-body-service';
import { SECURITY_TOKEN, TEMPORARY_SECRET_KEY } from '../support/recognisable-secrets';
import { TEMPORARY_ACCESS_KEY } from '../support/reliability-state';
import { QuotaResourceShape, shapeProblem } from '../support/result-shapes';
import { runCli } from '../support/run-cli';
import { settle } from '../support/settle';

// Found by this suite: `z.number()` accepted what JSON.parse makes of 1e400 (Infinity), so a quota sent as 1e400 read as
// `quota: Infinity`, printed by `--output json` as null, and `hasHeadroom` said it fit; ±1e308 overflowed `quota - used`
// the same way. Now quota numbers must be finite and within 2^53 (provider/apis/quota-number.ts): `response-invalid`.

const service = useFixedBodyService('kms', 'temporary keys');

const BODIES = [
  '{"quotas":{"resources":[{"type":"CMK","quota":1e400,"used":0}]}}',
  '{"quotas":{"resources":[{"type":"CMK","quota":20,"used":-1e400}]}}',
  '{"quotas":{"resources":[{"type":"CMK","quota":-1e308,"used":1e308}]}}',
];

it('numbers beyond what a double holds are refused, never read as Infinity', async () => {
  for (const text of BODIES) {
    service.answer(text);
    const outcome = await settle(() => service.client().kmsQuotas());
    if (outcome.ok) {
      for (const resource of (outcome.value as { resources: readonly unknown[] }).resources) {
        expect(shapeProblem(QuotaResourceShape, resource)).toBeUndefined();
        expect(Number.isFinite((resource as { headroom: number }).headroom), `${text}: headroom`).toBe(true);
      }
    } else {
      expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
      expect(outcome.error).toMatchObject({ kind: 'response-invalid' });
    }
    // What the CLI prints must say the same as what was read.
    clearSharedState();
    const run = await runCli(['get', 'kms', '--output', 'json', '--endpoint', `kms=${service.url()}`, '--region', 'cn-north-4', '--project-id', FIXED_BODY_PROJECT], {
      HUAWEICLOUD_SDK_AK: TEMPORARY_ACCESS_KEY, HUAWEICLOUD_SDK_SK: TEMPORARY_SECRET_KEY, HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN, HWQUOTA_METADATA_URL: 'off',
    });
    if (run.code === 0) expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(outcome.ok ? outcome.value : null)));
  }
});
