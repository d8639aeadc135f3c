// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getEvsQuotas}. Unset settings come from stack config, then the environment. */
export interface GetEvsQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'evs'>, 'region'> {}

/** Arguments of {@link getEvsQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetEvsQuotasOutputArgs extends OutputArgs<Omit<GetEvsQuotasArgs, 'signal'>> {}

/** The result of {@link getEvsQuotas}. */
export interface GetEvsQuotasResult extends QuotaReadResult<'evs'> {}

/**
 * Reads the EVS quotas of a project: `volumes`, `gigabytes` (GiB), `snapshots`, `backups` and the per-type keys such as `volumes_SSD` and `gigabytes_GPSSD`; `used` counts what is in use and what is reserved (EVS `GET /v2/{project_id}/os-quota-sets/{target_project_id}`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const evs = await quotas.getEvsQuotas({ region: 'cn-north-4' });
 * const ssd = evs.resources.find((r) => r.type === 'gigabytes_SSD');
 * export const ssdGigabytesLeft = ssd?.unlimited ? 'unlimited' : ssd?.headroom;
 * ```
 */
export function getEvsQuotas(args: GetEvsQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetEvsQuotasResult> {
  return invokeRead('evs', args, opts);
}

/**
 * The Output form of {@link getEvsQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getEvsQuotasOutput(args: GetEvsQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetEvsQuotasResult> {
  return invokeReadOutput('evs', args, opts);
}
