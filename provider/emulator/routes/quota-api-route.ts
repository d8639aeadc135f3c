import type { EmulatorRequest } from '../../apis/emulator-part';
import { IAM } from '../../apis/iam-service';
import type { QuotaApi } from '../../apis/quota-apis';
import { headerValue } from '../authenticate';
import { serviceError } from '../error-bodies';
import { queryProblem } from '../query-parameters';
import type { RouteContext, RouteResult } from '../route-handler';
import { iamScopeProblem, projectInScope } from '../scoping';
import { findAccount, findProject } from '../state-lookups';

/**
 * A quota API of the registry, answered from the state: the scope checks of its kind, then the permission of an IAM
 * user, the API's own refusals and query checks, and its answer from the entries kept under its `stateKey`. One of its
 * `lookups` (ECS flavors) passes the same scope and permission checks, then answers its fixed data.
 */
export function answerQuotaApi(api: QuotaApi, context: RouteContext, lookup?: string): RouteResult {
  const scoped = scopeOf(api, context);
  if ('error' in scoped) return scoped.error;
  const { user } = context.caller;
  if (api.service !== IAM && !user.root && !user.grants.includes(api.service.host)) {
    return serviceError(api.service, 'noPermission', `The user ${user.name} has no permission for ${api.service.title}: grant it the service's read permissions.`);
  }
  if (lookup !== undefined) return { status: 200, body: api.lookups![lookup]!.emulatorAnswer() };
  const request: EmulatorRequest = {
    query: context.query,
    params: context.params,
    header: (name) => headerValue(context.headers, name),
    root: user.root,
    baseUrl: context.baseUrl,
    error: (kind, message) => serviceError(api.service, kind, message),
  };
  const refused = api.emulator().refuse?.(request);
  if (refused) return refused;
  const problem = queryProblem(context.query, api.emulator().query ?? {}, api.emulator().repeatable);
  if (problem) return serviceError(api.service, 'badRequest', `Invalid request parameter: ${problem}.`);
  const entries = (scoped.owner as unknown as Record<string, never[]>)[api.emulator().stateKey] ?? [];
  return { status: 200, body: api.emulator().answer(entries, request) };
}

type Scoped = { owner: object } | { error: RouteResult };

/** Where the API's entries are, once the caller may read them: the project's, or the account's. */
function scopeOf(api: QuotaApi, context: RouteContext): Scoped {
  const { account } = context.caller;
  const owner = (project: object): Scoped => ({ owner: api.emulator().level === 'account' ? account : project });
  switch (api.scope) {
    case 'account': {
      // Any credential of the account may ask; another account's ID is refused, an unknown one is not found.
      const problem = iamScopeProblem(context);
      if (problem) return { error: problem };
      const domainId = context.params.domain_id!;
      if (domainId === account.id) return { owner: account };
      return {
        error: findAccount(context.state, domainId)
          ? serviceError(IAM, 'forbidden', 'You are not authorized to perform the requested action.')
          : serviceError(IAM, 'notFound', `Could not find domain: ${domainId}.`),
      };
    }
    case 'project': {
      // A token must be scoped to the project in the URL; an access key may ask for any project of its account.
      const problem = iamScopeProblem(context);
      if (problem) return { error: problem };
      const projectId = context.params.project_id!;
      const found = findProject(context.state, projectId);
      if (!found) return { error: serviceError(IAM, 'notFound', `Could not find project: ${projectId}.`) };
      const { credential } = context.caller;
      const tokenElsewhere = credential.kind === 'token' && !('projectId' in credential.token.scope && credential.token.scope.projectId === projectId);
      if (found.account !== account || tokenElsewhere) return { error: serviceError(IAM, 'forbidden', 'You are not authorized to perform the requested action.') };
      return owner(found.project);
    }
    case 'regional': {
      const scoped = projectInScope(api.service, context);
      return 'error' in scoped ? scoped : owner(scoped.project);
    }
  }
}
