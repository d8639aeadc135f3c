import type { ApiResult, QuotaTypePattern } from './api-definition';
import type { ApiScope } from './scope-args';
import { QUOTA_API_CATALOG, SERVICE_CATALOG } from './catalog';
import type { EndpointService } from './endpoint-service';
import type { QUOTA_APIS } from './registry';
import type { ReadArgs } from '../quota/read-args';

/** One of the quota APIs of the registry. */
export type QuotaApi = (typeof QUOTA_APIS)[number];

/** An API's name, as requirements, `hwquota get` and the emulator's routes spell it: `account`, `kms`, `sfs-turbo`... */
export type QuotaService = QuotaApi['name'];

/** What is known of an API before its definition is loaded (the catalog's entries). */
export interface QuotaApiEntry {
  /** Its name, as `hwquota get` and requirements spell it: `kms`. */
  readonly name: QuotaService;
  /** Its client method: `kmsQuotas`. */
  readonly method: string;
  /** A short title: `KMS quotas`. */
  readonly title: string;
  /** `account`, `project` or `regional`. */
  readonly scope: ApiScope;
  /** The host name of the service it is called at: `kms`. */
  readonly service: QuotaApi['service']['host'];
  /** The quota types it reports, by their API spelling. */
  readonly quotaTypes: readonly string[];
  /** More types, spelled by a pattern (EVS's per-type keys). */
  readonly quotaTypePattern?: QuotaTypePattern;
  /** Its quotas are per IAM user (MetaStudio). */
  readonly perUser?: true;
  /** Where its definition is: `provider/apis/{file}.ts`, exported as `constant`. */
  readonly definedIn: {
    /** The definition file's name, without extension. */
    readonly file: string;
    /** The constant it exports the definition as. */
    readonly constant: string;
  };
}

/** A service an API is called at, as endpoints know it: host name, SDK spelling, title, the regions offering it. */
export type ServiceEntry = Pick<EndpointService<QuotaApi['service']['host']>, 'host' | 'envName' | 'title' | 'regions'>;

/** Every {@link QuotaService}, in the registry's order. */
export const QUOTA_SERVICES: readonly QuotaService[] = QUOTA_API_CATALOG.map((entry) => entry.name);

/** The services called, each once: IAM first, as the ID look-ups need it. */
export const ENDPOINT_SERVICES: readonly ServiceEntry[] = SERVICE_CATALOG;

/** The API of the registry named `Name`. */
export type QuotaApiNamed<Name extends QuotaService> = Extract<
  QuotaApi,
  {
    /** The API's name. */
    readonly name: Name;
  }
>;

/** The arguments of the read of the API named `Name`: `QuotaReadArgs<'kms'>`. */
export type QuotaReadArgs<Name extends QuotaService> = ReadArgs<QuotaApiNamed<Name>>;

/** What the read of the API named `Name` returns: `QuotaReadResult<'kms'>` is `{projectId, region, resources}`. */
export type QuotaReadResult<Name extends QuotaService> = ApiResult<QuotaApiNamed<Name>>;

const BY_NAME = new Map<string, QuotaApiEntry>(QUOTA_API_CATALOG.map((entry) => [entry.name, entry]));

/** The catalog entry of the API of that name; `undefined` for any other string (never a prototype's member). */
export function findQuotaApiEntry(name: string): QuotaApiEntry | undefined {
  return BY_NAME.get(name);
}

/**
 * The whole definition of the API of that name, loaded on first use (the client loads only the APIs it reads).
 *
 * @example
 * const kms = await loadQuotaApi('kms');
 * console.log(kms.path, Object.keys(kms.quotaTypes));
 */
export async function loadQuotaApi<Name extends QuotaService>(name: Name): Promise<QuotaApiNamed<Name>> {
  const { file, constant } = BY_NAME.get(name)!.definedIn;
  return (await loadDefinitionFile(file))[constant] as QuotaApiNamed<Name>;
}

/**
 * A definition file's exports: by `require` where the package runs compiled (CommonJS: a cold start is spared starting
 * the ES module loader, some 6 ms), by `import()` where its TypeScript sources run as they are (vitest), as `require`
 * cannot load those.
 */
async function loadDefinitionFile(file: string): Promise<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: `import()` costs a cold start more
  return __filename.endsWith('.ts') ? import(/* @vite-ignore */ `./${file}.js`) : (require(`./${file}`) as Record<string, unknown>);
}

/** Why a type is not one the API reports (listing those it does, and its pattern of more); `undefined` if it is. */
export function quotaTypeProblem(name: QuotaService, type: string): string | undefined {
  const { quotaTypes, quotaTypePattern: pattern } = BY_NAME.get(name)!;
  if (quotaTypes.includes(type) || pattern?.pattern.test(type)) return undefined;
  const allowed = [...quotaTypes, ...(pattern ? [pattern.description] : [])];
  return `${name} quota types are ${allowed.join(', ')}; got ${JSON.stringify(type)}`;
}
