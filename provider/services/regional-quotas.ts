import type { z } from 'zod';
import type { ServiceName } from '../endpoints/service-names';
import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { expandPath } from '../path-parameters';
import { toQuotaResource, type QuotaResource, type RawQuota } from '../quota/quota-resource';
import { parseResponse } from './parse-response';

/** Quotas of a regional service in one project (KMS, SFS Turbo). */
export interface RegionalQuotas {
  /** The project read: given, from the environment, or looked up by name. */
  readonly projectId: string;
  /** The region read. */
  readonly region: string;
  /** One entry per quota type, in the order the service lists them. */
  readonly resources: readonly QuotaResource[];
}

/** Where a regional read goes: a project in a region. */
export interface RegionalScope {
  projectId: string;
  region: string;
  signal?: AbortSignal;
}

/** A regional quota API: `GET {pathTemplate}` with `{project_id}`, answering `{quotas: {resources: [...]}}`. */
export async function fetchRegionalQuotas(
  client: HuaweiCloudClient,
  service: ServiceName,
  pathTemplate: string,
  schema: z.ZodType<{ quotas: { resources: RawQuota[] } }>,
  scope: RegionalScope,
): Promise<RegionalQuotas> {
  const { body } = await client.get({
    service,
    region: scope.region,
    path: expandPath(pathTemplate, { project_id: scope.projectId }),
    scope: { projectId: scope.projectId },
    signal: scope.signal,
  });
  const { quotas } = parseResponse(schema, body, service, `GET ${pathTemplate}`);
  return { projectId: scope.projectId, region: scope.region, resources: quotas.resources.map(toQuotaResource) };
}
