import * as pulumi from '@pulumi/pulumi';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import { quotaClientFor } from '../pulumi/invoke';
import type { ConnectionArgs } from '../pulumi/settings';
import { formatChecks } from '../report/check-table';
import { evaluateWithMargin, shortfallMessage } from './evaluate-with-margin';
import type { Margin } from './margin';
import { asRunError } from './run-error';

export interface RequireHeadroomOptions extends ConnectionArgs {
  /** Warn with `pulumi.log.warn` instead of failing. Errors reading the quotas still fail the run. */
  warnOnly?: boolean;
  /** Headroom to keep free on top of each need. */
  margin?: Margin;
}

/**
 * Stops the program, at preview, when a requirement does not fit: reads what the requirements need (concurrently,
 * each scope once) and throws `pulumi.RunError` with a table of service, scope, type, need, headroom and shortfall.
 * Resolves to the checks when all fit. Call it before declaring the resources it guards.
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
  const { warnOnly = false, margin, ...connection } = options;
  const checks = await asRunError(() => evaluateWithMargin(quotaClientFor(connection), requirements, margin));
  if (checks.every((check) => check.met)) return checks;
  const message = shortfallMessage(checks, formatChecks(checks, false));
  if (!warnOnly) throw new pulumi.RunError(message);
  pulumi.log.warn(message);
  return checks;
}
