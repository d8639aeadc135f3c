import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { expandPath } from '../path-parameters';
import { toQuotaResource, type QuotaResource } from '../quota/quota-resource';
import { IamQuotaList } from './iam-quota-schema';
import { parseResponse } from './parse-response';

/** The IAM project quota types (today IAM reports one: `project`, the sub-projects a region may hold). */
export const PROJECT_QUOTA_TYPES = ['project'] as const;

/** The IAM quotas of a project. */
export interface ProjectQuotas {
  /** The project read: given, from the environment, or looked up by name. */
  readonly projectId: string;
  /** One entry per quota type (today only `project`). */
  readonly resources: readonly QuotaResource[];
}

/** IAM `GET /v3.0/OS-QUOTA/projects/{project_id}`. */
export async function fetchProjectQuotas(
  client: HuaweiCloudClient,
  scope: { projectId: string; region?: string; signal?: AbortSignal },
): Promise<ProjectQuotas> {
  const { body } = await client.get({
    service: 'iam',
    region: scope.region,
    path: expandPath('/v3.0/OS-QUOTA/projects/{project_id}', { project_id: scope.projectId }),
    scope: { projectId: scope.projectId },
    signal: scope.signal,
  });
  const { quotas } = parseResponse(IamQuotaList, body, 'iam', 'GET /v3.0/OS-QUOTA/projects');
  return { projectId: scope.projectId, resources: quotas.resources.map(toQuotaResource) };
}
