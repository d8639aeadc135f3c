import { createHash } from 'node:crypto';
import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../quota-client';

/**
 * One quota client per distinct settings in a Pulumi program: data sources called many times share its connection
 * pool, its ID lookups and its read cache. The key hashes the settings, so it holds no secret in clear.
 */
const clients = new Map<string, QuotaClient>();

export function sharedQuotaClient(settings: QuotaClientOptions): QuotaClient {
  const key = createHash('sha256').update(JSON.stringify(settings, Object.keys(settings).sort())).update(JSON.stringify(settings.endpoints ?? {})).digest('hex');
  let client = clients.get(key);
  if (!client) {
    client = createQuotaClient(settings);
    clients.set(key, client);
  }
  return client;
}
