import type * as pulumi from '@pulumi/pulumi';
import type { ProjectQuotas } from '../services/project-quotas';
import { invokeRead, invokeReadOutput } from './invoke';
import { projectScope, type OutputArgs } from './output-args';
import type { ConnectionArgs } from './settings';

/** Arguments of {@link getProjectQuotas}. Unset settings come from stack config, then the environment. */
export interface GetProjectQuotasArgs extends ConnectionArgs {
  /** Default: from stack config or the environment for its region, else looked up by `projectName` or the region. */
  projectId?: string;
  /** A project name to look up, such as `cn-north-4_dev`. */
  projectName?: string;
  /** Cancels the read. */
  signal?: AbortSignal;
}

/** Arguments of {@link getProjectQuotasOutput}: the same, each a `pulumi.Input`. */
export interface GetProjectQuotasOutputArgs extends OutputArgs<Omit<GetProjectQuotasArgs, 'signal'>> {}

/** The result of {@link getProjectQuotas}. */
export interface GetProjectQuotasResult extends ProjectQuotas {}

/**
 * Reads the IAM quotas of a project (IAM `GET /v3.0/OS-QUOTA/projects/{project_id}`).
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
  return invokeRead(args, (client, a) => client.projectQuotas(projectScope(a)));
}

/**
 * The Output form of {@link getProjectQuotas}: takes Inputs; an unknown input during preview gives an unknown result
 * without a request, a secret input gives a secret result, and `opts.dependsOn` is waited for.
 */
export function getProjectQuotasOutput(args: GetProjectQuotasOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetProjectQuotasResult> {
  return invokeReadOutput(args, opts, (plain: GetProjectQuotasArgs) => getProjectQuotas(plain));
}
