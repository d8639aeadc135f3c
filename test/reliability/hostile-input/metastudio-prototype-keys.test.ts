import type { ServerResponse } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError, type QuotaClient } from '../../../provider/client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { credentialOptions } from '../support/credential-modes';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { propertyRuns } from '../support/reliability-runs';
import { RESULT_SHAPES, shapeProblem } from '../support/result-shapes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { settle } from '../support/settle';

// Found by this suite: a MetaStudio quota key named like an Object.prototype member (`constructor`, `toString`,
// `valueOf`...) with no usage of its own read the inherited function as its usage (`headroom: NaN`). Now only own keys
// count: its usage is unknown (`used: null`).

const PROJECT = '0dea2644dc80d5d22ff1c01e3ebea6fc';
let server: TestServer;
let body = '';
let client: QuotaClient;
beforeAll(async () => {
  server = await startTestServer((_request, response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(body);
  });
  client = createQuotaClient({ ...credentialOptions('token'), ...FAST_TIMINGS, region: 'cn-north-4', projectId: PROJECT, cacheTtlMs: 0, endpoints: { metastudio: server.url }, env: {} });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const OBJECT_MEMBERS = Object.getOwnPropertyNames(Object.prototype).filter((name) => name !== '__proto__');

it('quota keys named like Object.prototype members give a valid resource, usage unknown when not reported', async () => {
  const prototypes = prototypeSnapshot();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...OBJECT_MEMBERS), fc.integer({ min: 0, max: 100 }), fc.boolean(), async (key, quota, withUsage) => {
      body = JSON.stringify({ count: 1, assets: [{ user_id: 'u1', quota: { [key]: quota }, usage: withUsage ? { [key]: 1 } : {} }] });
      const outcome = await settle(() => client.metaStudioUserQuotas());
      if (!outcome.ok) expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
      else expect(shapeProblem(RESULT_SHAPES.metastudio, outcome.value)).toBeUndefined();
      expectPrototypesUntouched(prototypes, key);
    }),
    propertyRuns(),
  );
});
