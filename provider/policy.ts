// CrossGuard quota policies (`pulumi-huaweicloud-quotas/policy`). @pulumi/policy is an optional peer: this entry only
// imports its types, and constructs no PolicyPack (that starts the analyzer's gRPC server): a pack's own entry does.
/**
 * `pulumi-huaweicloud-quotas/policy`: CrossGuard resource policies that compare what a stack declares with the
 * account's quotas. Hand `quotaPolicies().policies` to `new PolicyPack(...)` in the pack's own entry.
 *
 * @module pulumi-huaweicloud-quotas/policy
 */
export { quotaPolicies, QUOTA_POLICY_NAMES, type QuotaPolicies, type QuotaPolicyOptions } from './policy/quota-policies';
export { QUOTA_POLICY_CONFIG_SCHEMA, type QuotaPolicyConfig } from './policy/policy-config';
export { DEFAULT_QUOTA_RULES, RULE_SERVICES, type QuotaRules, type QuotaUse, type RuleService } from './policy/quota-rules';
