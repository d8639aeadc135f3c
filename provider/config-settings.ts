import { SERVICE_NAMES } from './endpoints/service-names';
import { invalidArgument } from './errors';
import type { QuotaClientOptions } from './quota-client';

const STRING_KEYS = ['region', 'accessKey', 'secretKey', 'securityToken', 'projectId', 'projectName', 'domainId', 'cloud'] as const;

/**
 * Settings from Pulumi stack config, given a way to read a full key: `huaweicloud-quotas:*` first, then the Huawei Cloud
 * provider's `huaweicloud:*` keys of the same names (only read, never required). Used by the data sources (through
 * `pulumi.Config`) and by the `QuotaGuard` provider (through its `configure()` request), which cannot load Pulumi.
 */
export function settingsFromConfig(get: (fullKey: string) => string | undefined): QuotaClientOptions {
  // The key each setting was read from, so that an auth failure can name it.
  const readFrom: Record<string, string> = {};
  const read = (key: string, ...fullKeys: string[]) => {
    for (const fullKey of fullKeys.length > 0 ? fullKeys : [`huaweicloud-quotas:${key}`, `huaweicloud:${key}`]) {
      const value = get(fullKey);
      if (value) {
        readFrom[key] = fullKey;
        return value;
      }
    }
    return undefined;
  };
  const settings: QuotaClientOptions = {};
  for (const key of STRING_KEYS) {
    const value = read(key);
    if (value) settings[key] = value;
  }
  // The provider calls its IAM token `token`; ours is named as the option it sets.
  const authToken = read('authToken', 'huaweicloud-quotas:authToken', 'huaweicloud:token');
  if (authToken) settings.authToken = authToken;
  const credentialKeys = [readFrom.accessKey, readFrom.secretKey].filter(Boolean);
  if (credentialKeys.length === 2) settings.credentialsOrigin = `stack config ${credentialKeys.join(' and ')}`;
  else if (readFrom.authToken) settings.credentialsOrigin = `stack config ${readFrom.authToken}`;
  const endpoints = read('endpoints');
  if (endpoints) settings.endpoints = parseEndpoints(endpoints);
  return settings;
}

/** The endpoints map, a JSON object of service name to URL. The provider's may name services this package does not call; keep ours. */
function parseEndpoints(text: string): Partial<Record<(typeof SERVICE_NAMES)[number], string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((url) => typeof url !== 'string')) {
    throw invalidArgument('endpoints', `stack config must be a JSON object of service name to URL, such as {"kms":"https://kms.example"}; services: ${SERVICE_NAMES.join(', ')}`);
  }
  return Object.fromEntries(Object.entries(parsed).filter(([name]) => (SERVICE_NAMES as readonly string[]).includes(name)));
}
