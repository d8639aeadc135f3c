import type { EndpointService } from '../apis/endpoint-service';
import { IAM } from '../apis/iam-service';
import { headerValue } from './authenticate';
import { serviceError } from './error-bodies';
import type { RouteContext, RouteResult } from './route-handler';
import { findAccount, findProject } from './state-lookups';
import type { EmulatorProject } from './state-schema';

/**
 * Scoping of the APIs of a project in a region (KMS, SFS Turbo, ECS...), as their references state it. The path's
 * project must be one of the caller's account in the base path's region, else it is unknown here (404). With an
 * access key, `X-Project-Id` must name that project; with a token, the token must be scoped to it (else 403).
 */
export function projectInScope(service: EndpointService, context: RouteContext): { project: EmulatorProject } | { error: RouteResult } {
  const projectId = context.params.project_id!;
  const project = context.caller.account.projects.find((candidate) => candidate.id === projectId && candidate.region === context.region);
  if (!project) return { error: serviceError(service, 'notFound', `Could not find project ${projectId} in region ${context.region} for this account.`) };

  const { credential } = context.caller;
  if (credential.kind === 'access-key') {
    const scoped = headerValue(context.headers, 'x-project-id');
    if (scoped === undefined) return { error: serviceError(service, 'forbidden', 'AK/SK requests to this API need X-Project-Id, the project in the path.') };
    if (scoped !== projectId) return { error: serviceError(service, 'forbidden', `X-Project-Id ${scoped} is not the project in the path (${projectId}).`) };
  } else if (!('projectId' in credential.token.scope) || credential.token.scope.projectId !== projectId) {
    return { error: serviceError(service, 'forbidden', `The token is not scoped to project ${projectId}.`) };
  }
  return { project };
}

/**
 * Scoping of IAM calls with an access key: `X-Domain-Id` or `X-Project-Id`, when sent, must name the key's account or
 * one of its projects (IAM also accepts neither: the key names the account). An ID that names nothing is not found;
 * one of another account is refused. Tokens carry their scope.
 */
export function iamScopeProblem(context: RouteContext): RouteResult | undefined {
  const { account, credential } = context.caller;
  if (credential.kind !== 'access-key') return undefined;
  const domainId = headerValue(context.headers, 'x-domain-id');
  if (domainId !== undefined && domainId !== account.id) {
    return findAccount(context.state, domainId)
      ? serviceError(IAM, 'forbidden', `You are not authorized to perform the requested action: X-Domain-Id ${domainId} is not the account of this access key.`)
      : serviceError(IAM, 'notFound', `Could not find domain: ${domainId}.`);
  }
  const projectId = headerValue(context.headers, 'x-project-id');
  if (projectId !== undefined) {
    const found = findProject(context.state, projectId);
    if (!found) return serviceError(IAM, 'notFound', `Could not find project: ${projectId}.`);
    if (found.account !== account) {
      return serviceError(IAM, 'forbidden', `You are not authorized to perform the requested action: X-Project-Id ${projectId} is not a project of this access key's account.`);
    }
  }
  return undefined;
}
