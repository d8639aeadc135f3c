import { z } from 'zod';
import { QuotaNumber } from './quota-number';
import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { fetchRegionalQuotas, type RegionalQuotas, type RegionalScope } from './regional-quotas';

/** `CMK`: customer master keys; `grant_per_CMK`: grants one key can hold. */
export const KMS_QUOTA_TYPES = ['CMK', 'grant_per_CMK'] as const;

const KmsQuotaList = z.object({
  quotas: z.object({ resources: z.array(z.object({ type: z.string(), quota: QuotaNumber, used: QuotaNumber })) }),
});

/** KMS `GET /v1.0/{project_id}/kms/user-quotas`. */
export function fetchKmsQuotas(client: HuaweiCloudClient, scope: RegionalScope): Promise<RegionalQuotas> {
  return fetchRegionalQuotas(client, 'kms', '/v1.0/{project_id}/kms/user-quotas', KmsQuotaList, scope);
}
