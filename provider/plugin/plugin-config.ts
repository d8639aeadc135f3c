import { z } from 'zod';
import { didYouMean } from '../closest-name';
import { settingsFromConfig } from '../config-settings';
import { HuaweiCloudError } from '../errors';
import { describeValue } from '../path-parameters';
import { ProjectName, RegionId, ResourceId } from '../quota/field-schemas';
import type { QuotaClientOptions } from '../quota-client';
import { CONFIG_VARIABLES, PLUGIN_PACKAGE } from './plugin-schema';
import { containsUnknown } from './secret-values';

/** One problem with a setting or an argument, as the engine's `CheckFailure`: the property at fault and why. */
export interface PropertyFailure {
  readonly property: string;
  readonly reason: string;
}

/** Keys the engine itself may put among a provider's inputs; they are not settings. */
const ENGINE_KEYS = new Set(['version', 'pluginDownloadURL']);

const TEXT = z.string({ invalid_type_error: 'must be a string' });

/** The checks of each setting; `endpoints` is checked by `settingsFromConfig`, which also parses it. */
const CHECKS: Record<string, z.ZodTypeAny> = {
  region: RegionId,
  accessKey: TEXT,
  secretKey: TEXT,
  securityToken: TEXT,
  authToken: TEXT,
  cloud: TEXT,
  projectId: ResourceId,
  projectName: ProjectName,
  domainId: ResourceId,
};

/**
 * A setting's key without the engine's namespace: Configure's `variables` spell them `huaweicloud-quotas:config:region`
 * (older engines `huaweicloud-quotas:region`); CheckConfig and Configure's `args` spell them `region`.
 */
export function settingKey(key: string): string {
  for (const prefix of [`${PLUGIN_PACKAGE}:config:`, `${PLUGIN_PACKAGE}:`]) if (key.startsWith(prefix)) return key.slice(prefix.length);
  return key;
}

/**
 * Checks the provider's settings (CheckConfig): every problem, each naming its setting, and never a value of a secret
 * one. Values may come as the engine's strings (an object as its JSON text) or as typed values from a language.
 */
export function checkSettings(values: Readonly<Record<string, unknown>>): PropertyFailure[] {
  const failures: PropertyFailure[] = [];
  const known = Object.keys(CONFIG_VARIABLES);
  for (const [rawKey, value] of Object.entries(values)) {
    const key = settingKey(rawKey);
    // A value not known yet (CheckConfig in preview) is checked once it is known, at the next CheckConfig.
    if (ENGINE_KEYS.has(key) || key.startsWith('__') || value === undefined || value === null || value === '' || containsUnknown(value)) continue;
    if (!Object.hasOwn(CONFIG_VARIABLES, key)) {
      failures.push({ property: key, reason: `unknown setting ${describeValue(key)}${didYouMean(key, known, 1)}; settings are ${known.join(', ')}` });
      continue;
    }
    if (key === 'endpoints') {
      const problem = endpointsProblem(value);
      if (problem) failures.push({ property: key, reason: problem });
      continue;
    }
    const result = CHECKS[key]!.safeParse(value);
    if (!result.success) {
      const shown = CONFIG_VARIABLES[key]!.secret ? '' : `; got ${describeValue(value)}`;
      failures.push({ property: key, reason: `${result.error.issues[0]!.message}${shown}` });
    }
  }
  return failures;
}

function endpointsProblem(value: unknown): string | undefined {
  try {
    settingsFromConfig((fullKey) => (fullKey === `${PLUGIN_PACKAGE}:endpoints` ? endpointsText(value) : undefined));
    return undefined;
  } catch (error) {
    // `endpoints: stack config must be ...`: the reason names the setting already, as the failure's property.
    return error instanceof HuaweiCloudError ? error.message.replace(/^endpoints: (stack config )?/, '') : 'must be an object of service name to URL';
  }
}

/** The endpoints as JSON text, the form stack config gives them in. */
function endpointsText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The client options of checked settings (Configure), read as the library reads stack config (`settingsFromConfig`);
 * the environment comes after them, inside the client.
 */
export function settingsToOptions(values: Readonly<Record<string, unknown>>, from: 'provider' | 'arguments' = 'provider'): QuotaClientOptions {
  const plain = new Map<string, string>();
  for (const [rawKey, value] of Object.entries(values)) {
    const key = settingKey(rawKey);
    if (!Object.hasOwn(CONFIG_VARIABLES, key) || value === undefined || value === null || value === '') continue;
    plain.set(`${PLUGIN_PACKAGE}:${key}`, key === 'endpoints' ? endpointsText(value) : String(value));
  }
  const options = settingsFromConfig((fullKey) => plain.get(fullKey));
  // Named for where they came from, so that an authentication failure points at the provider's settings (the stack
  // config keys, for the default provider) or at the function's own arguments.
  if (options.credentialsOrigin) {
    options.credentialsOrigin =
      from === 'provider'
        ? options.credentialsOrigin.replace(/^stack config/, 'provider settings')
        : options.credentialsOrigin.replace(/^stack config/, 'function arguments').replaceAll(`${PLUGIN_PACKAGE}:`, '');
  }
  return options;
}

/** Throws the first failure as the library's `invalid-argument` error. */
export function throwFailures(failures: readonly PropertyFailure[]): void {
  if (failures.length === 0) return;
  throw new HuaweiCloudError({ kind: 'invalid-argument', field: failures[0]!.property, message: failures.map((f) => `${f.property}: ${f.reason}`).join('\n') });
}
