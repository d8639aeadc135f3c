import { mapConcurrently } from './concurrency';
import type { HuaweiCloudClientOptions } from './client-options';
import { HuaweiCloudError } from './errors';
import { createHuaweiCloudClient, type HuaweiCloudClient } from './huawei-cloud-client';
import { AccountQuotasArgs, checkArgs, MetaStudioArgs, ProjectScopeArgs } from './quota/read-args';
import { sharedRead } from './quota/read-cache';
import { QuotaRequirementList } from './quota/requirement-schema';
import { checkRequirement, type QuotaCheck, type QuotaRequirement } from './quota/requirements';
import type { QuotaResource } from './quota/quota-resource';
import { fetchAccountQuotas, type AccountQuotas } from './services/account-quotas';
import { fetchKmsQuotas } from './services/kms-quotas';
import { fetchMetaStudioUserQuotas, type MetaStudioUserQuotas } from './services/metastudio-user-quotas';
import { fetchProjectQuotas, type ProjectQuotas } from './services/project-quotas';
import type { RegionalQuotas, RegionalScope } from './services/regional-quotas';
import { fetchSfsTurboQuotas } from './services/sfs-turbo-quotas';

export interface QuotaClientOptions extends HuaweiCloudClientOptions {
  /** How long an identical read is reused, in ms. Default 60 s; 0 turns the cache off (in-flight reads are still shared). */
  cacheTtlMs?: number;
  /** Scopes read at once by `evaluate`. Default 8. */
  concurrency?: number;
}

/** Typed, normalised reads of the five Huawei Cloud quota APIs. */
export interface QuotaClient {
  /** IAM account quotas: users, groups, identity providers, agencies, policies, permission assignments. */
  accountQuotas(args?: AccountQuotasArgs): Promise<AccountQuotas>;
  /** IAM project quotas. */
  projectQuotas(args?: ProjectScopeArgs): Promise<ProjectQuotas>;
  /** KMS quotas of a project: `CMK`, `grant_per_CMK`. */
  kmsQuotas(args?: ProjectScopeArgs): Promise<RegionalQuotas>;
  /** SFS Turbo quotas of a project: `shares`, `capacity` (GB). */
  sfsTurboQuotas(args?: ProjectScopeArgs): Promise<RegionalQuotas>;
  /** MetaStudio quotas per IAM user, every page (root credentials only). */
  metaStudioUserQuotas(args?: MetaStudioArgs): Promise<MetaStudioUserQuotas>;
  /** Checks each requirement against today's headroom, reading each scope once, concurrently. */
  evaluate(requirements: readonly QuotaRequirement[]): Promise<QuotaCheck[]>;
  /** The signed client underneath. */
  readonly http: HuaweiCloudClient;
  /** Closes the connection pool. Reads already cached stay shared with other clients in the process. */
  close(): Promise<void>;
}

/** The five reads, without `evaluate`, `http` and `close`. */
type QuotaReads = Pick<QuotaClient, 'accountQuotas' | 'projectQuotas' | 'kmsQuotas' | 'sfsTurboQuotas' | 'metaStudioUserQuotas'>;

