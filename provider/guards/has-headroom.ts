import type { QuotaResource } from '../quota/quota-resource';

/**
 * True when the quota of `type` can take `need` more: unlimited, or known headroom ≥ need. Unknown usage and a type
 * the result does not list are `false`. Takes any data source result with `resources`, or the resources themselves.
 *
 * @example
 * ```ts
 * const sfs = await getSfsTurboQuotas({ region: 'cn-north-4' });
 * const region = hasHeadroom(sfs, 'shares', 2) ? 'cn-north-4' : 'eu-west-101';
 * ```
 */
export function hasHeadroom(resultOrResources: { readonly resources: readonly QuotaResource[] } | readonly QuotaResource[], type: string, need: number): boolean {
  const resources = 'resources' in resultOrResources ? resultOrResources.resources : resultOrResources;
  const resource = resources.find((candidate) => candidate.type === type);
  if (!resource) return false;
  return resource.unlimited || (resource.headroom !== null && resource.headroom >= need);
}
