import { serviceError } from '../error-bodies';
import { queryProblem } from '../query-parameters';
import type { RouteHandler } from '../route-handler';
import { iamScopeProblem } from '../scoping';
import { findAccount } from '../state-lookups';
import { IAM_ACCOUNT_QUOTA_TYPES } from '../state-schema';

const TYPES = new Set<string>(IAM_ACCOUNT_QUOTA_TYPES);

/**
 * IAM `GET /v3.0/OS-QUOTA/domains/{domain_id}[?type=]`: the account's quotas, or one type of them. Any credential of
 * the account may ask (no special permission); another account's ID is refused, an unknown one is not found.
 */
export const accountQuotas: RouteHandler = (context) => {
  const scopeProblem = iamScopeProblem(context);
  if (scopeProblem) return scopeProblem;
  const domainId = context.params.domain_id!;
  const { account } = context.caller;
  if (domainId !== account.id) {
    return findAccount(context.state, domainId)
      ? serviceError('iam', 'forbidden', 'You are not authorized to perform the requested action.')
      : serviceError('iam', 'notFound', `Could not find domain: ${domainId}.`);
  }
  const problem = queryProblem(context.query, { type: (value) => TYPES.has(value) });
  if (problem) return serviceError('iam', 'badRequest', `Request parameter is invalid: ${problem}.`);
  const type = context.query.get('type');
  const resources = account.iamQuotas.filter((quota) => type === null || quota.type === type);
  return { status: 200, body: { quotas: { resources } } };
};
