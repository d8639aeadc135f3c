// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getSfsTurboQuotas}. Unset settings come from stack config, then the environment. */
export interface GetSfsTurboQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'sfs-turbo'>, 'region'> {}

/** Arguments of {@link getSfsTurboQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetSfsTurboQuotasOutputArgs extends OutputArgs<Omit<GetSfsTurboQuotasArgs, 'signal'>> {}

/** The result of {@link getSfsTurboQuotas}. */
export interface GetSfsTurboQuotasResult extends QuotaReadResult<'sfs-turbo'> {}

/**
 * Reads the SFS Turbo quotas of a project: `shares` (file systems) and `capacity` (GB) (SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const sfs = quotas.getSfsTurboQuotasOutput({ region: 'cn-north-4' });
 * export const sharesLeft = sfs.apply((r) => r.resources.find((q) => q.type === 'shares')?.headroom);
 * ```
 */
export function getSfsTurboQuotas(args: GetSfsTurboQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetSfsTurboQuotasResult> {
  return invokeRead('sfs-turbo', args, opts);
}

/**
 * The Output form of {@link getSfsTurboQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getSfsTurboQuotasOutput(args: GetSfsTurboQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetSfsTurboQuotasResult> {
  return invokeReadOutput('sfs-turbo', args, opts);
}
