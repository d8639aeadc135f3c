import { z } from 'zod';
import type { ResourceQuotaUse } from '../apis/api-definition';
import { findQuotaApi, quotaTypeProblem, type QuotaApi } from '../apis/quota-apis';
import { QUOTA_APIS } from '../apis/registry';
import { checkPolicyInput } from './check-input';

/** A quota API a declared resource can use: any but those whose quotas are per IAM user (MetaStudio), as `RULE_SERVICES` lists. */
export type RuleService = QuotaApi['name'];

/** Every `RuleService`, for schemas. */
export const RULE_SERVICES = QUOTA_APIS.filter((api) => !api.perUser).map((api) => api.name) as readonly RuleService[];

/** One quota that each resource of some type uses, and how much of it. */
export interface QuotaUse {
  /** The quota API: one of `RULE_SERVICES` (`account`, `kms`, `ecs`...). */
  service: RuleService;
  /** The quota type, as the service's API spells it (`CMK`, `capacity`, `user`...). */
  type: string;
  /** A fixed amount per resource. Default 1. */
  amount?: number;
  /** Instead of `amount`: the input property holding the amount (SFS Turbo's `size`, in GB). */
  amountFrom?: string;
  /**
   * The input property that names the resource's region: its value is a region ID, or starts with one and `_`
   * (IAM projects are named `cn-north-4_dev`). Default `region`. Ignored for `account` quotas, which are global.
   */
  regionFrom?: string;
}

/** Quota uses by Pulumi resource type token. An empty list turns a type off. */
export type QuotaRules = Readonly<Record<string, readonly QuotaUse[]>>;

/** What the Huawei Cloud Pulumi provider's resources use, from each API's `countedBy`: one of each unless said otherwise. */
export const DEFAULT_QUOTA_RULES: QuotaRules = (() => {
  const rules: Record<string, QuotaUse[]> = {};
  for (const api of QUOTA_APIS) {
    for (const [token, uses] of Object.entries<readonly ResourceQuotaUse[]>(api.countedBy ?? {})) {
      rules[token] = [...(rules[token] ?? []), ...uses.map((use) => ({ service: api.name as RuleService, ...use, amount: use.amountFrom === undefined ? (use.amount ?? 1) : undefined }))];
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
    regionFrom: PropertyName.optional(),
  })
  .strict()
  .superRefine((use, context) => {
    const problem = quotaTypeProblem(findQuotaApi(use.service)!, use.type);
    if (problem) context.addIssue({ code: 'custom', path: ['type'], message: problem });
    if (use.amount !== undefined && use.amountFrom !== undefined) {
      context.addIssue({ code: 'custom', path: ['amountFrom'], message: 'give amount or amountFrom, not both' });
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
