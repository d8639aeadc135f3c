import type { ApiResult } from './apis/api-definition';
import { QUOTA_API_CATALOG } from './apis/catalog';
import { findQuotaApiEntry, loadQuotaApi, QUOTA_SERVICES, type QuotaApi, type QuotaReadArgs, type QuotaReadResult, type QuotaService } from './apis/quota-apis';
import { mapConcurrently } from './concurrency';
import type { HuaweiCloudClientOptions } from './client-options';
import { HuaweiCloudError, invalidArgument } from './errors';
import { createHuaweiCloudClient, type HuaweiCloudClient } from './huawei-cloud-client';
import { describeValue } from './path-parameters';
import type { QuotaReads } from './quota/quota-reads';
import { checkArgs, readArgsSchema, type CheckedReadArgs } from './quota/read-args';
import { readQuotaApi } from './quota/read-quota-api';
import { QuotaRequirementList } from './quota/requirement-schema';
import { noSuchUser } from './quota/no-such-user';
import { checkRequirement, type QuotaCheck, type QuotaRequirement } from './quota/requirements';
import type { QuotaResource } from './quota/quota-resource';

export interface QuotaClientOptions extends HuaweiCloudClientOptions {
  /** How long an identical read is reused, in ms. Default 60 s; 0 turns the cache off (in-flight reads are still shared). */
  cacheTtlMs?: number;
  /** Scopes read at once by `evaluate`. Default 8. */
  concurrency?: number;
}

/**
 * Typed, normalised reads of the Huawei Cloud quota APIs: one method per API (`kmsQuotas(args?)`, named by the
 * registry's `method`), `read(name, args?)` for any of them by name, and `evaluate` for requirements.
 */
export interface QuotaClient extends QuotaReads {
  /** Reads the API of that name (`kms`, `ecs`...), its arguments checked first. */
  read<Name extends QuotaService>(name: Name, args?: QuotaReadArgs<Name>): Promise<QuotaReadResult<Name>>;
  /** Checks each requirement against today's headroom, reading each scope once, concurrently. */
  evaluate(requirements: readonly QuotaRequirement[]): Promise<QuotaCheck[]>;
  /** The signed client underneath. */
  readonly http: HuaweiCloudClient;
  /** Closes the connection pool. Reads already cached stay shared with other clients in the process. */
  close(): Promise<void>;
}

/** An API's read as `evaluate` uses it: arguments already checked. */
type CheckedRead = <A extends QuotaApi>(api: A, args: CheckedReadArgs<A>) => Promise<ApiResult<A>>;

/** How long an identical read is reused by default, in ms. */
export const DEFAULT_CACHE_TTL_MS = 60_000;
const DEFAULT_CONCURRENCY = 8;

/**
 * Creates a quota client. Arguments are checked before any request; identical reads in the process share one
 * request in flight and a short cache.
 *
 * @example
 * const quotas = createQuotaClient({ region: 'cn-north-4' });
 * const kms = await quotas.kmsQuotas();
 * const cmk = kms.resources.find((r) => r.type === 'CMK');
 * console.log(cmk?.headroom);
 */
