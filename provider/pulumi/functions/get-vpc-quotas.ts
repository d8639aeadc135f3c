// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getVpcQuotas}. Unset settings come from stack config, then the environment. */
export interface GetVpcQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'vpc'>, 'region'> {}

/** Arguments of {@link getVpcQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetVpcQuotasOutputArgs extends OutputArgs<Omit<GetVpcQuotasArgs, 'signal'>> {}

/** The result of {@link getVpcQuotas}. */
export interface GetVpcQuotasResult extends QuotaReadResult<'vpc'> {}

/**
 * Reads the VPC quotas of a project: `vpc`, `subnet`, `securityGroup`, `securityGroupRule`, `publicIp` (EIPs), shared bandwidth, and the shared load balancers and listeners (VPC `GET /v1/{project_id}/quotas`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const vpc = await quotas.getVpcQuotas({ region: 'cn-north-4', type: 'publicIp' });
 * export const eipsLeft = vpc.resources[0]?.headroom;
 * ```
 */
export function getVpcQuotas(args: GetVpcQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetVpcQuotasResult> {
  return invokeRead('vpc', args, opts);
}

/**
 * The Output form of {@link getVpcQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getVpcQuotasOutput(args: GetVpcQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetVpcQuotasResult> {
  return invokeReadOutput('vpc', args, opts);
}
