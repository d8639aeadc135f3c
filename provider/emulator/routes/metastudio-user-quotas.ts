import { serviceError } from '../error-bodies';
import { integerBetween, queryProblem } from '../query-parameters';
import type { RouteHandler } from '../route-handler';
import { projectInScope } from '../scoping';

const DEFAULT_LIMIT = 10;

/**
 * MetaStudio `GET /v1/{project_id}/user/quotas[?limit=&offset=&user_id=]`: a page of the account's users with their
 * quotas and usage, and `count`, the number of users matching. Only the account's root credentials may ask.
 */
export const metaStudioUserQuotas: RouteHandler = (context) => {
  const scoped = projectInScope('metastudio', context);
  if ('error' in scoped) return scoped.error;
  if (!context.caller.user.root) return serviceError('metastudio', 'forbidden', 'Forbidden: only the account itself (not an IAM user) may query user quotas');
  const { query } = context;
  const problem = queryProblem(query, {
    limit: integerBetween(1, 100),
    offset: integerBetween(0, 2_147_483_647),
    user_id: (value) => value.length >= 1 && value.length <= 64,
  });
  if (problem) return serviceError('metastudio', 'badRequest', `Invalid parameter: ${problem}`);
  const limit = Number(query.get('limit') ?? DEFAULT_LIMIT);
  const offset = Number(query.get('offset') ?? 0);
  const userId = query.get('user_id');
  const all = context.caller.account.metaStudioUsers;
  // Without a user_id, every page of a large account would otherwise copy the whole list first.
  const users = userId === null ? all : all.filter((user) => user.user_id === userId);
  return { status: 200, body: { count: users.length, assets: users.slice(offset, offset + limit) } };
};
