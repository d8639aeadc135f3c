import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createQuotaClient, type QuotaClient } from '../../../provider/client';
import type { ServiceName } from '../../../provider/endpoints/service-names';
import { startTestServer, type TestServer } from '../../support/test-server';
import { credentialOptions, type CredentialMode } from './credential-modes';
import { FAST_TIMINGS } from './retry-timings';

/** The project every read of a fixed-body service is scoped to. */
export const FIXED_BODY_PROJECT = '0dea2644dc80d5d22ff1c01e3ebea6fc';

/**
 * For one test file: a server that answers every request with 200 and the JSON text last given to `answer`, and a
 * quota client (no cache) whose `service` endpoint is that server; both stopped after the file's tests.
 */
export function useFixedBodyService(service: ServiceName, mode: CredentialMode) {
  let body = '';
  let server: TestServer;
  let client: QuotaClient;
  beforeAll(async () => {
    server = await startTestServer((_request, response: ServerResponse) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(body);
    });
    client = createQuotaClient({ ...credentialOptions(mode), ...FAST_TIMINGS, region: 'cn-north-4', projectId: FIXED_BODY_PROJECT, cacheTtlMs: 0, endpoints: { [service]: server.url }, env: {} });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });
  return {
    answer: (text: string) => void (body = text),
    client: () => client,
    url: () => server.url,
  };
}
