import { identityKey, secretsOf, type Auth, type CredentialSource } from './credentials/auth';
import { credentialNote } from './credentials/credential-note';
import { resolveCredentials } from './credentials/resolve-credentials';
import { checkRegion } from './endpoints/region';
import { withFailover, type EndpointList } from './endpoints/endpoint-failover';
import { resolveEndpoints, type EndpointPurpose } from './endpoints/resolve-endpoint';
import type { ServiceName } from './endpoints/service-names';
import { adaptiveRateSetting, numericSettings, type HuaweiCloudClientOptions } from './client-options';
import { envFlag } from './env-flag';
import { HuaweiCloudError, invalidArgument, redactError, withNote } from './errors';
import { holdsSecret } from './redact';
import { checkPathParameter, PROJECT_NAME_PATTERN } from './path-parameters';
import { findDomainId, findProjectId } from './scope/iam-lookups';
import { listAccountProjects } from './scope/project-list';
import { sharedLookup } from './scope/shared-lookups';
import { callerWaiter } from './shared-work';
import { SIGNING_ALGORITHMS } from './signing/digest';
import { percentEncode } from './signing/percent-encode';
import { signRequest } from './signing/sign-request';
import { resolveDebugLogger } from './transport/debug-log';
import { createConnectionPool } from './transport/connection-pool';
import { credentialGate } from './transport/credential-gate';
import { Transport, type TransportResponse } from './transport/transport';
import { undiciPool } from './transport/undici-pool';

/** One GET to a Huawei Cloud API. */
export interface ServiceCall {
  /** Which service's endpoint to call. */
  service: ServiceName;
  /** Default: the client's region. */
  region?: string;
  /** The path after the endpoint, with its parameters already checked (see `expandPath`). */
  path: string;
  /** Query parameters; `undefined` values are left out. Encoded as they are signed (RFC 3986). */
  query?: Record<string, string | number | undefined>;
  /** Sent as `X-Project-Id` or `X-Domain-Id` when signing with an access key. */
  scope?:
    | {
        /** A project-scoped call (KMS, ECS, VPC..., IAM project quotas). */
        projectId: string;
      }
    | {
        /** An account-scoped call (IAM account quotas). */
        domainId: string;
      };
  /** Cancels the call, retries and waits included. */
  signal?: AbortSignal;
}

/** Which project `resolveProjectId` should find. */
export interface ProjectQuery {
  /** Default: the client's region. */
  region?: string;
  /** Returned as it is, once checked. */
  projectId?: string;
  /** Looked up with IAM `GET /v3/projects?name=`; sub-projects look like `cn-north-4_dev`. */
  projectName?: string;
  /** Cancels the lookup. */
  signal?: AbortSignal;
}

/** A signed Huawei Cloud client: credentials resolved once, IDs looked up once, one connection pool. */
export interface HuaweiCloudClient {
  /** The client's default region, if any. */
  readonly region: string | undefined;
  /** How long one request may take, retries included (the `deadlineMs` option); also how long it waits for a read it shares. */
  readonly deadlineMs: number;
  /** Sends a signed GET and resolves to the parsed JSON response; any failure is a `HuaweiCloudError`. */
  get(call: ServiceCall): Promise<TransportResponse>;
  /** The project ID for a region: given, from the environment for its region, else looked up by name. */
  resolveProjectId(query?: ProjectQuery): Promise<string>;
  /** The account (domain) ID: given, from the environment or profile, else looked up. */
  resolveDomainId(options?: { domainId?: string; signal?: AbortSignal }): Promise<string>;
  /**
   * Every project of the credentials' account, as IAM `GET /v3/projects` lists them (through the IAM endpoint of
   * `region`, default the client's). Not cached: projects come and go, and a long-running caller lists them again.
   */
  listProjects(options?: {
    /** Whose IAM endpoint to ask. Default: the client's region, else the global one. */
    region?: string;
    /** Cancels the listing. */
    signal?: AbortSignal;
  }): Promise<
    readonly {
      /** The project ID. */
      readonly id: string;
      /** `cn-north-4` for a region's own project, `cn-north-4_dev` for a sub-project; IAM lists others too, such as `MOS`. */
      readonly name: string;
      /** `false` for a disabled project. */
      readonly enabled: boolean;
    }[]
  >;
  /** A non-secret key for the credentials in use (the access key, or a hash of the token), for caches. */
  identity(): Promise<string>;
  /** The base URL a service is reached at in a region: the one in use of {@link endpoints}. */
  endpoint(service: ServiceName, region?: string): string;
  /** The base URLs a service may be reached at in a region, in the order they are tried. */
  endpoints(service: ServiceName, region?: string): readonly string[];
  /** The error with every secret this client knows of (given, or found by its credential chain) removed from its fields. */
  redactError(error: unknown): Promise<unknown>;
  /** Closes the connection pool (not an injected dispatcher). */
  close(): Promise<void>;
}

