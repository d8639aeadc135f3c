import { z } from 'zod';
import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { expandPath } from '../path-parameters';
import { toQuotaResource } from '../quota/quota-resource';
import { parseResponse } from './parse-response';
import type { RegionalQuotas, RegionalScope } from './regional-quotas';

/** `CMK`: customer master keys; `grant_per_CMK`: grants one key can hold. */
export const KMS_QUOTA_TYPES = ['CMK', 'grant_per_CMK'] as const;

const KmsQuotaList = z.object({
  quotas: z.object({ resources: z.array(z.object({ type: z.string(), quota: z.number(), used: z.number() })) }),
});

/** KMS `GET /v1.0/{project_id}/kms/user-quotas`. */
export async function fetchKmsQuotas(client: HuaweiCloudClient, scope: RegionalScope): Promise<RegionalQuotas> {
  const { body } = await client.get({
    service: 'kms',
    region: scope.region,
    path: expandPath('/v1.0/{project_id}/kms/user-quotas', { project_id: scope.projectId }),
    scope: { projectId: scope.projectId },
    signal: scope.signal,
  });
  const { quotas } = parseResponse(KmsQuotaList, body, 'kms', 'GET /v1.0/{project_id}/kms/user-quotas');
  return { projectId: scope.projectId, region: scope.region, resources: quotas.resources.map(toQuotaResource) };
}
