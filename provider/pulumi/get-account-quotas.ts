import type * as pulumi from '@pulumi/pulumi';
import type { AccountQuotas, AccountQuotaType } from '../services/account-quotas';
import { invokeRead, invokeReadOutput } from './invoke';
import { type OutputArgs } from './output-args';
import type { ConnectionArgs } from './settings';

/** Arguments of {@link getAccountQuotas}. Unset settings come from stack config, then the environment. */
export interface GetAccountQuotasArgs extends ConnectionArgs {
  /** Default: from stack config or the environment, else looked up (`GET /v3/auth/domains`). */
  domainId?: string;
  /** One quota type, spelled as the API spells it (`assigment_group_mp`...); default all ten. */
  type?: AccountQuotaType;
  /** Cancels the read. */
  signal?: AbortSignal;
}

/** Arguments of {@link getAccountQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetAccountQuotasOutputArgs extends OutputArgs<Omit<GetAccountQuotasArgs, 'signal'>> {}

/** The result of {@link getAccountQuotas}. */
export interface GetAccountQuotasResult extends AccountQuotas {}

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
  return invokeRead(args, (client, a) => client.accountQuotas({ domainId: a.domainId, type: a.type, region: a.region, signal: a.signal }));
}

/**
 * The Output form of {@link getAccountQuotas}: takes Inputs; an unknown input during preview gives an unknown result
 * without a request, a secret input gives a secret result, and `opts.dependsOn` is waited for.
 */
export function getAccountQuotasOutput(args: GetAccountQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAccountQuotasResult> {
  return invokeReadOutput(args, opts, (plain: GetAccountQuotasArgs) => getAccountQuotas(plain));
}
