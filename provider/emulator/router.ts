import { quotaApi, SERVICE_DEFINITIONS } from '../apis/defined-apis';
import { QUOTA_SERVICES, type QuotaApi, type QuotaService } from '../apis/quota-apis';
import { IAM } from '../apis/iam-service';
import type { EndpointService } from '../apis/endpoint-service';
import { REGION_PATTERN } from '../endpoints/region';
import { PATH_PARAMETER_PATTERN } from '../path-parameters';

/** IAM's ID look-ups the client makes besides the quota APIs: `GET /v3/projects` and `GET /v3/auth/domains`. */
export const LOOKUP_ROUTES = ['projects', 'domains'] as const;

/**
 * The APIs the emulator serves, by the names faults and request counts use: every quota API of the registry by its
 * name (`account`, `kms`...), and IAM's look-ups `projects` (`GET /v3/projects`) and `domains` (`GET /v3/auth/domains`).
 */
export const ROUTE_NAMES: readonly RouteName[] = [
  ...QUOTA_SERVICES,
  ...QUOTA_SERVICES.flatMap((name) => Object.keys(quotaApi(name).lookups ?? {}).map((lookup): RouteName => `${name}-${lookup}`)),
  ...LOOKUP_ROUTES,
];
/** One of {@link ROUTE_NAMES}: a quota API (`kms`), one of its lookups (`ecs-flavors`), or an IAM look-up. */
export type RouteName = QuotaService | `${QuotaService}-${string}` | (typeof LOOKUP_ROUTES)[number];

/** Requests received per API; `unmatched` counts those no API matched (answered 404 `APIGW.0101`). */
export type RequestCounts = Record<RouteName | 'unmatched', number>;

export function emptyRequestCounts(): RequestCounts {
  return Object.fromEntries([...ROUTE_NAMES, 'unmatched'].map((name) => [name, 0])) as RequestCounts;
}

interface Api {
  route: RouteName;
  service: EndpointService;
  /** Path segments after the base path; `:name` is a path parameter. */
  segments: readonly string[];
  /** The quota API; absent for IAM's look-ups. */
  quotaApi?: QuotaApi;
  /** For an API's lookup (ECS flavors): its name. */
  lookup?: string;
}

const segmentsOf = (path: string) => path.split('/').slice(1).map((part) => part.replace(/^\{(\w+)\}$/, ':$1'));

const APIS: readonly Api[] = [
  ...QUOTA_SERVICES.flatMap((name): Api[] => {
    const api: QuotaApi = quotaApi(name);
    const lookups = Object.entries(api.lookups ?? {}).map(([lookup, { path }]): Api => ({ route: `${name}-${lookup}`, service: api.service, segments: segmentsOf(path), quotaApi: api, lookup }));
    return [{ route: name, service: api.service, segments: segmentsOf(api.path), quotaApi: api }, ...lookups];
  }),
  { route: 'projects', service: IAM, segments: ['v3', 'projects'] },
  { route: 'domains', service: IAM, segments: ['v3', 'auth', 'domains'] },
];

export interface RouteMatch {
  route: RouteName;
  service: EndpointService;
  /** The quota API matched (or whose lookup is); absent for IAM's look-ups. */
  quotaApi?: QuotaApi;
  /** The API's lookup matched (ECS flavors). */
  lookup?: string;
  /** The base path's region; `undefined` for the global IAM endpoint (`{url}/iam`). */
  region: string | undefined;
  params: Record<string, string>;
  query: URLSearchParams;
}

/**
 * Finds the API a request is for, from its method and its raw target (`/kms/cn-north-4/v1.0/{project}/kms/user-quotas`).
 * Each service and region has its own base path, as each has its own host in the cloud: `{url}/iam` and
 * `{url}/iam/{region}`, then `{url}/{service}/{region}` for every other service, in the regions of `servedRegions`
 * where the service is offered. Anything else, another method included, matches nothing (the gateway's `APIGW.0101`).
 */
export function matchRoute(method: string, target: string, servedRegions: ReadonlySet<string>): RouteMatch | undefined {
  if (method !== 'GET' || !target.startsWith('/')) return undefined;
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
  const [empty, host, ...rest] = path.split('/');
  const service = host === undefined ? undefined : SERVICE_DEFINITIONS.get(host);
  if (empty !== '' || !service) return undefined;

  let region: string | undefined;
  let apiSegments = rest;
  const [first, ...afterRegion] = rest;
  if (first !== undefined && REGION_PATTERN.test(first)) {
    if (!servedRegions.has(first) || (service.regions && !service.regions.includes(first))) return undefined;
    region = first;
    apiSegments = afterRegion;
  } else if (service !== IAM) {
    return undefined;
  }

  for (const api of APIS) {
    if (api.service !== service) continue;
    const params = matchSegments(api.segments, apiSegments);
    if (params) return { route: api.route, service, quotaApi: api.quotaApi, lookup: api.lookup, region, params, query };
  }
  return undefined;
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const actual = segments[index]!;
    if (expected.startsWith(':')) {
      // IDs as the client checks them: `..`, `%2F` and the like never match, so they never reach a handler.
      if (!PATH_PARAMETER_PATTERN.test(actual)) return undefined;
      params[expected.slice(1)] = actual;
    } else if (actual !== expected) {
      return undefined;
    }
  }
  return params;
}
