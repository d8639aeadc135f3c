import { HuaweiCloudError, invalidArgument } from '../errors';
import { defaultCloudDomain, regionEnvName } from './region';
import { regionsFileEndpoints } from './regions-file';
import { SERVICE_ENV_NAMES, type ServiceName } from './service-names';

export interface EndpointSettings {
  /** Base URL per service (may be `http://` and carry a base path, which is kept and signed). */
  endpoints?: Partial<Record<ServiceName, string>>;
  /** Cloud domain such as `myhuaweicloud.com`; defaults from the region. */
  cloud?: string;
  env: NodeJS.ProcessEnv;
}

/** A domain name whose last label is a name: URLs read a host ending in a number (`1.2.3.4`, `x.123`) as an IPv4 address. */
const HOST_NAME = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]([a-z0-9-]*[a-z0-9])?$/;

/**
 * What an endpoint is for: a service's own API, or IAM's project and account ID look-ups (which, as in the official
 * SDKs, `HUAWEICLOUD_SDK_IAM_ENDPOINT` serves).
 */
export type EndpointPurpose = 'api' | 'id-lookup';

/**
 * The base URLs of a service in a region, in the order to try them, first found of: the `endpoints` option;
 * for ID look-ups, `HUAWEICLOUD_SDK_IAM_ENDPOINT` (`https://` added when it names no scheme);
 * `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}` (several, comma-separated, as the official SDKs take it); the regions
 * file (`HUAWEICLOUD_SDK_REGIONS_FILE`, default `~/.huaweicloud/regions.yaml`); else `https://{service}.{region}.{cloud}`
 * (IAM without a region: the global `https://iam.{cloud}`). Each without a trailing slash.
 */
export function resolveEndpoints(service: ServiceName, region: string | undefined, settings: EndpointSettings, purpose: EndpointPurpose = 'api'): string[] {
  const { env } = settings;
  const fromOption = settings.endpoints?.[service];
  if (fromOption) return [checkBaseUrl(`endpoints.${service}`, fromOption)];
  if (purpose === 'id-lookup' && env.HUAWEICLOUD_SDK_IAM_ENDPOINT) {
    const value = env.HUAWEICLOUD_SDK_IAM_ENDPOINT.trim();
    return [checkBaseUrl('HUAWEICLOUD_SDK_IAM_ENDPOINT', /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`)];
  }
  if (region) {
    const name = `HUAWEICLOUD_SDK_REGION_${SERVICE_ENV_NAMES[service]}_${regionEnvName(region)}`;
    const fromEnv = env[name]?.split(',').map((url) => url.trim()).filter(Boolean);
    if (fromEnv?.length) return fromEnv.map((url) => checkBaseUrl(name, url));
    const fromFile = regionsFileEndpoints(SERVICE_ENV_NAMES[service], region, env);
    if (fromFile) return fromFile.endpoints.map((url) => checkBaseUrl(fromFile.field, url));
  }
  const cloud = resolveCloud(region, settings);
  if (region) return [`https://${service}.${region}.${cloud}`];
  if (service === 'iam') return [`https://iam.${cloud}`];
  throw new HuaweiCloudError({
    kind: 'invalid-argument',
    field: 'region',
    message: `region: ${service} needs a region; set the region option or HW_REGION_NAME (for example cn-north-4)`,
  });
}

/** The first of {@link resolveEndpoints}: where a service is reached unless that endpoint cannot be. */
export function resolveEndpoint(service: ServiceName, region: string | undefined, settings: EndpointSettings, purpose: EndpointPurpose = 'api'): string {
  return resolveEndpoints(service, region, settings, purpose)[0]!;
}

function resolveCloud(region: string | undefined, settings: EndpointSettings): string {
  const [field, value] = settings.cloud ? ['cloud', settings.cloud] : settings.env.HW_CLOUD ? ['HW_CLOUD', settings.env.HW_CLOUD] : [];
  if (!field || !value) return defaultCloudDomain(region);
  if (!HOST_NAME.test(value)) throw invalidArgument(field, `must be a domain name such as myhuaweicloud.com, its last label a name, not a number; got ${JSON.stringify(value)}`);
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
