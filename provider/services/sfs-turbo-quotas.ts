import { z } from 'zod';
import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { expandPath } from '../path-parameters';
import { toQuotaResource } from '../quota/quota-resource';
import { parseResponse } from './parse-response';
import type { RegionalQuotas, RegionalScope } from './regional-quotas';

/** `shares`: file systems; `capacity`: total size, in the entry's `unit` (GB). */
export const SFS_TURBO_QUOTA_TYPES = ['shares', 'capacity'] as const;

const SfsTurboQuotaList = z.object({
  quotas: z.object({
    resources: z.array(z.object({ type: z.string(), quota: z.number(), used: z.number(), unit: z.string().optional() })),
  }),
});

/** SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas` (the client sends the `Content-Type` it requires). */
export async function fetchSfsTurboQuotas(client: HuaweiCloudClient, scope: RegionalScope): Promise<RegionalQuotas> {
  const { body } = await client.get({
    service: 'sfs-turbo',
    region: scope.region,
    path: expandPath('/v1/{project_id}/sfs-turbo/quotas', { project_id: scope.projectId }),
    scope: { projectId: scope.projectId },
    signal: scope.signal,
  });
  const { quotas } = parseResponse(SfsTurboQuotaList, body, 'sfs-turbo', 'GET /v1/{project_id}/sfs-turbo/quotas');
  return { projectId: scope.projectId, region: scope.region, resources: quotas.resources.map(toQuotaResource) };
}
