import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../quota-client';
import { quotaApi } from '../apis/quota-apis';
import type { QuotaResource } from '../quota/quota-resource';
import type { RuleService } from './quota-rules';

/** A scope's quotas and where they were read (`account b933…`, `cn-north-4 (project 0dea…)`), or why they were not. */
export type QuotaReading =
  | { readonly ok: true; readonly where: string; readonly resources: readonly QuotaResource[] }
  | { readonly ok: false; readonly message: string };

/** Quota reads for one run of the policies, with one client. */
export interface QuotaReader {
  /** The region of resources that name none: the settings' region, else `HW_REGION_NAME`. */
  readonly defaultRegion: string | undefined;
  /** Reads a scope once per run; a failure is kept too, as its (secret-free) message. */
  read(service: RuleService, region: string | undefined): Promise<QuotaReading>;
  /** Closes the client's connections. */
  close(): Promise<void>;
}

/**
 * Creates a reader. A failed read is not retried in the same run: with a wrong key, every resource would otherwise
 * send another bad signature, and five in a row lock the key for five minutes.
 */
export function createQuotaReader(settings: QuotaClientOptions): QuotaReader {
  const client = createQuotaClient(settings);
  const readings = new Map<string, Promise<QuotaReading>>();
  return {
    defaultRegion: client.http.region,
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
