import { SERVICE_NAMES } from './endpoints/service-names';
import type { QuotaClientOptions } from './quota-client';

const STRING_KEYS = ['region', 'accessKey', 'secretKey', 'securityToken', 'projectId', 'projectName', 'domainId', 'cloud'] as const;

/**
 * Settings from Pulumi stack config, given a way to read a full key: `huaweicloud-quotas:*` first, then the Huawei Cloud
 * provider's `huaweicloud:*` keys of the same names (only read, never required). Used by the data sources (through
 * `pulumi.Config`) and by the `QuotaGuard` provider (through its `configure()` request), which cannot load Pulumi.
 */
export function settingsFromConfig(get: (fullKey: string) => string | undefined): QuotaClientOptions {
  const read = (key: string) => get(`huaweicloud-quotas:${key}`) || get(`huaweicloud:${key}`) || undefined;
  const settings: QuotaClientOptions = {};
  for (const key of STRING_KEYS) {
    const value = read(key);
    if (value) settings[key] = value;
  }
  const endpoints = read('endpoints');
  if (endpoints) {
    // The provider's map may name services this package does not call; keep ours.
    const parsed = JSON.parse(endpoints) as Record<string, string>;
    settings.endpoints = Object.fromEntries(Object.entries(parsed).filter(([name]) => (SERVICE_NAMES as readonly string[]).includes(name)));
  }
  return settings;
}
