import type { Dispatcher } from 'undici';
import type { CredentialOptions } from './credentials/resolve-credentials';
import type { ServiceName } from './endpoints/service-names';
import { invalidArgument } from './errors';
import type { SigningAlgorithm } from './signing/digest';
import type { DebugLogger } from './transport/debug-log';
import { MAX_TIMER_MS } from './max-timer';

/** Everything a client can be told; each setting has a default or an environment variable, listed with it. */
export interface HuaweiCloudClientOptions extends CredentialOptions {
  /** Region ID such as `cn-north-4`. Default: `HW_REGION_NAME`. */
  region?: string;
  /** Project ID. Default: from the environment for the environment's region, else looked up by `projectName`. */
  projectId?: string;
  /** Project name to look up (sub-projects look like `cn-north-4_dev`). Default: `HW_PROJECT_NAME`, else the region. */
  projectName?: string;
  /** Account (domain) ID. Default: `HUAWEICLOUD_SDK_DOMAIN_ID`, `HW_DOMAIN_ID`, the profile file, else looked up. */
  domainId?: string;
  /** Cloud domain. Default: `HW_CLOUD`, else `myhuaweicloud.com` (`myhuaweicloud.eu` for `eu-west-1xx`). */
  cloud?: string;
  /** Base URL per service, overriding the default and `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`. */
  endpoints?: Partial<Record<ServiceName, string>>;
  /** Default `SDK-HMAC-SHA256`. */
  signingAlgorithm?: SigningAlgorithm;
  /** Keep-alive connections per origin. Default 8. */
  connections?: number;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** Per attempt. Default 30 s. */
  requestTimeoutMs?: number;
  /** Attempts per request, the first included. Default 4. */
  maxAttempts?: number;
  /** For a whole request, retries and waits included. Default 90 s. */
  deadlineMs?: number;
  /** Larger bodies are refused. Default 10 MiB. */
  maxResponseBytes?: number;
  /** First backoff step; later ones double, with full jitter. Default 200 ms. */
  retryBaseDelayMs?: number;
  /** Longest backoff step. Default 10 s. */
  retryMaxDelayMs?: number;
  /** Longest wait a `Retry-After` can ask for. Default 30 s. */
  maxRetryAfterMs?: number;
  /**
   * Once an endpoint (a service at a host) has throttled the client (HTTP 429, `APIGW.0308`), send to it at the rate
   * it lets through, learnt from its answers, instead of bouncing off its limit: a wide sweep then runs near the
   * allowed rate with few 429s. Shared by all reads of the client. `false` sends at once, as fast as the callers ask.
   * Default `true`.
   */
  adaptiveRate?: boolean;
  /** A PEM file of CA certificates to trust instead of Node's built-in list. Default: `OS_CACERT`. */
  caCertFile?: string;
  /** Skip TLS verification (warns). Default: `HW_INSECURE` (on: `1`, `true`, `yes`, `on`), else off. */
  insecure?: boolean;
  /** An undici dispatcher to send through (tests use `MockAgent`); the client then neither pools nor closes it. */
  dispatcher?: Dispatcher;
  /** One line per attempt, credentials redacted. Default: stderr when `HWQUOTA_DEBUG` is on (`1`, `true`, `yes`, `on`), else none. */
  logger?: DebugLogger;
  /** Environment to read settings from. Default: `process.env`, read when the client is created. */
  env?: NodeJS.ProcessEnv;
}

export const DEFAULTS = {
  connections: 8,
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxAttempts: 4,
  deadlineMs: 90_000,
  maxResponseBytes: 10 * 1024 * 1024,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
} as const;

type NumericOption = keyof typeof DEFAULTS;

/** `adaptiveRate` with its default filled in, checked to be a boolean. */
export function adaptiveRateSetting(options: HuaweiCloudClientOptions): boolean {
  const value = options.adaptiveRate ?? true;
  if (typeof value !== 'boolean') throw invalidArgument('adaptiveRate', `must be true or false; got ${String(value)}`);
  return value;
}

/** The numeric settings with defaults filled in, each checked to be a whole number in range. */
export function numericSettings(options: HuaweiCloudClientOptions): Record<NumericOption, number> {
  const settings = {} as Record<NumericOption, number>;
  for (const key of Object.keys(DEFAULTS) as NumericOption[]) {
    const value = options[key] ?? DEFAULTS[key];
    const minimum = key === 'retryBaseDelayMs' || key === 'retryMaxDelayMs' || key === 'maxRetryAfterMs' ? 0 : 1;
    const maximum = key.endsWith('Ms') ? MAX_TIMER_MS : Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(value) || value < minimum || value > maximum) {
      throw invalidArgument(key, `must be a whole number from ${minimum} to ${maximum}; got ${String(value)}`);
    }
    settings[key] = value;
  }
  return settings;
}

