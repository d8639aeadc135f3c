import { IAM } from '../../apis/iam-service';
import { PROJECT_NAME_PATTERN } from '../../path-parameters';
import { serviceError } from '../error-bodies';
import { queryProblem } from '../query-parameters';
import type { RouteHandler } from '../route-handler';
import { iamScopeProblem } from '../scoping';

const anyId = (value: string) => PROJECT_NAME_PATTERN.test(value);

/**
 * IAM `GET /v3/projects[?name=&domain_id=&enabled=&parent_id=]`: the projects of the caller's account, filtered.
 * Main projects are named after their region, sub-projects `{region}_{name}`; a main project's parent is the account.
 */
export const listProjects: RouteHandler = (context) => {
  const scopeProblem = iamScopeProblem(context);
  if (scopeProblem) return scopeProblem;
  const { query } = context;
  const problem = queryProblem(query, { name: anyId, domain_id: anyId, parent_id: anyId, enabled: (value) => value === 'true' || value === 'false' });
  if (problem) return serviceError(IAM, 'badRequest', `Request parameter is invalid: ${problem}.`);
  const { account } = context.caller;
  const projects = account.projects
    .map((project) => ({
      id: project.id,
      name: project.name,
      domain_id: account.id,
      enabled: project.enabled,
      is_domain: false,
      parent_id: project.parentId ?? account.id,
      description: '',
      links: { self: `${context.baseUrl}/v3/projects/${project.id}` },
    }))
    .filter(
      (project) =>
        (!query.has('name') || project.name === query.get('name')) &&
        (!query.has('domain_id') || project.domain_id === query.get('domain_id')) &&
        (!query.has('parent_id') || project.parent_id === query.get('parent_id')) &&
        (!query.has('enabled') || String(project.enabled) === query.get('enabled')),
    );
  const search = query.size > 0 ? `?${query}` : '';
  return { status: 200, body: { projects, links: { self: `${context.baseUrl}/v3/projects${search}`, previous: null, next: null } } };
};