const USER_AGENT = 'pulumi-huaweicloud-quotas';

/** How many path segments and query values a client remembers as checked, per set of credentials. */
const MAX_CHECKED_VALUES = 10_000;

/**
 * Creates a client. Settings are checked now; credentials are resolved on the first request, once.
 *
 * @example
 * const client = createHuaweiCloudClient({ region: 'cn-north-4' });
 * const projectId = await client.resolveProjectId();
 * const { body } = await client.get({ service: 'kms', path: `/v1.0/${projectId}/kms/user-quotas`, scope: { projectId } });
 */
export function createHuaweiCloudClient(options: HuaweiCloudClientOptions = {}): HuaweiCloudClient {
  const env = options.env ?? process.env;
  // Secrets the client was given, kept out of every error it throws (even one pasted into the wrong setting).
  const givenSecrets = [
    options.secretKey, options.securityToken, options.authToken, env.HUAWEICLOUD_SDK_SK,
    env.HUAWEICLOUD_SDK_SECURITY_TOKEN, env.HW_SECRET_KEY, env.HW_SECURITY_TOKEN, env.HW_AUTH_TOKEN,
  ];
  try {
    return buildClient(options, env, givenSecrets);
  } catch (error) {
    throw redactError(error, givenSecrets);
  }
}

