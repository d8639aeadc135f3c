import { z } from 'zod';
import type { ResourceQuotaUse } from '../apis/api-definition';
import { findQuotaApi } from '../apis/defined-apis';
import { quotaTypeProblem, type QuotaApi } from '../apis/quota-apis';
import { QUOTA_APIS } from '../apis/registry';
import { checkPolicyInput } from './check-input';

/** A quota API a declared resource can use: any but those whose quotas are per IAM user (MetaStudio), as `RULE_SERVICES` lists. */
export type RuleService = QuotaApi['name'];

/** Every `RuleService`, for schemas. */
export const RULE_SERVICES = QUOTA_APIS.filter((api) => !api.perUser).map((api) => api.name) as readonly RuleService[];

/**
 * One quota that each resource of some type uses, and how much of it: a {@link ResourceQuotaUse} of the API
 * `service`. Its `regionFrom` is ignored for `account` quotas, which are global.
 */
export interface QuotaUse extends ResourceQuotaUse {
  /** The quota API: one of `RULE_SERVICES` (`account`, `kms`, `ecs`...). */
  readonly service: RuleService;
}

/** Quota uses by Pulumi resource type token. An empty list turns a type off. */
export type QuotaRules = Readonly<Record<string, readonly QuotaUse[]>>;

const hasAmountSource = (use: ResourceQuotaUse) => use.amountFrom !== undefined || use.amountFromLookup !== undefined;

/** What the Huawei Cloud Pulumi provider's resources use, from each API's `countedBy`: one of each unless said otherwise. */
export const DEFAULT_QUOTA_RULES: QuotaRules = (() => {
  const rules: Record<string, QuotaUse[]> = {};
  for (const api of QUOTA_APIS) {
    for (const [token, uses] of Object.entries<readonly ResourceQuotaUse[]>(api.countedBy ?? {})) {
      rules[token] = [...(rules[token] ?? []), ...uses.map((use) => ({ service: api.name as RuleService, ...use, ...(hasAmountSource(use) ? {} : { amount: use.amount ?? 1 }) }))];
    }
  }
  return rules;
})();

const PropertyName = z.string().min(1, 'must name an input property');

const QuotaUseSchema = z
  .object({
    service: z.enum(RULE_SERVICES as [RuleService, ...RuleService[]]),
    type: z.string(),
    amount: z.number().finite().nonnegative('must be a number ≥ 0').optional(),
    amountFrom: PropertyName.optional(),
    amountFromLookup: z.object({ lookup: z.string(), keyFrom: z.array(PropertyName).min(1), field: z.string().min(1) }).strict().optional(),
    each: PropertyName.optional(),
    typeSuffixFrom: PropertyName.optional(),
    regionFrom: PropertyName.optional(),
  })
  .strict()
  .superRefine((use, context) => {
    const api = findQuotaApi(use.service)!;
    const problem = quotaTypeProblem(use.service, use.type);
    if (problem) context.addIssue({ code: 'custom', path: ['type'], message: problem });
    if ([use.amount, use.amountFrom, use.amountFromLookup].filter((source) => source !== undefined).length > 1) {
      context.addIssue({ code: 'custom', path: ['amountFrom'], message: 'give one of amount, amountFrom and amountFromLookup' });
    }
    const lookups = Object.keys(api.lookups ?? {});
    if (use.amountFromLookup && !lookups.includes(use.amountFromLookup.lookup)) {
      context.addIssue({ code: 'custom', path: ['amountFromLookup', 'lookup'], message: `${api.name} lookups are ${lookups.join(', ') || 'none'}; got ${JSON.stringify(use.amountFromLookup.lookup)}` });
    }
  });

/** Rules as written in code or in a policy's config. */
export const QuotaRulesSchema = z.record(z.array(QuotaUseSchema));

/** Checks rules given in code; the error names the rule and field at fault. */
export function checkQuotaRules(rules: unknown): QuotaRules {
  return checkPolicyInput(QuotaRulesSchema, rules, 'rules');
}

/** Later layers replace earlier ones type by type: a layer that names a type decides all of that type's uses. */
export function mergeQuotaRules(...layers: (QuotaRules | undefined)[]): QuotaRules {
  return Object.assign({}, ...layers.filter((layer) => layer !== undefined)) as QuotaRules;
}
