import { z } from 'zod';
import { QuotaNumber } from './quota-number';
import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { fetchRegionalQuotas, type RegionalQuotas, type RegionalScope } from './regional-quotas';

/** `shares`: file systems; `capacity`: total size, in the entry's `unit` (GB). */
export const SFS_TURBO_QUOTA_TYPES = ['shares', 'capacity'] as const;

const SfsTurboQuotaList = z.object({
  quotas: z.object({
    resources: z.array(z.object({ type: z.string(), quota: QuotaNumber, used: QuotaNumber, unit: z.string().optional() })),
  }),
});

/** SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas` (the client sends the `Content-Type` it requires). */
export function fetchSfsTurboQuotas(client: HuaweiCloudClient, scope: RegionalScope): Promise<RegionalQuotas> {
  return fetchRegionalQuotas(client, 'sfs-turbo', '/v1/{project_id}/sfs-turbo/quotas', SfsTurboQuotaList, scope);
}
