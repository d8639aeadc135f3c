import { ENDPOINT_SERVICES, type QuotaApi } from '../apis/quota-apis';

/** The Huawei Cloud services this package calls, as they appear in their endpoints' host names. */
export type ServiceName = QuotaApi['service']['host'];

/** Every {@link ServiceName}: the keys of the `endpoints` option. */
export const SERVICE_NAMES: readonly ServiceName[] = ENDPOINT_SERVICES.map((service) => service.host);

/** How the official SDKs spell a service in `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`. */
export const SERVICE_ENV_NAMES = Object.fromEntries(ENDPOINT_SERVICES.map((service) => [service.host, service.envName])) as Record<ServiceName, string>;