export function createQuotaClient(options: QuotaClientOptions = {}): QuotaClient {
  const { cacheTtlMs = DEFAULT_CACHE_TTL_MS, concurrency = DEFAULT_CONCURRENCY, ...clientOptions } = options;
  for (const [field, value] of [['cacheTtlMs', cacheTtlMs], ['concurrency', concurrency]] as const) {
    if (!Number.isInteger(value) || value < (field === 'concurrency' ? 1 : 0)) {
      throw new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: must be a whole number ≥ ${field === 'concurrency' ? 1 : 0}` });
    }
  }
  const http = createHuaweiCloudClient(clientOptions);
  const context = { http, cacheTtlMs };
  const checkedRead: CheckedRead = (api, args) => readQuotaApi(context, api, args);
  // An API's definition is loaded on its first read, so that a process loads only the APIs it reads.
  const read = async (name: QuotaService, args: unknown) => {
    const api: QuotaApi = await loadQuotaApi(name);
    return checkedRead(api, checkArgs(readArgsSchema(api), args));
  };

  // Argument checks run here, outside the signed client: their errors too lose every secret it knows of.
  const redacted = async (error: unknown): Promise<never> => {
    throw await http.redactError(error);
  };
  const reads = Object.fromEntries(
    QUOTA_API_CATALOG.map((entry) => [entry.method, (args?: unknown) => read(entry.name, args).catch(redacted)]),
  ) as unknown as QuotaReads;

  return {
    ...reads,
    http,
    read: (async (name: QuotaService, args?: unknown) => {
      if (!findQuotaApiEntry(name)) throw invalidArgument('name', `must be one of ${QUOTA_SERVICES.join(', ')}; got ${describeValue(name)}`);
      return read(name, args).catch(redacted);
    }) as QuotaClient['read'],
    evaluate: (requirements) => evaluate(requirements).catch(redacted),
    close: () => http.close(),
  };

  async function evaluate(rawRequirements: readonly QuotaRequirement[]): Promise<QuotaCheck[]> {
    const requirements = checkArgs(QuotaRequirementList, rawRequirements, 'requirements');
    // The first failure ends the evaluation: no further read is started, and those in flight are let go.
    return mapConcurrently(requirements, concurrency, async (requirement, signal) => {
      const { scope, resources, missing } = await readForRequirement(checkedRead, requirement, signal);
      return checkRequirement(requirement, scope, resources.find((resource) => resource.type === requirement.type), missing);
    });
  }
}

/** Reads what a requirement needs, and says where it was read. Identical scopes share one read. */
async function readForRequirement(read: CheckedRead, requirement: QuotaRequirement, signal: AbortSignal): Promise<{ scope: string; resources: readonly QuotaResource[]; missing?: string }> {
  const api: QuotaApi = await loadQuotaApi(requirement.service);
  const { region, projectId, projectName, domainId, userId } = requirement;
  const perUser = api.perUser === true;
  const args = api.scope === 'account' ? { domainId, signal } : { region, projectId, projectName, signal, ...(perUser ? { userId } : {}) };
  const result = (await read(api, args as never)) as { domainId?: string; projectId?: string; region?: string; resources?: readonly QuotaResource[] };
  const resources = api.resourcesFor ? (api.resourcesFor as (r: unknown, q: QuotaRequirement) => readonly QuotaResource[])(result, requirement) : result.resources!;
  const missing = perUser ? noSuchUser(userId, result as Parameters<typeof noSuchUser>[1]) : undefined;
  return { scope: describeScope(api, { region, ...result }, perUser ? userId : undefined), resources, ...(missing ? { missing } : {}) };
}

/** Where a requirement was read, for its check: `account b933…`, `project 0dea… (cn-north-4)`, `kms cn-north-4 project 0dea…`. */
function describeScope(api: QuotaApi, result: { domainId?: string; projectId?: string; region?: string }, userId: string | undefined): string {
  switch (api.scope) {
    case 'account':
      return `account ${result.domainId}`;
    case 'project':
      return `project ${result.projectId}${result.region ? ` (${result.region})` : ''}`;
    case 'regional':
      return `${api.name} ${result.region} project ${result.projectId}${userId ? ` user ${userId}` : ''}`;
  }
}

/**
 * Evaluates requirements with a client made from `options` (or the one given), then closes what it made.
 *
 * @example
 * const checks = await evaluateRequirements([{ service: 'kms', type: 'CMK', need: 3, region: 'cn-north-4' }]);
 * if (checks.some((check) => !check.met)) process.exitCode = 1;
 */
export async function evaluateRequirements(
  requirements: readonly QuotaRequirement[],
  options: QuotaClientOptions & { client?: QuotaClient } = {},
): Promise<QuotaCheck[]> {
  const { client: given, ...clientOptions } = options;
  const client = given ?? createQuotaClient(clientOptions);
  try {
    return await client.evaluate(requirements);
  } finally {
    if (!given) await client.close();
  }
}
