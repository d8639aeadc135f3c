import type { QuotaService } from '../apis/quota-apis';
import type { QuotaResource } from './quota-resource';

/**
 * "This stack needs `need` of `type`". Checked on its own (`evaluate`, `hwquota check`), `need` must fit today's
 * headroom. In a guard (`requireHeadroom`, `pickPlacement`, `QuotaGuard`) it is what the stack holds once deployed:
 * the guard keeps what it granted in the stack's state, and only the growth beyond that must fit. The scope fields default from the client's settings; MetaStudio quotas
 * are per IAM user, so a MetaStudio requirement names a `userId`.
 */
export interface QuotaRequirement {
  /** Which quota API: one of `QUOTA_SERVICES` (`account`, `project`, `kms`, `ecs`...). */
  service: QuotaService;
  /** The quota type, spelled as the service's API spells it (`CMK`, `capacity`, `user`, `video_time_2d_model`...). */
  type: string;
  /** How much: a finite number ≥ 0, in the quota's unit (SFS Turbo `capacity`: GB). In a guard, the whole amount the stack holds. */
  need: number;
  /** Region of the quota. Default: the client's region. Not used by `account`. */
  region?: string;
  /** Project of the quota (every API but `account`). Default: the region's project. */
  projectId?: string;
  /** Project to look up by name when `projectId` is not given, such as the sub-project `cn-north-4_dev`. */
  projectName?: string;
  /** Account of the quota (`account`). Default: the client's account. */
  domainId?: string;
  /** The IAM user (`metastudio`, where it is required). */
  userId?: string;
}

/** The verdict on one requirement. */
export interface QuotaCheck {
  /** The requirement judged. */
  readonly requirement: QuotaRequirement;
  /** Where the quota was read, e.g. `kms cn-north-4 project 0a1b…`. */
  readonly scope: string;
  /** The quota read; `null` when unlimited or not reported. */
  readonly quota: number | null;
  /** The usage read; `null` when unknown. */
  readonly used: number | null;
  /** `quota - used`; `null` when unlimited or unknown. */
  readonly headroom: number | null;
  /** The service reports no limit (`-1`). */
  readonly unlimited: boolean;
  /** Met when unlimited or `headroom >= need`; never when usage is unknown. */
  readonly met: boolean;
  /** Kept free on top of `need` (a guard's margin); absent when none was asked for. */
  readonly margin?: number;
  /**
   * What the stack already held of `need` through a guard (its claim, from the stack's state): the guard judged only
   * the growth beyond it, `need - claimed`. Absent outside guards.
   */
  readonly claimed?: number;
  /** How much is missing: `need (+ margin) - headroom`, 0 when met, `null` when usage is unknown. */
  readonly shortfall: number | null;
  /** Why a check is not met for a reason other than headroom (usage unknown, type not reported). */
  readonly note?: string;
}

/**
 * Judges a requirement against the quota the service reported for its type (`undefined`: not reported; `missing` says
 * why, when the reason is known, such as no such user).
 */
export function checkRequirement(requirement: QuotaRequirement, scope: string, resource: QuotaResource | undefined, missing?: string): QuotaCheck {
  const base = { requirement, scope };
  if (!resource) {
    return { ...base, quota: null, used: null, headroom: null, unlimited: false, met: false, shortfall: null, note: missing ?? `the service reported no quota of type "${requirement.type}"` };
  }
  const { quota, used, headroom, unlimited } = resource;
  if (unlimited) return { ...base, quota, used, headroom, unlimited, met: true, shortfall: 0 };
  if (headroom === null) {
    return { ...base, quota, used, headroom, unlimited, met: false, shortfall: null, note: 'usage is unknown (the service reports no usage for this type), so headroom cannot be judged' };
  }
  const met = headroom >= requirement.need;
  return { ...base, quota, used, headroom, unlimited, met, shortfall: met ? 0 : requirement.need - headroom };
}
