import { execFile } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQuotaClient, type QuotaClient } from '../../../provider/client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { credentialOptions } from '../support/credential-modes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { settle } from '../support/settle';

// Found by this suite: the first page's `count` decided how many pages were fetched, with no bound: `count: 10000000`
// made a read send 100,000 requests, and `count: 1000000000000` exhausted the heap. Now a count above
// MAX_METASTUDIO_USERS is `response-invalid`, before any other page is fetched.

const PROJECT = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const root = join(__dirname, '..', '..', '..');
let server: TestServer;
let count = 0;
let client: QuotaClient;
beforeAll(async () => {
  server = await startTestServer((_request, response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ count, assets: [{ user_id: 'u1', quota: { voice_clone_basic: 1 }, usage: { voice_clone_basic: 0 } }] }));
  });
  client = createQuotaClient({ ...credentialOptions('token'), ...FAST_TIMINGS, region: 'cn-north-4', projectId: PROJECT, cacheTtlMs: 0, endpoints: { metastudio: server.url }, env: {} });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

/** Reads every page with the built package in a child process with a small heap, and reports how it ended. */
async function readInChildProcess(pageCount: number): Promise<{ code: number | null; stdout: string }> {
  const script = `
    const { createQuotaClient } = require(${JSON.stringify(join(root, 'dist', 'client.js'))});
    const client = createQuotaClient({ authToken: 'RELIABILITYAUTHTOKEN-child', region: 'cn-north-4', projectId: '${PROJECT}', endpoints: { metastudio: process.argv[1] }, env: {} });
    client.metaStudioUserQuotas({ signal: AbortSignal.timeout(5000) })
      .then(() => 'ok', (error) => error.kind)
      .then((outcome) => { process.stdout.write(outcome); return client.close(); });
  `;
  count = pageCount;
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=96', '-e', script, server.url], { timeout: 15_000 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number | null; stdout?: string };
    return { code: failed.code ?? null, stdout: failed.stdout ?? '' };
  }
}

it('a page count no account can have is refused, without fetching it or running out of memory', { timeout: 30_000 }, async () => {
  // 10^7 users, one a page: the read must not send a request per hundred of them.
  count = 10_000_000;
  const before = server.requests.length;
  const outcome = await settle(() => client.metaStudioUserQuotas({ signal: AbortSignal.timeout(2_000) }));
  const sent = server.requests.length - before;
  expect(outcome.ok ? 'ok' : (outcome.error as { kind: string }).kind, `${sent} requests sent`).toBe('response-invalid');
  expect(sent).toBeLessThanOrEqual(1);

  // 10^12: the process must survive to say so.
  expect(await readInChildProcess(1_000_000_000_000)).toEqual({ code: 0, stdout: 'response-invalid' });
});
