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
export type { QuotaReads } from './quota/quota-reads';
export type { QuotaResource } from './quota/quota-resource';
export type { QuotaCheck, QuotaRequirement } from './quota/requirements';
export { loadQuotaApi, QUOTA_SERVICES, type QuotaApi, type QuotaApiEntry, type QuotaApiNamed, type QuotaService, type QuotaReadArgs, type QuotaReadResult } from './apis/quota-apis';
export { QUOTA_API_CATALOG } from './apis/catalog';
export type { ApiArgsShape, ApiCall, ApiLookup, ApiResult, QuotaApiDefinition, QuotaTypeInfo, QuotaTypePattern, RequirementScope, ResourceQuotaUse } from './apis/api-definition';
export type { EndpointService, ServiceErrorCode, ServiceErrorKind } from './apis/endpoint-service';
export type { EmulatorAnswer, EmulatorPart, EmulatorRequest } from './apis/emulator-part';
export { SCOPE_SHAPES, type ApiScope, type ScopeFields, type ScopeShape } from './apis/scope-args';
export type { QuotaList } from './apis/quota-list';
export type { ArgsObject, ReadArgs } from './quota/read-args';
export { QUOTA_TYPES } from './quota/requirement-schema';
export { ACCOUNT_QUOTA_TYPES, type AccountQuotaType } from './apis/account-quota-types';
export type { MetaStudioUserQuota, MetaStudioUsers } from './apis/metastudio';
export { settingsFromConfig } from './config-settings';
export { applyMargin, type Margin } from './guards/margin';
export { judgeGuard, rereadClaims, type GuardRecord, type GuardVerdict } from './guards/guard-verdict';
export type { GuardConnection, GuardInputs, HeadroomGuardInputs, PlacementCandidate, PlacementGuardInputs, UnplacedRequirement } from './guards/guard-inputs';
export type { QuotaClaim } from './guards/quota-claims';
export { formatChecks } from './report/check-table';
