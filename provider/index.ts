// The package root: the Pulumi layer (data sources and guards) plus everything in `/client`.
/**
 * `pulumi-huaweicloud-quotas`: Huawei Cloud quotas in Pulumi programs. The data sources (`getKmsQuotas`,
 * `getKmsQuotasOutput`...), the guards (`requireHeadroom`, `hasHeadroom`, `pickPlacement`, `QuotaGuard`), and
 * everything in `pulumi-huaweicloud-quotas/client`. Needs `@pulumi/pulumi`.
 *
 * @module pulumi-huaweicloud-quotas
 */
export * from './client';
export * from './pulumi/functions';
export type { ConnectionArgs } from './pulumi/settings';
export { Provider, type ProviderArgs } from './pulumi/provider-resource';
export {
  evaluateRequirements,
  evaluateRequirementsOutput,
  type EvaluateRequirementsOutputArgs,
  type EvaluateRequirementsResult,
} from './pulumi/evaluate-requirements';
export { requireHeadroom, type RequireHeadroomOptions } from './guards/require-headroom';
export { hasHeadroom } from './guards/has-headroom';
export { pickPlacement, pickPlacementOutput, type PickPlacementOptions, type Placement } from './guards/pick-placement';
export { QuotaPlacementGuard, type QuotaPlacementGuardArgs } from './guards/placement-guard';
export { QuotaGuard, type QuotaGuardArgs } from './guards/quota-guard';
export { quotaGuardProvider } from './guards/quota-guard-provider';
