// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getKmsQuotas}. Unset settings come from stack config, then the environment. */
export interface GetKmsQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'kms'>, 'region'> {}

/** Arguments of {@link getKmsQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetKmsQuotasOutputArgs extends OutputArgs<Omit<GetKmsQuotasArgs, 'signal'>> {}

/** The result of {@link getKmsQuotas}. */
export interface GetKmsQuotasResult extends QuotaReadResult<'kms'> {}

/**
 * Reads the KMS quotas of a project: `CMK` (customer master keys) and `grant_per_CMK` (KMS `GET /v1.0/{project_id}/kms/user-quotas`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const kms = await quotas.getKmsQuotas({ region: 'cn-north-4' });
 * const cmk = kms.resources.find((r) => r.type === 'CMK');
 * if ((cmk?.headroom ?? 0) < 3) throw new pulumi.RunError('not enough KMS keys left');
 * ```
 */
export function getKmsQuotas(args: GetKmsQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetKmsQuotasResult> {
  return invokeRead('kms', args, opts);
}

/**
 * The Output form of {@link getKmsQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getKmsQuotasOutput(args: GetKmsQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetKmsQuotasResult> {
  return invokeReadOutput('kms', args, opts);
}
