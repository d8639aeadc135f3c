import type { HuaweiCloudClientOptions } from '../client-options';
import type { QuotaClientOptions } from '../quota-client';
import { SERVICE_NAMES, type ServiceName } from '../endpoints/service-names';
import { UsageError } from './cli-io';
import { MAX_TIMER_MS } from '../max-timer';

/** Flags every reading command takes. */
export const CLIENT_FLAGS = {
  region: { type: 'string' },
  endpoint: { type: 'string', multiple: true },
  output: { type: 'string' },
  timeout: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `account` and `project` quotas are IAM's, so `--endpoint account=URL` means IAM too. */
const ENDPOINT_ALIASES: Record<string, ServiceName> = { account: 'iam', project: 'iam' };

/** The quota client's options from the flags every reading command takes, checked before any request. */
export function clientOptionsFromFlags(values: { region?: string; endpoint?: string[]; timeout?: string }, env: NodeJS.ProcessEnv): QuotaClientOptions {
  return { region: values.region, endpoints: parseEndpointFlags(values.endpoint), deadlineMs: parseTimeoutFlag(values.timeout), env };
}

/** `--endpoint SERVICE=URL`, repeatable, into the client's `endpoints` option. */
export function parseEndpointFlags(values: readonly string[] | undefined): QuotaClientOptions['endpoints'] {
  const endpoints: Partial<Record<ServiceName, string>> = {};
  for (const value of values ?? []) {
    const equals = value.indexOf('=');
    const name = value.slice(0, Math.max(equals, 0));
    // Own keys only: `constructor=URL` must not find Object.prototype's member.
    const service = (Object.hasOwn(ENDPOINT_ALIASES, name) ? ENDPOINT_ALIASES[name] : undefined) ?? (SERVICE_NAMES as readonly string[]).find((candidate) => candidate === name);
    if (equals < 1 || !service) {
      throw new UsageError(`--endpoint takes SERVICE=URL with SERVICE one of ${SERVICE_NAMES.join(', ')}; got ${JSON.stringify(value)}`);
    }
    endpoints[service as ServiceName] = value.slice(equals + 1);
  }
  return endpoints;
}

export type OutputFormat = 'table' | 'json';

export function parseOutputFlag(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'table' || value === 'json') return value ?? 'table';
  throw new UsageError(`--output takes table or json; got ${JSON.stringify(value)}`);
}

/** The longest `--timeout`: what a Node timer can wait, in whole seconds (about 24.8 days). */
const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** `--timeout SECONDS` into the client's `deadlineMs`: how long each HTTP request may take, retries included. */
function parseTimeoutFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw new UsageError(`--timeout takes seconds, a number above 0 and at most ${MAX_TIMEOUT_SECONDS}; got ${JSON.stringify(value)}`);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** The most reads a scan or the exporter may have in flight: more only queues at the client's connections. */
const MAX_CONCURRENCY = 64;

/** `--concurrency N`: reads in flight at once, a whole number from 1 to 64 (default 8). */
export function parseConcurrencyFlag(value: string | undefined, fallback = 8): number {
  if (value === undefined) return fallback;
  const count = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(count >= 1 && count <= MAX_CONCURRENCY)) throw new UsageError(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}; got ${JSON.stringify(value)}`);
  return count;
}

/** `--adaptive-rate on|off` into the client's `adaptiveRate` option (off: `false`; on or absent: the client's default, on). */
export function parseAdaptiveRateFlag(value: string | undefined): Pick<HuaweiCloudClientOptions, 'adaptiveRate'> {
  if (value === undefined || value === 'on') return {};
  if (value === 'off') return { adaptiveRate: false };
  throw new UsageError(`--adaptive-rate takes on or off; got ${JSON.stringify(value)}`);
}
