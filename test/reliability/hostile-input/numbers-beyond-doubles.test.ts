import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError, type QuotaClient } from '../../../provider/client';
import { clearSharedReads } from '../../../provider/quota/read-cache';
import { startTestServer, type TestServer } from '../../support/test-server';
import { credentialOptions } from '../support/credential-modes';
import { SECURITY_TOKEN, TEMPORARY_SECRET_KEY } from '../support/recognisable-secrets';
import { TEMPORARY_ACCESS_KEY } from '../support/reliability-state';
import { QuotaResourceShape, shapeProblem } from '../support/result-shapes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { runCli } from '../support/run-cli';
import { settle } from '../support/settle';

// Found by this suite: `z.number()` accepted what JSON.parse makes of 1e400 (Infinity), so a quota sent as 1e400 read as
// `quota: Infinity`, printed by `--output json` as null, and `hasHeadroom` said it fit; ±1e308 overflowed `quota - used`
// the same way. Now quota numbers must be finite and within 2^53 (provider/services/quota-number.ts): `response-invalid`.

const PROJECT = '0dea2644dc80d5d22ff1c01e3ebea6fc';
let server: TestServer;
let body = '';
let client: QuotaClient;
beforeAll(async () => {
  server = await startTestServer((_request, response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(body);
  });
  client = createQuotaClient({ ...credentialOptions('temporary keys'), ...FAST_TIMINGS, region: 'cn-north-4', projectId: PROJECT, cacheTtlMs: 0, endpoints: { kms: server.url }, env: {} });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const BODIES = [
  '{"quotas":{"resources":[{"type":"CMK","quota":1e400,"used":0}]}}',
  '{"quotas":{"resources":[{"type":"CMK","quota":20,"used":-1e400}]}}',
  '{"quotas":{"resources":[{"type":"CMK","quota":-1e308,"used":1e308}]}}',
];

it('numbers beyond what a double holds are refused, never read as Infinity', async () => {
  for (const text of BODIES) {
    body = text;
    const outcome = await settle(() => client.kmsQuotas());
    if (outcome.ok) {
      for (const resource of (outcome.value as { resources: readonly unknown[] }).resources) {
        expect(shapeProblem(QuotaResourceShape, resource)).toBeUndefined();
        expect(Number.isFinite((resource as { headroom: number }).headroom), `${text}: headroom`).toBe(true);
      }
    } else {
      expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
      expect(outcome.error).toMatchObject({ kind: 'response-invalid' });
    }
    // What the CLI prints must say the same as what was read.
    clearSharedReads();
    const run = await runCli(['get', 'kms', '--output', 'json', '--endpoint', `kms=${server.url}`, '--region', 'cn-north-4', '--project-id', PROJECT], {
      HUAWEICLOUD_SDK_AK: TEMPORARY_ACCESS_KEY, HUAWEICLOUD_SDK_SK: TEMPORARY_SECRET_KEY, HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN, HWQUOTA_METADATA_URL: 'off',
    });
    if (run.code === 0) expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(outcome.ok ? outcome.value : null)));
  }
});
