import { HuaweiCloudError } from '../errors';
import { createQuotaClient, type QuotaClientOptions } from '../quota-client';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import { formatChecks } from '../report/check-table';
import { evaluateWithMargin, shortfallMessage } from './evaluate-with-margin';
import type { Margin } from './margin';

/** What a `QuotaGuard` is given. */
export interface QuotaGuardInputs {
  /** What the guarded resources need. */
  requirements: QuotaRequirement[];
  /** Headroom to keep free on top of each need. */
  margin?: Margin;
}

/** The checks, and why the guard fails when it does (a shortfall table, or why the quotas could not be read). */
export interface QuotaGuardVerdict {
  /** One check per requirement; empty when the quotas could not be read. */
  checks: QuotaCheck[];
  /** Set when the guard fails: the shortfall table, or `hwquota: <kind>: <message>` when a read failed. */
  failure?: string;
}

/**
 * Judges a `QuotaGuard`'s inputs with a client of its own (closed afterwards). Used by the guard's dynamic provider,
 * which loads it from `pulumi-huaweicloud-quotas/client` in the engine's provider process.
 */
export async function evaluateQuotaGuard(inputs: QuotaGuardInputs, options: QuotaClientOptions): Promise<QuotaGuardVerdict> {
  const client = createQuotaClient(options);
  try {
    const checks = await evaluateWithMargin(client, inputs.requirements ?? [], inputs.margin);
    return checks.every((check) => check.met) ? { checks } : { checks, failure: shortfallMessage(checks, formatChecks(checks, false)) };
  } catch (error) {
    if (error instanceof HuaweiCloudError) return { checks: [], failure: `hwquota: ${error.kind}: ${error.message}` };
    throw error;
  } finally {
    await client.close();
  }
}
