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
export function getProjectQuotas(args: GetProjectQuotasArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetProjectQuotasResult> {
  return invokeRead('project', args, opts);
}

/**
 * The Output form of {@link getProjectQuotas}: takes Inputs, and waits and goes unknown as `pulumi.runtime.invokeOutput`
 * does: for `opts.dependsOn`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function getProjectQuotasOutput(args: GetProjectQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetProjectQuotasResult> {
  return invokeReadOutput('project', args, opts);
}
