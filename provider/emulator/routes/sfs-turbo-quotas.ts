import { headerValue } from '../authenticate';
import { serviceError } from '../error-bodies';
import { queryProblem } from '../query-parameters';
import type { RouteHandler } from '../route-handler';
import { projectInScope } from '../scoping';

/**
 * SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas`: `shares` and `capacity` (with its `unit`). Its reference makes
 * `Content-Type` mandatory, so a request without a JSON one is a parameter error.
 */
export const sfsTurboQuotas: RouteHandler = (context) => {
  const contentType = headerValue(context.headers, 'content-type');
  if (!contentType || !/^application\/json\s*(;|$)/i.test(contentType)) {
    return serviceError('sfs-turbo', 'badRequest', 'parameter error: the Content-Type header is mandatory (application/json)');
  }
  const scoped = projectInScope('sfs-turbo', context);
  if ('error' in scoped) return scoped.error;
  const problem = queryProblem(context.query, {});
  if (problem) return serviceError('sfs-turbo', 'badRequest', `parameter error: ${problem}`);
  return { status: 200, body: { quotas: { resources: scoped.project.sfsTurboQuotas } } };
};
