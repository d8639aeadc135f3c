import type { EndpointService } from './endpoint-service';
import type { QuotaApi, QuotaApiNamed, QuotaService } from './quota-apis';
import { QUOTA_APIS } from './registry';

// Every definition at once, for what serves or counts all of them (the emulator, the policies, `hwquota get`). The
// client loads one at a time instead (`loadQuotaApi`).

const BY_NAME = new Map<string, QuotaApi>(QUOTA_APIS.map((api) => [api.name, api]));

/** The API of that name; `undefined` for any other string (own names only, never a prototype's member). */
export function findQuotaApi(name: string): QuotaApi | undefined {
  return BY_NAME.get(name);
}

/** The API of a checked name. */
export function quotaApi<Name extends QuotaService>(name: Name): QuotaApiNamed<Name> {
  return BY_NAME.get(name) as QuotaApiNamed<Name>;
}

/** Each service's whole definition (its error codes and bodies), by host name. */
export const SERVICE_DEFINITIONS: ReadonlyMap<string, EndpointService> = new Map(QUOTA_APIS.map((api) => [api.service.host, api.service as EndpointService]));
