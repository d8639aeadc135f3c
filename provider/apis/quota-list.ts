import type { z } from 'zod';
import { toQuotaResource, type QuotaResource, type RawQuota } from '../quota/quota-resource';
import type { ApiCall } from './api-definition';

/** What most reads give besides their scope: the quotas. */
export interface QuotaList {
  /** One entry per quota type, in the order the service lists them. */
  readonly resources: readonly QuotaResource[];
}

/** The shape most quota APIs answer with: `{quotas: {resources: [{type, quota, used, ...}]}}`. */
type QuotaListBody = { quotas: { resources: RawQuota[] } };

/**
 * A `read` hook for APIs answering `{quotas: {resources: [...]}}` (IAM, KMS, SFS Turbo, VPC): one GET with the query
 * `query` makes of the arguments, each entry normalised in the order the service lists them.
 */
export function readQuotaList<Args>(
  schema: z.ZodType<QuotaListBody>,
  query?: (args: Args) => Record<string, string | number | undefined>,
): (call: ApiCall<Args>) => Promise<QuotaList> {
  return async (call) => {
    const body = call.parse(schema, await call.get(query?.(call.args)));
    return { resources: body.quotas.resources.map(toQuotaResource) };
  };
}
