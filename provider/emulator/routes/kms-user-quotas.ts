import { serviceError } from '../error-bodies';
import { queryProblem } from '../query-parameters';
import type { RouteHandler } from '../route-handler';
import { projectInScope } from '../scoping';

/** KMS `GET /v1.0/{project_id}/kms/user-quotas`: `CMK` and `grant_per_CMK`, quota and usage. */
export const kmsUserQuotas: RouteHandler = (context) => {
  const scoped = projectInScope('kms', context);
  if ('error' in scoped) return scoped.error;
  const problem = queryProblem(context.query, {});
  if (problem) return serviceError('kms', 'badRequest', `Invalid request: ${problem}.`);
  return { status: 200, body: { quotas: { resources: scoped.project.kmsQuotas } } };
};