function buildClient(options: HuaweiCloudClientOptions, env: NodeJS.ProcessEnv, givenSecrets: (string | undefined)[]): HuaweiCloudClient {
  // An ID is sent in the URL path: one that holds a secret (pasted into the wrong setting) is refused, unsent. Each
  // ID is scanned once: a read resolves its project on every call.
  const cleanIds = new Set<string>();
  const checkId = (field: string, value: string | undefined): string => {
    const id = checkPathParameter(field, value);
    if (cleanIds.has(id)) return id;
    if (holdsSecret(id, givenSecrets)) throw invalidArgument(field, 'holds a secret key or token, not an ID (pasted into the wrong setting?); not sent');
    if (cleanIds.size < MAX_CHECKED_VALUES) cleanIds.add(id);
    return id;
  };
  const numbers = numericSettings(options);
  const region = options.region ? checkRegion('region', options.region) : env.HW_REGION_NAME ? checkRegion('HW_REGION_NAME', env.HW_REGION_NAME) : undefined;
  const envRegion = env.HW_REGION_NAME || undefined;
  const projectId = options.projectId === undefined ? undefined : checkId('projectId', options.projectId);
  const domainId = options.domainId === undefined ? undefined : checkId('domainId', options.domainId);
  const algorithm = options.signingAlgorithm ?? 'SDK-HMAC-SHA256';
  if (!SIGNING_ALGORITHMS.includes(algorithm)) {
    throw invalidArgument('signingAlgorithm', `must be one of ${SIGNING_ALGORITHMS.join(', ')}`);
  }
  const endpointSettings = { endpoints: options.endpoints, cloud: options.cloud, env };
  const logger = resolveDebugLogger(options.logger, env);
  const pool = options.dispatcher
    ? undiciPool(options.dispatcher, { owned: false })
    : createConnectionPool({
        connections: numbers.connections,
        connectTimeoutMs: numbers.connectTimeoutMs,
        requestTimeoutMs: numbers.requestTimeoutMs,
        caCertFile: options.caCertFile ?? (env.OS_CACERT || undefined),
        insecure: options.insecure ?? envFlag('HW_INSECURE', env.HW_INSECURE),
        env,
        warn: logger ?? ((message) => process.emitWarning(message, 'HwquotaInsecureTls')),
      });
  const transport = new Transport({ ...numbers, pool, logger, adaptiveRate: adaptiveRateSetting(options) });

  let credentials: Promise<CredentialSource> | undefined;
  const credentialSource = () => {
    credentials ??= resolveCredentials(options, env);
    return credentials;
  };

  // Resolved once per service and region: every request needs its base URL, and the settings do not change. A list
  // keeps the endpoint in use, which moves on when one cannot be reached.
  const endpoints = new Map<string, EndpointList>();
  const endpointList = (service: ServiceName, callRegion: string | undefined, purpose: EndpointPurpose) => {
    const endpointRegion = callRegion ? checkRegion('region', callRegion) : region;
    const key = `${purpose} ${service} ${endpointRegion}`;
    let list = endpoints.get(key);
    if (list === undefined) endpoints.set(key, (list = { urls: resolveEndpoints(service, endpointRegion, endpointSettings, purpose), current: 0 }));
    return list;
  };
  const endpoint = (service: ServiceName, callRegion?: string) => {
    const list = endpointList(service, callRegion, 'api');
    return list.urls[list.current]!;
  };

  function get(call: ServiceCall, purpose: EndpointPurpose = 'api'): Promise<TransportResponse> {
    return withFailover(endpointList(call.service, call.region, purpose), (base) => getFrom(base, call));
  }

  // The path segments and query values checked against the credentials in use: a sweep sends the same IDs again and
  // again, and checking each once keeps the check's cost off every request.
  const checkedValues = new WeakMap<Auth, Set<string>>();
  const urlHoldsSecret = (url: URL, auth: Auth): boolean => {
    let checked = checkedValues.get(auth);
    if (!checked || checked.size > MAX_CHECKED_VALUES) checkedValues.set(auth, (checked = new Set()));
    let secrets: (string | undefined)[] | undefined;
    const holds = (value: string) => {
      if (checked.has(value)) return false;
      secrets ??= [...givenSecrets, ...secretsOf(auth)];
      if (holdsSecret(value, secrets)) return true;
      checked.add(value);
      return false;
    };
    for (const segment of url.pathname.split('/')) if (holds(segment)) return true;
    for (const value of url.searchParams.values()) if (holds(value)) return true;
    return false;
  };

  async function getFrom(base: string, call: ServiceCall): Promise<TransportResponse> {
    const url = new URL(`${base}${call.path}`);
    url.search = queryString(call.query ?? {});
    const source = await credentialSource();
    const auth = await source.current();
    // The last check before anything leaves: no secret of any source (the profile file's too) in the URL.
    if (urlHoldsSecret(url, auth)) throw invalidArgument('path', 'holds a secret key or token (pasted into an ID setting?); not sent');
    const sent = transport.send({
      method: 'GET',
      url,
      headers: { 'Content-Type': 'application/json' },
      secrets: secretsOf(auth),
      gate: credentialGate(identityKey(auth), url.origin),
      service: call.service,
      signal: call.signal,
      authorize: async (headers, now) => {
        const auth = await source.current();
        if (auth.kind === 'token') return { ...headers, 'X-Auth-Token': auth.token, 'User-Agent': USER_AGENT };
        const scoped = { ...headers, ...scopeHeaders(call.scope) };
        return { ...signRequest({ method: 'GET', url: url.href, headers: scoped }, auth, { date: now, algorithm }), 'User-Agent': USER_AGENT };
      },
    });
    return sent.catch((error: unknown) => {
      // A refused signature or token: say which credentials, from where (one place can hold a stale key).
      if (error instanceof HuaweiCloudError && error.status === 401) throw withNote(error, credentialNote(source.origin, auth, error.serviceMessage));
      throw error;
    });
  }

  async function iamLookup(lookupRegion: string | undefined, what: string, find: (iamGet: (path: string, query: Record<string, string>) => Promise<unknown>) => Promise<string>, signal?: AbortSignal): Promise<string> {
    const key = [endpointList('iam', lookupRegion, 'id-lookup').urls.join(','), identityKey(await (await credentialSource()).current()), what].join('\n');
    const lookup = (lookupSignal: AbortSignal | undefined) => find(async (path, query) => (await get({ service: 'iam', region: lookupRegion, path, query, signal: lookupSignal }, 'id-lookup')).body);
    return sharedLookup(key, lookup, callerWaiter(`IAM ${what.replace(':', ' ')} lookup`, signal, numbers.deadlineMs));
  }

  async function resolveProjectId(query: ProjectQuery = {}): Promise<string> {
    if (query.projectId !== undefined) return checkId('projectId', query.projectId);
    const callRegion = query.region ? checkRegion('region', query.region) : region;
    // A name asked for (here, or as the client's option for its region) beats an ID from the environment.
    const namedByOption = query.projectName !== undefined || (options.projectName !== undefined && callRegion === region);
    if (!namedByOption) {
      if (projectId && callRegion === region) return projectId;
      // A project ID from the environment or profile belongs to the environment's region only.
      if (callRegion === envRegion) {
        const candidates: [string, string | undefined][] = [
          ['HUAWEICLOUD_SDK_PROJECT_ID', env.HUAWEICLOUD_SDK_PROJECT_ID],
          ['HW_PROJECT_ID', env.HW_PROJECT_ID],
          ['project_id of the profile file', (await credentialSource()).projectId],
        ];
        const found = candidates.find(([, value]) => value);
        if (found) return checkId(found[0], found[1]);
      }
    }
    const [field, name] =
      query.projectName !== undefined ? ['projectName', query.projectName]
      : options.projectName && callRegion === region ? ['projectName', options.projectName]
      : env.HW_PROJECT_NAME && callRegion === envRegion ? ['HW_PROJECT_NAME', env.HW_PROJECT_NAME]
      : ['region', callRegion];
    if (!name) throw invalidArgument('region', 'needed to find the project ID: set region (or HW_REGION_NAME), projectId or projectName');
    checkProjectName(field, name);
    return iamLookup(callRegion, `project:${name}`, (iamGet) => findProjectId(iamGet, name, field), query.signal);
  }

  async function resolveDomainId(query: { domainId?: string; signal?: AbortSignal } = {}): Promise<string> {
    if (query.domainId !== undefined) return checkId('domainId', query.domainId);
    if (domainId) return domainId;
    const fromEnv = env.HUAWEICLOUD_SDK_DOMAIN_ID || env.HW_DOMAIN_ID;
    if (fromEnv) return checkId(env.HUAWEICLOUD_SDK_DOMAIN_ID ? 'HUAWEICLOUD_SDK_DOMAIN_ID' : 'HW_DOMAIN_ID', fromEnv);
    const fromProfile = (await credentialSource()).domainId;
    if (fromProfile) return checkId('domain_id', fromProfile);
    return iamLookup(region, 'domain', findDomainId, query.signal);
  }

  async function listProjects(query: { region?: string; signal?: AbortSignal } = {}) {
    const listRegion = query.region ? checkRegion('region', query.region) : region;
    return listAccountProjects(async (path, parameters) => (await get({ service: 'iam', region: listRegion, path, query: parameters, signal: query.signal }, 'id-lookup')).body);
  }

  /** The error with every known secret removed, those found by the credential chain included. */
  async function withoutSecrets(error: unknown): Promise<unknown> {
    const source = await credentials?.catch(() => undefined);
    const auth = await source?.current().catch(() => undefined);
    return redactError(error, [...givenSecrets, ...(auth ? secretsOf(auth) : [])]);
  }

  async function redacted(error: unknown): Promise<never> {
    throw await withoutSecrets(error);
  }

  // After close(), every call fails at once, unsent: the pool is gone, and retrying into it would only wait.
  let closed = false;
  const open = <Args extends unknown[], R>(call: (...args: Args) => Promise<R>) => (...args: Args): Promise<R> =>
    closed ? Promise.reject(new HuaweiCloudError({ kind: 'closed', message: 'the client was closed with close(): make a new one' })) : call(...args).catch(redacted);

  return {
    region,
    deadlineMs: numbers.deadlineMs,
    get: open((call: ServiceCall) => get(call)),
    resolveProjectId: open((query?: ProjectQuery) => resolveProjectId(query)),
    resolveDomainId: open((query?: { domainId?: string; signal?: AbortSignal }) => resolveDomainId(query)),
    listProjects: open((query?: { region?: string; signal?: AbortSignal }) => listProjects(query)),
    identity: async () => identityKey(await (await credentialSource()).current()),
    endpoint: (service, callRegion) => {
      try {
        return endpoint(service, callRegion);
      } catch (error) {
        throw redactError(error, givenSecrets);
      }
    },
    endpoints: (service, callRegion) => {
      try {
        return endpointList(service, callRegion, 'api').urls;
      } catch (error) {
        throw redactError(error, givenSecrets);
      }
    },
    redactError: withoutSecrets,
    close: () => {
      closed = true;
      transport.close();
      return pool.close();
    },
  };
}

function scopeHeaders(scope: ServiceCall['scope']): Record<string, string> {
  if (!scope) return {};
  return 'projectId' in scope ? { 'X-Project-Id': scope.projectId } : { 'X-Domain-Id': scope.domainId };
}

/** RFC 3986 encoded, so that what is sent is exactly what is signed. */
function queryString(query: Record<string, string | number | undefined>): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(String(value))}`)
    .join('&');
}

function checkProjectName(field: string, name: string): void {
  // Project names are a region ID, optionally followed by `_` and a sub-project name.
  if (!PROJECT_NAME_PATTERN.test(name)) {
    throw invalidArgument(field, `must be a project name such as cn-north-4 or cn-north-4_dev; got ${JSON.stringify(name.slice(0, 70))}`);
  }
}
