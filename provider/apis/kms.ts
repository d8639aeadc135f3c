import { z } from 'zod';
import { QuotaNumber } from './quota-number';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { defineService } from './endpoint-service';
import { readQuotaList } from './quota-list';

const KmsQuotaList = z.object({
  quotas: z.object({ resources: z.array(z.object({ type: z.string(), quota: QuotaNumber, used: QuotaNumber })) }),
});

const Count = z.number().int().nonnegative();

/**
 * KMS (DEW). Its error-code page documents no code for an unknown project: it answers it as a bad URL (`KMS.0201`).
 * Errors come as `{error: {error_code, error_msg}}`.
 */
const KMS = defineService({
  host: 'kms',
  envName: 'KMS',
  title: 'KMS',
  errors: {
    badRequest: { code: 'KMS.0308', status: 400 },
    forbidden: { code: 'KMS.0307', status: 403 },
    noPermission: { code: 'KMS.0307', status: 403 },
    notFound: { code: 'KMS.0201', status: 404 },
    internal: { code: 'KMS.0101', status: 500 },
  },
  errorBody: (code, message) => ({ error: { error_code: code, error_msg: message } }),
});

/** KMS `GET /v1.0/{project_id}/kms/user-quotas`: keys and grants. */
export const kms = defineQuotaApi({
  name: 'kms',
  method: 'kmsQuotas',
  title: 'KMS quotas',
  summary: 'the KMS quotas of a project: `CMK` (customer master keys) and `grant_per_CMK`',
  reference: 'DEW (KMS) API reference, "Querying Quotas"',
  service: KMS,
  scope: 'regional',
  path: '/v1.0/{project_id}/kms/user-quotas',
  args: {},
  quotaTypes: {
    CMK: { description: 'customer master keys' },
    grant_per_CMK: { description: 'grants one key can hold' },
  },
  read: readQuotaList(KmsQuotaList),
  countedBy: {
    'huaweicloud:Dew/key:Key': [{ type: 'CMK' }],
  },
  emulator: emulatorPart(() => ({
    level: 'project',
    stateKey: 'kmsQuotas',
    entry: z
      .object({
        /** `CMK` (customer master keys) or `grant_per_CMK`. */
        type: z.enum(['CMK', 'grant_per_CMK']),
        /** The quota. */
        quota: Count,
        /** The usage. */
        used: Count,
      })
      .strict(),
    defaults: (owner) => {
      const used = { 'cn-north-4': [20, 0], 'cn-north-4_dev': [3, 12], 'eu-west-101': [2, 0] }[owner];
      if (!used) return [];
      return [
        { type: 'CMK', quota: 20, used: used[0]! },
        { type: 'grant_per_CMK', quota: 100, used: used[1]! },
      ];
    },
    answer: (entries) => ({ quotas: { resources: entries } }),
  })),
  example: `const kms = await quotas.getKmsQuotas({ region: 'cn-north-4' });
const cmk = kms.resources.find((r) => r.type === 'CMK');
if ((cmk?.headroom ?? 0) < 3) throw new pulumi.RunError('not enough KMS keys left');`,
});
