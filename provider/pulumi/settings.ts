import * as pulumi from '@pulumi/pulumi';
import { settingsFromConfig } from '../config-settings';
import type { ServiceName } from '../endpoints/service-names';
import type { QuotaClientOptions } from '../quota-client';

/** Settings a data source takes besides its scope: credentials and endpoints, each overriding stack config. */
export interface ConnectionArgs {
  region?: string;
  accessKey?: string;
  /** Prefer `pulumi config set --secret huaweicloud-quotas:secretKey` over passing it here. */
  secretKey?: string;
  securityToken?: string;
  /** An IAM token, instead of an access key. */
  authToken?: string;
  cloud?: string;
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
