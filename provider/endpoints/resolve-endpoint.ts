import { HuaweiCloudError, invalidArgument } from '../errors';
import { defaultCloudDomain, regionEnvName } from './region';
import { SERVICE_ENV_NAMES, type ServiceName } from './service-names';

export interface EndpointSettings {
  /** Base URL per service (may be `http://` and carry a base path, which is kept and signed). */
  endpoints?: Partial<Record<ServiceName, string>>;
  /** Cloud domain such as `myhuaweicloud.com`; defaults from the region. */
  cloud?: string;
  env: NodeJS.ProcessEnv;
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/**
 * The base URL of a service in a region, first found of: the `endpoints` option; `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`;
 * for IAM, `HUAWEICLOUD_SDK_IAM_ENDPOINT`; else `https://{service}.{region}.{cloud}` (IAM without a region: the global
 * `https://iam.{cloud}`). Returned without a trailing slash.
 */
export function resolveEndpoint(service: ServiceName, region: string | undefined, settings: EndpointSettings): string {
  const { env } = settings;
  const fromOption = settings.endpoints?.[service];
  if (fromOption) return checkBaseUrl(`endpoints.${service}`, fromOption);
  if (region) {
    const name = `HUAWEICLOUD_SDK_REGION_${SERVICE_ENV_NAMES[service]}_${regionEnvName(region)}`;
    const fromEnv = env[name];
    if (fromEnv) return checkBaseUrl(name, fromEnv);
  }
  if (service === 'iam' && env.HUAWEICLOUD_SDK_IAM_ENDPOINT) {
    return checkBaseUrl('HUAWEICLOUD_SDK_IAM_ENDPOINT', env.HUAWEICLOUD_SDK_IAM_ENDPOINT);
  }
  const cloud = resolveCloud(region, settings);
  if (region) return `https://${service}.${region}.${cloud}`;
  if (service === 'iam') return `https://iam.${cloud}`;
  throw new HuaweiCloudError({
    kind: 'invalid-argument',
    field: 'region',
    message: `region: ${service} needs a region; set the region option or HW_REGION_NAME (for example cn-north-4)`,
  });
}

function resolveCloud(region: string | undefined, settings: EndpointSettings): string {
  const [field, value] = settings.cloud ? ['cloud', settings.cloud] : settings.env.HW_CLOUD ? ['HW_CLOUD', settings.env.HW_CLOUD] : [];
  if (!field || !value) return defaultCloudDomain(region);
  if (!HOST_NAME.test(value)) throw invalidArgument(field, `must be a domain name such as myhuaweicloud.com; got ${JSON.stringify(value)}`);
  return value;
}

function checkBaseUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidArgument(field, `must be an http:// or https:// URL; got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidArgument(field, `must be an http:// or https:// URL; got ${JSON.stringify(value)}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalidArgument(field, 'must be a base URL without credentials, query or fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
