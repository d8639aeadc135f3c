import { serviceError } from '../error-bodies';
import { queryProblem } from '../query-parameters';
import type { RouteHandler } from '../route-handler';
import { iamScopeProblem } from '../scoping';
import { findProject } from '../state-lookups';

/**
 * IAM `GET /v3.0/OS-QUOTA/projects/{project_id}`: a project's quotas. Its reference asks a token scoped to the
 * project in the URL, so a token scoped elsewhere (or to the account) is refused with `IAM.0002`; an access key may
 * ask for any project of its account.
 */
export const projectQuotas: RouteHandler = (context) => {
  const scopeProblem = iamScopeProblem(context);
  if (scopeProblem) return scopeProblem;
  const projectId = context.params.project_id!;
  const found = findProject(context.state, projectId);
  if (!found) return serviceError('iam', 'notFound', `Could not find project: ${projectId}.`);
  const { credential, account } = context.caller;
  const tokenElsewhere = credential.kind === 'token' && !('projectId' in credential.token.scope && credential.token.scope.projectId === projectId);
  if (found.account !== account || tokenElsewhere) {
    return serviceError('iam', 'forbidden', 'You are not authorized to perform the requested action.');
  }
  const problem = queryProblem(context.query, {});
  if (problem) return serviceError('iam', 'badRequest', `Request parameter is invalid: ${problem}.`);
  return { status: 200, body: { quotas: { resources: found.project.iamQuotas } } };
};
