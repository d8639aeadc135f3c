import * as pulumi from '@pulumi/pulumi';
import { SERVICE_NAMES, type ServiceName } from '../endpoints/service-names';
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

const STRING_KEYS = ['region', 'accessKey', 'secretKey', 'securityToken', 'projectId', 'projectName', 'domainId', 'cloud'] as const;

/**
 * Settings from stack config: `huaweicloud-quotas:*` first, then the Huawei Cloud provider's `huaweicloud:*` keys of the
 * same names (only read, never required). The environment comes after both, inside the client.
 */
export function stackConfigSettings(): QuotaClientOptions {
  const own = new pulumi.Config('huaweicloud-quotas');
  const provider = new pulumi.Config('huaweicloud');
  const settings: QuotaClientOptions = {};
  for (const key of STRING_KEYS) {
    const value = own.get(key) ?? provider.get(key);
    if (value) settings[key] = value;
  }
  const endpoints = (own.getObject<Record<string, string>>('endpoints') ?? provider.getObject<Record<string, string>>('endpoints')) || undefined;
  if (endpoints) {
    // The provider's map may name services this package does not call; keep ours.
    settings.endpoints = Object.fromEntries(Object.entries(endpoints).filter(([name]) => (SERVICE_NAMES as readonly string[]).includes(name)));
  }
  return settings;
}

/** Args win over stack config; undefined args leave the config value in place. */
export function mergeSettings(config: QuotaClientOptions, args: ConnectionArgs): QuotaClientOptions {
  const merged: QuotaClientOptions = { ...config };
  for (const [key, value] of Object.entries(args) as [keyof ConnectionArgs, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
