import type { RouteHandler } from '../route-handler';
import { iamScopeProblem } from '../scoping';

/** IAM `GET /v3/auth/domains`: the account the credentials belong to. */
export const authDomains: RouteHandler = (context) => {
  const scopeProblem = iamScopeProblem(context);
  if (scopeProblem) return scopeProblem;
  const { account } = context.caller;
  const domain = { id: account.id, name: account.name, enabled: account.enabled, description: '', links: { self: `${context.baseUrl}/v3/domains/${account.id}` } };
  return { status: 200, body: { domains: [domain], links: { self: `${context.baseUrl}/v3/auth/domains`, previous: null, next: null } } };
};
