import type { ServiceName } from '../endpoints/service-names';

/**
 * The APIs the emulator serves, by the names faults and request counts use: IAM account quotas (`account`),
 * IAM project quotas (`project`), IAM `GET /v3/projects` (`projects`) and `GET /v3/auth/domains` (`domains`),
 * KMS, SFS Turbo and MetaStudio user quotas.
 */
export const ROUTE_NAMES = ['account', 'project', 'projects', 'domains', 'kms', 'sfs-turbo', 'metastudio'] as const;
/** One of {@link ROUTE_NAMES}. */
export type RouteName = (typeof ROUTE_NAMES)[number];

/** Requests received per API; `unmatched` counts those no API matched (answered 404 `APIGW.0101`). */
export type RequestCounts = Record<RouteName | 'unmatched', number>;

export function emptyRequestCounts(): RequestCounts {
  return { account: 0, project: 0, projects: 0, domains: 0, kms: 0, 'sfs-turbo': 0, metastudio: 0, unmatched: 0 };
}

interface Api {
  route: RouteName;
  service: ServiceName;
  /** Path segments after the base path; `:name` is a path parameter. */
  segments: readonly string[];
}

const APIS: readonly Api[] = [
  { route: 'account', service: 'iam', segments: ['v3.0', 'OS-QUOTA', 'domains', ':domain_id'] },
  { route: 'project', service: 'iam', segments: ['v3.0', 'OS-QUOTA', 'projects', ':project_id'] },
  { route: 'projects', service: 'iam', segments: ['v3', 'projects'] },
  { route: 'domains', service: 'iam', segments: ['v3', 'auth', 'domains'] },
  { route: 'kms', service: 'kms', segments: ['v1.0', ':project_id', 'kms', 'user-quotas'] },
  { route: 'sfs-turbo', service: 'sfs-turbo', segments: ['v1', ':project_id', 'sfs-turbo', 'quotas'] },
  { route: 'metastudio', service: 'metastudio', segments: ['v1', ':project_id', 'user', 'quotas'] },
];

/** IDs in paths, as the client checks them: `..`, `%2F` and the like never match, so they never reach a handler. */
const PATH_PARAMETER = /^[A-Za-z0-9_-]{1,64}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,3}$/;
const SERVICES = new Set<string>(['iam', 'kms', 'sfs-turbo', 'metastudio']);

export interface RouteMatch {
  route: RouteName;
  service: ServiceName;
  /** The base path's region; `undefined` for the global IAM endpoint (`{url}/iam`). */
  region: string | undefined;
  params: Record<string, string>;
  query: URLSearchParams;
}

/**
 * Finds the API a request is for, from its method and its raw target (`/kms/cn-north-4/v1.0/{project}/kms/user-quotas`).
 * Each service and region has its own base path, as each has its own host in the cloud: `{url}/iam` and
 * `{url}/iam/{region}`, `{url}/kms/{region}`, `{url}/sfs-turbo/{region}`, `{url}/metastudio/{region}`, for the
 * regions of `servedRegions`. Anything else, another method included, matches nothing (the gateway's `APIGW.0101`).
 */
export function matchRoute(method: string, target: string, servedRegions: ReadonlySet<string>): RouteMatch | undefined {
  if (method !== 'GET' || !target.startsWith('/')) return undefined;
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
  const [empty, service, ...rest] = path.split('/');
  if (empty !== '' || service === undefined || !SERVICES.has(service)) return undefined;

  let region: string | undefined;
  let apiSegments = rest;
  const [first, ...afterRegion] = rest;
  if (first !== undefined && REGION.test(first)) {
    if (!servedRegions.has(first)) return undefined;
    region = first;
    apiSegments = afterRegion;
  } else if (service !== 'iam') {
    return undefined;
  }

  for (const api of APIS) {
    if (api.service !== service) continue;
    const params = matchSegments(api.segments, apiSegments);
    if (params) return { route: api.route, service: api.service, region, params, query };
  }
  return undefined;
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const actual = segments[index]!;
    if (expected.startsWith(':')) {
      if (!PATH_PARAMETER.test(actual)) return undefined;
      params[expected.slice(1)] = actual;
    } else if (actual !== expected) {
      return undefined;
    }
  }
  return params;
}
