// The core client: signing, credentials, endpoints and transport. It must not import @pulumi/pulumi (plain Node users
// and the CLI load it alone).
/**
 * `pulumi-huaweicloud-quotas/client`: the core, without Pulumi. `createQuotaClient` for typed quota reads,
 * `createHuaweiCloudClient` for signed calls to any Huawei Cloud GET API, and `HuaweiCloudError`.
 *
 * @module pulumi-huaweicloud-quotas/client
 */
export { HuaweiCloudError, type HuaweiCloudErrorDetails, type HuaweiCloudErrorKind } from './errors';
export { signRequest, type AccessKeyCredentials, type RequestToSign, type SignOptions } from './signing/sign-request';
export type { SigningAlgorithm } from './signing/digest';
export { createHuaweiCloudClient, type HuaweiCloudClient, type ProjectQuery, type ServiceCall } from './huawei-cloud-client';
export type { HuaweiCloudClientOptions } from './client-options';
export type { CredentialOptions } from './credentials/resolve-credentials';
export { SERVICE_NAMES, type ServiceName } from './endpoints/service-names';
export { expandPath, checkPathParameter } from './path-parameters';
export type { TransportResponse } from './transport/transport';
export type { DebugLogger } from './transport/debug-log';
export { createQuotaClient, evaluateRequirements, type QuotaClient, type QuotaClientOptions } from './quota-client';
export type { QuotaResource } from './quota/quota-resource';
export { QUOTA_SERVICES, type QuotaCheck, type QuotaRequirement, type QuotaService } from './quota/requirements';
export { QUOTA_TYPES } from './quota/requirement-schema';
export type { AccountQuotasArgs, MetaStudioArgs, ProjectScopeArgs } from './quota/read-args';
export { ACCOUNT_QUOTA_TYPES, type AccountQuotaType, type AccountQuotas } from './services/account-quotas';
export type { ProjectQuotas } from './services/project-quotas';
export type { RegionalQuotas } from './services/regional-quotas';
export type { MetaStudioUserQuota, MetaStudioUserQuotas } from './services/metastudio-user-quotas';
export { settingsFromConfig } from './config-settings';
export { applyMargin, type Margin } from './guards/margin';
export { judgeGuard, rereadClaims, type GuardRecord, type GuardVerdict } from './guards/guard-verdict';
export type { GuardConnection, GuardInputs, HeadroomGuardInputs, PlacementCandidate, PlacementGuardInputs, UnplacedRequirement } from './guards/guard-inputs';
export type { QuotaClaim } from './guards/quota-claims';
export { formatChecks } from './report/check-table';
