import { z } from 'zod';
import { checkQuotaType } from '../quota/field-schemas';
import { QUOTA_TYPES } from '../quota/requirement-schema';
import { checkPolicyInput } from './check-input';

/** The quota families a declared resource can use. MetaStudio quotas are per IAM user: no resource type maps to them. */
export type RuleService = 'account' | 'project' | 'kms' | 'sfs-turbo';

/** Every `RuleService`, for schemas. */
export const RULE_SERVICES: readonly RuleService[] = ['account', 'project', 'kms', 'sfs-turbo'];

/** One quota that each resource of some type uses, and how much of it. */
export interface QuotaUse {
  /** The quota family: `account`, `project`, `kms` or `sfs-turbo`. */
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

/** What the Huawei Cloud Pulumi provider's resources use, one of each unless said otherwise. */
export const DEFAULT_QUOTA_RULES: QuotaRules = {
  'huaweicloud:Dew/key:Key': [{ service: 'kms', type: 'CMK', amount: 1 }],
  'huaweicloud:Sfs/turbo:Turbo': [
    { service: 'sfs-turbo', type: 'shares', amount: 1 },
    { service: 'sfs-turbo', type: 'capacity', amountFrom: 'size' },
  ],
  'huaweicloud:Iam/user:User': [{ service: 'account', type: 'user', amount: 1 }],
  'huaweicloud:Iam/group:Group': [{ service: 'account', type: 'group', amount: 1 }],
  'huaweicloud:Iam/agency:Agency': [{ service: 'account', type: 'agency', amount: 1 }],
  // A project has no region input: its name starts with the region whose project quota it uses.
  'huaweicloud:Iam/project:Project': [{ service: 'project', type: 'project', amount: 1, regionFrom: 'name' }],
};

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
    checkQuotaType(QUOTA_TYPES, use.service, use.type, context);
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
