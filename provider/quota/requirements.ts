import type { QuotaResource } from './quota-resource';

/** The quota families this package reads; `account` and `project` are both IAM. */
export type QuotaService = 'account' | 'project' | 'kms' | 'sfs-turbo' | 'metastudio';

export const QUOTA_SERVICES: readonly QuotaService[] = ['account', 'project', 'kms', 'sfs-turbo', 'metastudio'];

/**
 * "This stack needs `need` more of `type`". The scope fields default from the client's settings; MetaStudio quotas
 * are per IAM user, so a MetaStudio requirement names a `userId`.
 */
export interface QuotaRequirement {
  service: QuotaService;
  type: string;
  need: number;
  region?: string;
  projectId?: string;
  domainId?: string;
  userId?: string;
}

/** The verdict on one requirement. */
export interface QuotaCheck {
  readonly requirement: QuotaRequirement;
  /** Where the quota was read, e.g. `kms cn-north-4 project 0a1b…`. */
  readonly scope: string;
  readonly quota: number | null;
  readonly used: number | null;
  readonly headroom: number | null;
  readonly unlimited: boolean;
  /** Met when unlimited or `headroom >= need`; never when usage is unknown. */
  readonly met: boolean;
  /** Kept free on top of `need` (a guard's margin); absent when none was asked for. */
  readonly margin?: number;
  /** How much is missing: `need (+ margin) - headroom`, 0 when met, `null` when usage is unknown. */
  readonly shortfall: number | null;
  /** Why a check is not met for a reason other than headroom (usage unknown, type not reported). */
  readonly note?: string;
}

/** Judges a requirement against the quota the service reported for its type (`undefined`: not reported). */
export function checkRequirement(requirement: QuotaRequirement, scope: string, resource: QuotaResource | undefined): QuotaCheck {
  const base = { requirement, scope };
  if (!resource) {
    return { ...base, quota: null, used: null, headroom: null, unlimited: false, met: false, shortfall: null, note: `the service reported no quota of type "${requirement.type}"` };
  }
  const { quota, used, headroom, unlimited } = resource;
  if (unlimited) return { ...base, quota, used, headroom, unlimited, met: true, shortfall: 0 };
  if (headroom === null) {
    return { ...base, quota, used, headroom, unlimited, met: false, shortfall: null, note: 'usage is unknown (the service reports no usage for this type), so headroom cannot be judged' };
  }
  const met = headroom >= requirement.need;
  return { ...base, quota, used, headroom, unlimited, met, shortfall: met ? 0 : requirement.need - headroom };
}
