// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getElbQuotas}. Unset settings come from stack config, then the environment. */
export interface GetElbQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'elb'>, 'region'> {}

/** Arguments of {@link getElbQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetElbQuotasOutputArgs extends OutputArgs<Omit<GetElbQuotasArgs, 'signal'>> {}

/** The result of {@link getElbQuotas}. */
export interface GetElbQuotasResult extends QuotaReadResult<'elb'> {}

/**
 * Reads the quotas of dedicated load balancers (ELB v3) in a project: `loadbalancer`, `listener`, `pool`, `member`, `certificate` and the per-resource limits such as `members_per_pool` (ELB `GET /v3/{project_id}/elb/quotas/details`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const elb = await quotas.getElbQuotas({ region: 'cn-north-4' });
 * const balancers = elb.resources.find((r) => r.type === 'loadbalancer');
 * ```
 */
export function getElbQuotas(args: GetElbQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetElbQuotasResult> {
  return invokeRead('elb', args, opts);
}

/**
 * The Output form of {@link getElbQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getElbQuotasOutput(args: GetElbQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetElbQuotasResult> {
  return invokeReadOutput('elb', args, opts);
}
