// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getAccountQuotas}. Unset settings come from stack config, then the environment. */
export interface GetAccountQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'account'>, 'region'> {}

/** Arguments of {@link getAccountQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetAccountQuotasOutputArgs extends OutputArgs<Omit<GetAccountQuotasArgs, 'signal'>> {}

/** The result of {@link getAccountQuotas}. */
export interface GetAccountQuotasResult extends QuotaReadResult<'account'> {}

/**
 * Reads the IAM quotas of the account: users, groups, identity providers, agencies, policies and permission assignments (IAM `GET /v3.0/OS-QUOTA/domains/{domain_id}`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const account = await quotas.getAccountQuotas({ type: 'user' });
 * const users = account.resources[0];
 * ```
 */
export function getAccountQuotas(args: GetAccountQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetAccountQuotasResult> {
  return invokeRead('account', args, opts);
}

/**
 * The Output form of {@link getAccountQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getAccountQuotasOutput(args: GetAccountQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAccountQuotasResult> {
  return invokeReadOutput('account', args, opts);
}
