/**
 * One quota, normalised across services.
 *
 * - `quota: null, unlimited: true` when the service reports `-1` (no limit); `headroom` is then `null` too.
 * - `used: null` when the service does not report usage (IAM's `mapping` returns `null`), or reports `-1`;
 *   `headroom` is then `null`: unknown, not zero.
 * - Otherwise `headroom = quota - used`. It can be negative: a quota lowered below what is already used.
 * - Values can be fractional: MetaStudio's `video_time_*` quotas are minutes, such as `59.5`.
 */
export interface QuotaResource {
  /** The quota type, spelled as the service's API spells it (`CMK`, `shares`, `assigment_group_mp`...). */
  readonly type: string;
  /** The quota; `null` when unlimited. */
  readonly quota: number | null;
  /** The usage; `null` when the service does not report it. */
  readonly used: number | null;
  /** `quota - used`, which can be negative; `null` when unlimited or when usage is unknown. */
  readonly headroom: number | null;
  /** `true` when the service reports `-1`: no limit. */
  readonly unlimited: boolean;
  /** The lowest and highest values the quota can be set to (IAM only). */
  readonly min?: number;
  /** The highest value the quota can be set to (IAM only). */
  readonly max?: number;
  /** The unit of `quota` and `used`, when the service gives one (SFS Turbo `capacity`: `GB`). */
  readonly unit?: string;
}

export interface RawQuota {
  type: string;
  quota: number;
  used?: number | null;
  min?: number;
  max?: number;
  unit?: string;
}

const UNLIMITED = -1;

/** Normalises a service's quota entry: `-1` and `null` become explicit unlimited and unknown values. */
export function toQuotaResource(raw: RawQuota): QuotaResource {
  const unlimited = raw.quota === UNLIMITED;
  const quota = unlimited ? null : raw.quota;
  const used = raw.used === undefined || raw.used === null || raw.used === UNLIMITED ? null : raw.used;
  const resource: { -readonly [K in keyof QuotaResource]: QuotaResource[K] } = {
    type: raw.type,
    quota,
    used,
    headroom: quota === null || used === null ? null : quota - used,
    unlimited,
  };
  // Assigned, not spread: a sweep normalises tens of thousands of these.
  if (raw.min !== undefined) resource.min = raw.min;
  if (raw.max !== undefined) resource.max = raw.max;
  if (raw.unit !== undefined) resource.unit = raw.unit;
  return resource;
}
