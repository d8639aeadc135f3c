import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';

/**
 * What a guard granted this stack of one quota, kept in the stack's state (the guard resource's outputs): the
 * requirement as granted (its `need` is the amount claimed) and where it was read.
 */
export interface QuotaClaim {
  /** The requirement as granted: its `need` is the amount the stack holds. */
  readonly requirement: QuotaRequirement;
  /** Where the quota was read when it was granted, e.g. `kms cn-north-4 project 0a1b…`. */
  readonly scope: string;
}

/** Requirements name the same quota when everything but `need` agrees, as written (defaults are not resolved). */
export function claimKey(requirement: QuotaRequirement): string {
  const { service, type, region, projectId, projectName, domainId, userId } = requirement;
  return JSON.stringify([service, type, region ?? null, projectId ?? null, projectName ?? null, domainId ?? null, userId ?? null]);
}

/** The claim held for the quota a requirement names, if any. */
export function findClaim(requirement: QuotaRequirement, claims: readonly QuotaClaim[]): QuotaClaim | undefined {
  const key = claimKey(requirement);
  return claims.find((claim) => claimKey(claim.requirement) === key);
}

/** The claims that checks which all passed grant: each requirement with a need, where it was read. */
export function claimsOf(checks: readonly QuotaCheck[]): QuotaClaim[] {
  return checks.filter((check) => check.requirement.need > 0).map((check) => ({ requirement: check.requirement, scope: check.scope }));
}
