// The core client: signing, credentials, endpoints and transport. It must not import @pulumi/pulumi (plain Node users
// and the CLI load it alone).
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
