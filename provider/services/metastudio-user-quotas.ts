import { mapConcurrently } from '../concurrency';
import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { expandPath } from '../path-parameters';
import { toQuotaResource, type QuotaResource } from '../quota/quota-resource';
import { readUserQuotaPage } from './metastudio-user-page';

/** MetaStudio's per-user quota keys. `video_time_*` are minutes and may be fractional; `-1` means no limit. */
export const METASTUDIO_QUOTA_TYPES = [
  'modeling_count_2d_model', 'modeling_count_2d_model_flexus', 'video_time_2d_model', 'video_time_flexus_2d_model',
  'voice_clone_basic', 'voice_clone_middle', 'voice_clone_advance', 'voice_clone_flexus',
] as const;

/** The largest page MetaStudio serves. */
export const METASTUDIO_PAGE_SIZE = 100;
/** Pages fetched at once after the first. */
const PAGE_CONCURRENCY = 4;

/** One IAM user's MetaStudio quotas, each pairing the quota and the usage of the same key. */
export interface MetaStudioUserQuota {
  /** The IAM user's ID. */
  readonly userId: string;
  /** One entry per quota key the service reports for this user (keys with a `null` quota are left out). */
  readonly resources: readonly QuotaResource[];
}

/** MetaStudio quotas of the account's IAM users, every page read. */
export interface MetaStudioUserQuotas {
  /** The project the request was sent to. */
  readonly projectId: string;
  /** The region read. */
  readonly region: string;
  /** Users the service counts (all of them, or the one asked for). */
  readonly count: number;
  /** Each user with their quotas. */
  readonly users: readonly MetaStudioUserQuota[];
}

/**
 * MetaStudio `GET /v1/{project_id}/user/quotas`, every page: the first tells `count`, the rest are fetched
 * concurrently. Only the account's root credentials may call it.
 */
export async function fetchMetaStudioUserQuotas(
  client: HuaweiCloudClient,
  scope: { projectId: string; region: string; userId?: string; signal?: AbortSignal },
): Promise<MetaStudioUserQuotas> {
  const path = expandPath('/v1/{project_id}/user/quotas', { project_id: scope.projectId });
  const page = async (offset: number) => {
    const { body } = await client.get({
      service: 'metastudio',
      region: scope.region,
      path,
      query: { limit: METASTUDIO_PAGE_SIZE, offset, user_id: scope.userId },
      scope: { projectId: scope.projectId },
      signal: scope.signal,
    });
    const { count, assets } = readUserQuotaPage(body);
    // Normalised as each page arrives, not all users at the end in one long task that holds up other reads.
    return { count, users: assets.map((asset) => ({ userId: asset.user_id, resources: pairQuotaAndUsage(asset.quota, asset.usage ?? {}) })) };
  };
  const first = await page(0);
  const offsets: number[] = [];
  for (let offset = METASTUDIO_PAGE_SIZE; offset < first.count; offset += METASTUDIO_PAGE_SIZE) offsets.push(offset);
  const rest = await mapConcurrently(offsets, PAGE_CONCURRENCY, page);
  return { projectId: scope.projectId, region: scope.region, count: first.count, users: [first, ...rest].flatMap((p) => p.users) };
}

function pairQuotaAndUsage(quota: Record<string, number | null>, usage: Record<string, number | null>): QuotaResource[] {
  return Object.entries(quota)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    // Own keys only: a quota named `constructor` must not take Object.prototype's member as its usage.
    .map(([type, value]) => toQuotaResource({ type, quota: value, used: Object.hasOwn(usage, type) ? usage[type] : undefined }));
}