const DEFAULT_CACHE_TTL_MS = 60_000;
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

  const read = async <T>(parts: (string | undefined)[], fetch: () => Promise<T>): Promise<T> =>
    sharedRead([await http.identity(), ...parts].join('\n'), cacheTtlMs, fetch);

  const regionOf = (service: string, region: string | undefined): string => {
    const resolved = region ?? http.region;
    if (!resolved) {
      throw new HuaweiCloudError({ kind: 'invalid-argument', field: 'region', message: `region: ${service} needs a region; pass region or set HW_REGION_NAME` });
    }
    return resolved;
  };

  const regionalScope = async (service: string, args: ProjectScopeArgs): Promise<RegionalScope> => {
    const region = regionOf(service, args.region);
    const projectId = await http.resolveProjectId({ region, projectId: args.projectId, projectName: args.projectName, signal: args.signal });
    return { region, projectId, signal: args.signal };
  };

  // Reads of arguments already checked: `evaluate` checks each requirement once, not again for its read.
  const checkedReads: QuotaReads = {
    async accountQuotas(args = {}) {
      const domainId = await http.resolveDomainId({ domainId: args.domainId, signal: args.signal });
      const scope = { ...args, domainId };
      return read(['account', http.endpoint('iam', args.region), domainId, args.type], () => fetchAccountQuotas(http, scope));
    },
    async projectQuotas(args = {}) {
      const projectId = await http.resolveProjectId({ ...args });
      return read(['project', http.endpoint('iam', args.region), projectId], () => fetchProjectQuotas(http, { projectId, region: args.region, signal: args.signal }));
    },
    async kmsQuotas(args = {}) {
      const scope = await regionalScope('kms', args);
      return read(['kms', http.endpoint('kms', scope.region), scope.projectId], () => fetchKmsQuotas(http, scope));
    },
    async sfsTurboQuotas(args = {}) {
      const scope = await regionalScope('sfs-turbo', args);
      return read(['sfs-turbo', http.endpoint('sfs-turbo', scope.region), scope.projectId], () => fetchSfsTurboQuotas(http, scope));
    },
    async metaStudioUserQuotas(args = {}) {
      const scope = { ...(await regionalScope('metastudio', args)), userId: args.userId };
      return read(['metastudio', http.endpoint('metastudio', scope.region), scope.projectId, args.userId], () => fetchMetaStudioUserQuotas(http, scope));
    },
  };

  const client: QuotaClient = {
    http,
    accountQuotas: async (args) => checkedReads.accountQuotas(checkArgs(AccountQuotasArgs, args)),
    projectQuotas: async (args) => checkedReads.projectQuotas(checkArgs(ProjectScopeArgs, args)),
    kmsQuotas: async (args) => checkedReads.kmsQuotas(checkArgs(ProjectScopeArgs, args)),
    sfsTurboQuotas: async (args) => checkedReads.sfsTurboQuotas(checkArgs(ProjectScopeArgs, args)),
    metaStudioUserQuotas: async (args) => checkedReads.metaStudioUserQuotas(checkArgs(MetaStudioArgs, args)),
    async evaluate(rawRequirements) {
      const requirements = checkArgs(QuotaRequirementList, rawRequirements, 'requirements');
      return mapConcurrently(requirements, concurrency, async (requirement) => {
        const { scope, resources } = await readForRequirement(checkedReads, requirement);
        return checkRequirement(requirement, scope, resources.find((resource) => resource.type === requirement.type));
      });
    },
    close: () => http.close(),
  };
  return client;
}

/** Reads what a requirement needs, and says where it was read. Identical scopes share one read. */
async function readForRequirement(client: QuotaReads, requirement: QuotaRequirement): Promise<{ scope: string; resources: readonly QuotaResource[] }> {
  const { region, projectId, projectName } = requirement;
  switch (requirement.service) {
    case 'account': {
      const result = await client.accountQuotas({ domainId: requirement.domainId });
      return { scope: `account ${result.domainId}`, resources: result.resources };
    }
    case 'project': {
      const result = await client.projectQuotas({ region, projectId, projectName });
      return { scope: `project ${result.projectId}${region ? ` (${region})` : ''}`, resources: result.resources };
    }
    case 'kms':
    case 'sfs-turbo': {
      const result = await (requirement.service === 'kms' ? client.kmsQuotas({ region, projectId, projectName }) : client.sfsTurboQuotas({ region, projectId, projectName }));
      return { scope: `${requirement.service} ${result.region} project ${result.projectId}`, resources: result.resources };
    }
    case 'metastudio': {
      const result = await client.metaStudioUserQuotas({ region, projectId, projectName, userId: requirement.userId });
      const user = result.users.find((candidate) => candidate.userId === requirement.userId);
      return { scope: `metastudio ${result.region} project ${result.projectId} user ${requirement.userId}`, resources: user?.resources ?? [] };
    }
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
