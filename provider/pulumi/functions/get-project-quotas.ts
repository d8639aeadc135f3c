// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link getProjectQuotas}. Unset settings come from stack config, then the environment. */
export interface GetProjectQuotasArgs extends ConnectionArgs, Omit<QuotaReadArgs<'project'>, 'region'> {}

/** Arguments of {@link getProjectQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetProjectQuotasOutputArgs extends OutputArgs<Omit<GetProjectQuotasArgs, 'signal'>> {}

/** The result of {@link getProjectQuotas}. */
export interface GetProjectQuotasResult extends QuotaReadResult<'project'> {}

/**
 * Reads the IAM quotas of a project: `project`, the sub-projects its region may hold (IAM `GET /v3.0/OS-QUOTA/projects/{project_id}`).
 *
 * @example
 * ```ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
 * const project = await quotas.getProjectQuotas({ region: 'cn-north-4', projectName: 'cn-north-4_dev' });
 * ```
 */
export function getProjectQuotas(args: GetProjectQuotasArgs = {}, _opts?: pulumi.InvokeOptions): Promise<GetProjectQuotasResult> {
  return invokeRead('project', args);
}

/**
 * The Output form of {@link getProjectQuotas}: takes Inputs; an unknown input during preview gives an unknown result
 * without a request, a secret input gives a secret result, and `opts.dependsOn` is waited for.
 */
export function getProjectQuotasOutput(args: GetProjectQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetProjectQuotasResult> {
  return invokeReadOutput(args, opts, (plain: GetProjectQuotasArgs) => getProjectQuotas(plain));
}
