// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getEcsQuotas}. Unset settings come from stack config, then the environment. */
export interface GetEcsQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'ecs'>, 'region'> {}

/** Arguments of {@link getEcsQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetEcsQuotasOutputArgs extends OutputArgs<Omit<GetEcsQuotasArgs, 'signal'>> {}

/** The result of {@link getEcsQuotas}. */
export interface GetEcsQuotasResult extends QuotaReadResult<'ecs'> {}

/**
 * Reads the ECS quotas of a project: `instances`, `cores`, `ram` (MiB), their spot twins, server groups and floating IPs; limits whose usage ECS does not report have `used: null` (ECS `GET /v1/{project_id}/cloudservers/limits`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const ecs = await quotas.getEcsQuotas({ region: 'cn-north-4' });
 * const cores = ecs.resources.find((r) => r.type === 'cores');
 * if ((cores?.headroom ?? 0) < 16) throw new pulumi.RunError('not enough vCPUs left for the cluster');
 * ```
 */
export function getEcsQuotas(args: GetEcsQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetEcsQuotasResult> {
  return invokeRead('ecs', args, opts);
}

/**
 * The Output form of {@link getEcsQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getEcsQuotasOutput(args: GetEcsQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetEcsQuotasResult> {
  return invokeReadOutput('ecs', args, opts);
}
