import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import type { GuardConnection, HeadroomGuardInputs } from './guard-inputs';
import { checkedGuardInputs, guardConnection, guardVerdict } from './guard-registration';
import type { Margin } from './margin';
import { QuotaGuard } from './quota-guard';

/** Settings of {@link requireHeadroom}. */
export interface RequireHeadroomOptions extends GuardConnection {
  /** Warn with `pulumi.log.warn` instead of failing. Errors reading the quotas still fail the run. */
  warnOnly?: boolean;
  /** Headroom to keep free on top of any growth. */
  margin?: Margin;
  /**
   * The name of the guard resource that keeps the claim. Default `quota-headroom`: set one for each further call in a
   * program. Keep it once deployed: a guard of another name starts a new claim.
   */
  name?: string;
}

/**
 * Stops the program when the stack's requirements do not fit, before it declares the resources they guard. `need` is
 * what the stack holds once deployed: the guard keeps what it granted in the stack's state (a `QuotaGuard` it
 * registers), so each run reads only the growth beyond that. An unchanged stack passes, whatever others have used
 * since; a grown one passes when the growth (plus the margin) fits, and otherwise fails the preview with a table of
 * service, scope, type, need, claimed, headroom and shortfall; a smaller need releases the difference. Call it, and
 * await it, before declaring the resources it guards. Resolves to the checks of the run that last changed the claim.
 *
 * @example
 * ```ts
 * import { requireHeadroom } from 'pulumi-huaweicloud-quotas';
 *
 * export = async () => {
 *   await requireHeadroom([{ service: 'kms', type: 'CMK', need: 3 }], { margin: { absolute: 1 } });
 *   // ... declare the three keys
 * };
 * ```
 */
export async function requireHeadroom(requirements: readonly QuotaRequirement[], options: RequireHeadroomOptions = {}): Promise<QuotaCheck[]> {
  const { warnOnly, margin, name, ...connection } = options;
  const inputs = await checkedGuardInputs<HeadroomGuardInputs>({ requirements, margin, warnOnly, ...guardConnection(connection) });
  const guard = new QuotaGuard(name ?? 'quota-headroom', inputs);
  return (await guardVerdict(guard, inputs, connection)).checks;
}
