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
export function getAccountQuotas(args: GetAccountQuotasArgs = {}, _opts?: pulumi.InvokeOptions): Promise<GetAccountQuotasResult> {
  return invokeRead('account', args);
}

/**
 * The Output form of {@link getAccountQuotas}: takes Inputs; an unknown input during preview gives an unknown result
 * without a request, a secret input gives a secret result, and `opts.dependsOn` is waited for.
 */
export function getAccountQuotasOutput(args: GetAccountQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAccountQuotasResult> {
  return invokeReadOutput(args, opts, (plain: GetAccountQuotasArgs) => getAccountQuotas(plain));
}
