import type { ApiResult } from './api-definition';
import type { EndpointService } from './endpoint-service';
import { QUOTA_APIS } from './registry';
import type { ReadArgs } from '../quota/read-args';

/** One of the quota APIs of the registry. */
export type QuotaApi = (typeof QUOTA_APIS)[number];

/** An API's name, as requirements, `hwquota get` and the emulator's routes spell it: `account`, `kms`, `sfs-turbo`... */
export type QuotaService = QuotaApi['name'];

/** Every {@link QuotaService}, in the registry's order. */
export const QUOTA_SERVICES: readonly QuotaService[] = QUOTA_APIS.map((api) => api.name);

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

const BY_NAME = new Map<string, QuotaApi>(QUOTA_APIS.map((api) => [api.name, api]));

/** The API of that name; `undefined` for any other string (own names only, never a prototype's member). */
export function findQuotaApi(name: string): QuotaApi | undefined {
  return BY_NAME.get(name);
}

/** The API of a checked name. */
export function quotaApi<Name extends QuotaService>(name: Name): QuotaApiNamed<Name> {
  return BY_NAME.get(name) as QuotaApiNamed<Name>;
}

/** The services called, each once, in the registry's order: IAM first, as the ID look-ups need it. */
export const ENDPOINT_SERVICES: readonly EndpointService<QuotaApi['service']['host']>[] = [
  ...new Map(QUOTA_APIS.map((api) => [api.service.host, api.service as EndpointService<QuotaApi['service']['host']>])).values(),
].sort((a, b) => Number(b.host === 'iam') - Number(a.host === 'iam'));

/** Every quota type an API reports, and its pattern of more types, for checks and their errors. */
export function quotaTypeProblem(api: QuotaApi, type: string): string | undefined {
  const pattern = api.quotaTypePattern;
  if (Object.hasOwn(api.quotaTypes, type) || pattern?.pattern.test(type)) return undefined;
  const allowed = [...Object.keys(api.quotaTypes), ...(pattern ? [pattern.description] : [])];
  return `${api.name} quota types are ${allowed.join(', ')}; got ${JSON.stringify(type)}`;
}
