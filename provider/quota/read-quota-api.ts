import type { ApiCall, ApiResult } from '../apis/api-definition';
import { parseResponse } from '../apis/parse-response';
import type { QuotaApi } from '../apis/quota-apis';
import { HuaweiCloudError, invalidArgument } from '../errors';
import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { expandPath } from '../path-parameters';
import type { CheckedReadArgs } from './read-args';
import { sharedReads } from './read-cache';
import { callerWaiter } from '../shared-work';

/** How a quota client reads: with this signed client, sharing identical reads for `cacheTtlMs`. */
export interface ReadContext {
  readonly http: HuaweiCloudClient;
  readonly cacheTtlMs: number;
}

/**
 * Reads one API with checked arguments: resolves its scope (the account, or the project in its region), then runs
 * the definition's `read` hook through one shared, cached read. Identical reads in the process share one request.
 */
export async function readQuotaApi<A extends QuotaApi>(context: ReadContext, api: A, args: CheckedReadArgs<A>): Promise<ApiResult<A>> {
  const { http } = context;
  const scope = await resolveScope(http, api, args as ScopeArgs);
  const own = Object.keys(api.args).map((name) => (args as Record<string, unknown>)[name]);
  // Every endpoint the read may go to, not the one in use: a failover must not split identical reads.
  const endpoints = http.endpoints(api.service.host, scope.region).join(',');
  const key = [await http.identity(), api.name, endpoints, scope.region, scope.domainId, scope.projectId, JSON.stringify(own)].join('\n');
  const signal = args.signal as AbortSignal | undefined;
  return sharedReads.read(
    key,
    context.cacheTtlMs,
    async (readSignal) => {
      const call = apiCall(http, api, api.path, scope, args, readSignal);
      const fields = await (api.read as (call: ApiCall<unknown>) => Promise<object>)(call);
      return { ...scopeFields(api, scope), ...fields } as ApiResult<A>;
    },
    callerWaiter(`${api.name} read`, signal, http.deadlineMs),
  );
}


/**
 * Runs one of an API's `lookups` (ECS flavors) in the scope of its reads, sharing identical reads as `readQuotaApi`
 * does: the figures of each item, by every name it may be given by.
 */
export async function readLookup(
  context: ReadContext,
  api: QuotaApi,
  name: string,
  args: { region?: string; projectId?: string; projectName?: string; signal?: AbortSignal },
): Promise<ReadonlyMap<string, Readonly<Record<string, number>>>> {
  const lookup = api.lookups?.[name];
  if (!lookup) throw invalidArgument('lookup', `${api.name} has no lookup ${JSON.stringify(name)}`);
  const { http } = context;
  const scope = await resolveScope(http, api, args);
  const key = [await http.identity(), api.name, `lookup ${name}`, http.endpoints(api.service.host, scope.region).join(','), scope.region, scope.domainId, scope.projectId].join('\n');
  return sharedReads.read(key, context.cacheTtlMs, (readSignal) => lookup.read(apiCall(http, api, lookup.path, scope, {}, readSignal)), callerWaiter(`${api.name} ${name} lookup`, args.signal, http.deadlineMs));
}

/** A definition's hook's view of one signed GET of `template` in `scope`, and of the response check. */
function apiCall<Args>(http: HuaweiCloudClient, api: QuotaApi, template: string, scope: ResolvedScope, args: Args, signal: AbortSignal | undefined): ApiCall<Args> {
  const ids: Record<string, string> = scope.domainId ? { domain_id: scope.domainId } : { project_id: scope.projectId! };
  const path = expandPath(template, { ...ids, ...api.pathParameters?.(scope) });
  return {
    scope,
    args,
    get: async (query, ownSignal) => {
      const { body } = await http.get({
        service: api.service.host,
        region: scope.region,
        path,
        query,
        scope: scope.domainId ? { domainId: scope.domainId } : { projectId: scope.projectId! },
        signal: ownSignal && signal ? AbortSignal.any([ownSignal, signal]) : (ownSignal ?? signal),
      });
      return body;
    },
    parse: (schema, body) => parseResponse(schema, body, api.service.host, `GET ${template}`),
  };
}

interface ScopeArgs {
  region?: string;
  domainId?: string;
  projectId?: string;
  projectName?: string;
  signal?: AbortSignal;
}

interface ResolvedScope {
  domainId?: string;
  projectId?: string;
  /** The region whose endpoint is called; `undefined`: the global IAM endpoint. */
  region?: string;
}

async function resolveScope(http: HuaweiCloudClient, api: QuotaApi, args: ScopeArgs): Promise<ResolvedScope> {
  const { signal } = args;
  switch (api.scope) {
    case 'account':
      return { domainId: await http.resolveDomainId({ domainId: args.domainId, signal }), region: args.region };
    case 'project':
      return { projectId: await http.resolveProjectId({ region: args.region, projectId: args.projectId, projectName: args.projectName, signal }), region: args.region };
    case 'regional': {
      const region = args.region ?? http.region;
      if (!region) {
        throw new HuaweiCloudError({ kind: 'invalid-argument', field: 'region', message: `region: ${api.name} needs a region; pass region or set HW_REGION_NAME` });
      }
      const { regions } = api.service;
      // An endpoint set for that region (option, environment, regions file) is the user's to choose.
      const defaultHost = () => new URL(http.endpoint(api.service.host, region)).hostname.startsWith(`${api.service.host}.${region}.`);
      if (regions && !regions.includes(region) && defaultHost()) {
        throw invalidArgument('region', `${api.service.title} is not offered in region ${region}; it is offered in ${regions.join(', ')}`);
      }
      return { projectId: await http.resolveProjectId({ region, projectId: args.projectId, projectName: args.projectName, signal }), region };
    }
  }
}

function scopeFields(api: QuotaApi, scope: ResolvedScope): object {
  switch (api.scope) {
    case 'account':
      return { domainId: scope.domainId };
    case 'project':
      return { projectId: scope.projectId };
    case 'regional':
      return { projectId: scope.projectId, region: scope.region };
  }
}
