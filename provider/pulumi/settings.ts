import * as pulumi from '@pulumi/pulumi';
import { settingsFromConfig } from '../config-settings';
import type { ServiceName } from '../endpoints/service-names';
import type { QuotaClientOptions } from '../quota-client';

/** Settings a data source takes besides its scope: credentials and endpoints, each overriding stack config. */
export interface ConnectionArgs {
  /** Region ID such as `cn-north-4`. Default: stack config `huaweicloud-quotas:region`, `huaweicloud:region`, else `HW_REGION_NAME`. */
  region?: string;
  /** Access key ID. Default: stack config, else the environment's credentials chain. */
  accessKey?: string;
  /** Prefer `pulumi config set --secret huaweicloud-quotas:secretKey` over passing it here. */
  secretKey?: string;
  /** With a temporary access key: its security token (sent as `X-Security-Token`). */
  securityToken?: string;
  /** An IAM token, instead of an access key. */
  authToken?: string;
  /** Cloud domain, such as `myhuaweicloud.eu`. Default: `HW_CLOUD`, else from the region. */
  cloud?: string;
  /** Base URL per service (`SERVICE_NAMES`: `iam`, `kms`, `ecs`...), over the default endpoints. */
  endpoints?: Partial<Record<ServiceName, string>>;
}

/** Settings from this stack's config (see `settingsFromConfig`); the environment comes after, inside the client. */
export function stackConfigSettings(): QuotaClientOptions {
  const own = new pulumi.Config('huaweicloud-quotas');
  const provider = new pulumi.Config('huaweicloud');
  return settingsFromConfig((fullKey) => {
    const [namespace, key] = fullKey.split(':') as [string, string];
    return (namespace === 'huaweicloud' ? provider : own).get(key);
  });
}

/** Args win over stack config; undefined args leave the config value in place. */
export function mergeSettings(config: QuotaClientOptions, args: ConnectionArgs): QuotaClientOptions {
  const merged: QuotaClientOptions = { ...config };
  for (const [key, value] of Object.entries(args) as [keyof ConnectionArgs, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
