import { HuaweiCloudError } from '../errors';
import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../quota-client';
import type { QuotaCheck } from '../quota/requirements';
import { formatChecks } from '../report/check-table';
import { shortfallMessage } from './shortfall-message';
import { checkGuardInputs, isPlacementGuard, type GuardConnection, type HeadroomGuardInputs, type PlacementCandidate } from './guard-inputs';
import { judgeGrowth } from './judge-growth';
import { judgePlacement } from './judge-placement';
import { claimsOf, type QuotaClaim } from './quota-claims';

/** What a guard records in the stack's state when it passes: its claim, its placement, and what the run found. */
export interface GuardRecord {
  /** What the stack holds through the guard, per requirement (placed requirements, for a placement guard). */
  claims: QuotaClaim[];
  /** The candidate chosen (placement guards). */
  placement?: PlacementCandidate;
  /** The checks of the run that made this record: only growth is read. */
  checks: QuotaCheck[];
  /** Warnings of that run, for the program to log. */
  warnings: string[];
}

/** A guard's verdict: a record to keep, or why it fails. */
export type GuardVerdict =
  | {
      /** What to keep in the stack's state. */
      record: GuardRecord;
      /** Absent: the guard passes. */
      failure?: undefined;
    }
  | {
      /** Absent: nothing is granted. */
      record?: undefined;
      /** Why the guard fails: the shortfall table, or `hwquota: <kind>: <message>` when a read failed. */
      failure: string;
    };

/**
 * Judges a guard's inputs against what it granted before (`granted`, from the stack's state), with a client of its
 * own (closed afterwards). Run by the guards' dynamic provider, which loads it from `pulumi-huaweicloud-quotas/client`
 * in the engine's provider process, and by the guards themselves when no provider runs (under `setMocks`).
 */
export async function judgeGuard(rawInputs: Record<string, unknown>, granted: Partial<GuardRecord> | undefined, options: QuotaClientOptions): Promise<GuardVerdict> {
  let client: QuotaClient | undefined;
  try {
    const inputs = checkGuardInputs(rawInputs);
    client = createQuotaClient(withConnection(options, inputs));
    const claims = Array.isArray(granted?.claims) ? granted.claims : [];
    if (isPlacementGuard(inputs)) return await judgePlacement(client, inputs, claims, granted?.placement);
    return await judgeHeadroom(client, inputs, claims);
  } catch (error) {
    if (error instanceof HuaweiCloudError) return { failure: `hwquota: ${error.kind}: ${error.message}` };
    throw error;
  } finally {
    await client?.close();
  }
}

async function judgeHeadroom(client: QuotaClient, inputs: HeadroomGuardInputs, claims: readonly QuotaClaim[]): Promise<GuardVerdict> {
  // A claim is held in a region: one the requirement does not name is the guard's (its own, stack config's, HW_REGION_NAME).
  const region = client.http.region;
  const requirements = inputs.requirements.map((requirement) => (requirement.service === 'account' || requirement.region || !region ? requirement : { ...requirement, region }));
  const checks = await judgeGrowth(client, requirements, claims, inputs.margin);
  const shortfall = checks.every((check) => check.met) ? undefined : shortfallMessage(checks, formatChecks(checks, false));
  if (shortfall && !inputs.warnOnly) return { failure: shortfall };
  return { record: { claims: claimsOf(checks), checks, warnings: shortfall ? [shortfall] : [] } };
}

/**
 * Re-reads what a guard claims, for a refresh: today's quota, usage and headroom where each claim is held. The claim
 * is already in "used", so each is checked as no growth beyond it. Never fails: `undefined` when the quotas could not
 * be read; the claim itself is never changed.
 */
export async function rereadClaims(claims: readonly QuotaClaim[], connection: GuardConnection, options: QuotaClientOptions): Promise<QuotaCheck[] | undefined> {
  const client = createQuotaClient(withConnection(options, connection));
  try {
    const checks = await client.evaluate(claims.map((claim) => ({ ...claim.requirement, need: 0 })));
    return checks.map((check, index) => ({ ...check, requirement: claims[index]!.requirement, claimed: claims[index]!.requirement.need }));
  } catch {
    return undefined;
  } finally {
    await client.close();
  }
}

/** Settings from stack config and the environment, with the connection settings the guard was given in code on top. */
function withConnection(options: QuotaClientOptions, { region, cloud, endpoints }: GuardConnection): QuotaClientOptions {
  return {
    ...options,
    ...(region && { region }),
    ...(cloud && { cloud }),
    ...(endpoints && { endpoints: { ...options.endpoints, ...endpoints } }),
  };
}
