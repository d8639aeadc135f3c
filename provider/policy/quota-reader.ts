import { createQuotaClient, DEFAULT_CACHE_TTL_MS, type QuotaClient, type QuotaClientOptions } from '../quota-client';
import { quotaApi } from '../apis/defined-apis';
import type { QuotaResource } from '../quota/quota-resource';
import { readLookup } from '../quota/read-quota-api';
import type { RuleService } from './quota-rules';
import type { CountingContext } from './resource-uses';

/** A scope's quotas and where they were read (`account b933…`, `cn-north-4 (project 0dea…)`), or why they were not. */
export type QuotaReading =
  | { readonly ok: true; readonly where: string; readonly resources: readonly QuotaResource[] }
  | { readonly ok: false; readonly message: string };

/** Quota reads (and the lookups counting needs, such as ECS flavors) for one run of the policies, with one client. */
export interface QuotaReader extends CountingContext {
  /** Reads a scope once per run; a failure is kept too, as its (secret-free) message. */
  read(service: RuleService, region: string | undefined): Promise<QuotaReading>;
  /** Closes the client's connections. */
  close(): Promise<void>;
}

/**
 * Creates a reader. A failed read is not retried in the same run: with a wrong key, every resource would otherwise
 * send another bad signature, and more than five in a row lock the key for five minutes.
 */
export function createQuotaReader(settings: QuotaClientOptions): QuotaReader {
  const client = createQuotaClient(settings);
  const readings = new Map<string, Promise<QuotaReading>>();
  const lookups = new Map<string, Promise<ReadonlyMap<string, Readonly<Record<string, number>>> | { reason: string }>>();
  return {
    defaultRegion: client.http.region,
    async lookup(service, lookup, region, key) {
      const at = `${service}\n${lookup}\n${region}`;
      let found = lookups.get(at);
      if (!found) {
        const context = { http: client.http, cacheTtlMs: settings.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS };
        found = readLookup(context, quotaApi(service), lookup, { region }).catch((error: unknown) => ({
          reason: `looking ${lookup} up in ${region} failed: ${error instanceof Error ? error.message : String(error)}`,
        }));
        lookups.set(at, found);
      }
      const figures = await found;
      if ('reason' in figures) return figures as { reason: string };
      return (figures as ReadonlyMap<string, Readonly<Record<string, number>>>).get(key) ?? { reason: `${quotaApi(service).service.title} lists no ${lookup} ${JSON.stringify(key)} in ${region}` };
    },
    read(service, region) {
      const key = `${service}\n${region ?? ''}`;
      let reading = readings.get(key);
      if (!reading) {
        reading = readScope(client, service, region).then(
          (read): QuotaReading => ({ ok: true, ...read }),
          (error: unknown): QuotaReading => ({ ok: false, message: error instanceof Error ? error.message : String(error) }),
        );
        readings.set(key, reading);
      }
      return reading;
    },
    close: () => client.close(),
  };
}

async function readScope(client: QuotaClient, service: RuleService, region: string | undefined): Promise<{ where: string; resources: readonly QuotaResource[] }> {
  const api = quotaApi(service);
  const result = (await client.read(service, (api.scope === 'account' ? {} : { region }) as never)) as { domainId?: string; projectId?: string; region?: string; resources: readonly QuotaResource[] };
  if (result.domainId) return { where: `account ${result.domainId}`, resources: result.resources };
  return { where: `${result.region ?? region} (project ${result.projectId})`, resources: result.resources };
}
