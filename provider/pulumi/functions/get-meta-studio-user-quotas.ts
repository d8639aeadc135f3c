// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getMetaStudioUserQuotas}. Unset settings come from stack config, then the environment. */
export interface GetMetaStudioUserQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'metastudio'>, 'region'> {}

/** Arguments of {@link getMetaStudioUserQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetMetaStudioUserQuotasOutputArgs extends OutputArgs<Omit<GetMetaStudioUserQuotasArgs, 'signal'>> {}

/** The result of {@link getMetaStudioUserQuotas}. */
export interface GetMetaStudioUserQuotasResult extends QuotaReadResult<'metastudio'> {}

/**
 * Reads the MetaStudio quotas of every IAM user of the account (or one), every page read for you. Only the account's root credentials may call it. `video_time_*` values are minutes and may be fractional; `-1` quotas come back as `unlimited` (MetaStudio `GET /v1/{project_id}/user/quotas`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const meta = await quotas.getMetaStudioUserQuotas({ region: 'cn-north-4', userId: 'c1f0...' });
 * const minutes = meta.users[0]?.resources.find((r) => r.type === 'video_time_2d_model');
 * ```
 */
export function getMetaStudioUserQuotas(args: GetMetaStudioUserQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetMetaStudioUserQuotasResult> {
  return invokeRead('metastudio', args, opts);
}

/**
 * The Output form of {@link getMetaStudioUserQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getMetaStudioUserQuotasOutput(args: GetMetaStudioUserQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetMetaStudioUserQuotasResult> {
  return invokeReadOutput('metastudio', args, opts);
}
