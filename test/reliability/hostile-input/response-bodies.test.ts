import type { ServerResponse } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError, type QuotaClient } from '../../../provider/client';
import { clearSharedState } from '../../support/shared-state';
import { startTestServer, type TestServer } from '../../support/test-server';
import { credentialOptions } from '../support/credential-modes';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { expectNoSecrets, SECURITY_TOKEN, TEMPORARY_SECRET_KEY, AUTH_TOKEN } from '../support/recognisable-secrets';
import { propertyRuns, propertyTimeoutMs } from '../support/reliability-runs';
import { TEMPORARY_ACCESS_KEY } from '../support/reliability-state';
import { READ_NAMES, RESULT_SHAPES, shapeProblem, type ReadName } from '../support/result-shapes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { cliErrorKind, runCli } from '../support/run-cli';
import { settle } from '../support/settle';
import { hostileBodyText } from './body-arbitraries';
import { OutcomeTally } from './outcome-tally';

// Every read, and `hwquota get`, against a server that answers with hostile bodies: each case ends in a valid result
// or a typed error, its requests go to the read's own path, and no prototype changes.

const PROJECT = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const DOMAIN = 'b933a12c403702918e1c1f0c738433a3';
const PATHS: Record<ReadName, string> = {
  account: `/v3.0/OS-QUOTA/domains/${DOMAIN}`,
  project: `/v3.0/OS-QUOTA/projects/${PROJECT}`,
  kms: `/v1.0/${PROJECT}/kms/user-quotas`,
  'sfs-turbo': `/v1/${PROJECT}/sfs-turbo/quotas`,
  metastudio: `/v1/${PROJECT}/user/quotas`,
};
const SERVICE: Record<ReadName, string> = { account: 'iam', project: 'iam', kms: 'kms', 'sfs-turbo': 'sfs-turbo', metastudio: 'metastudio' };

let server: TestServer;
let answer: { status: number; text: string } = { status: 200, text: '{}' };
let client: QuotaClient;
beforeAll(async () => {
  server = await startTestServer((_request, response: ServerResponse) => {
    response.writeHead(answer.status, { 'Content-Type': 'application/json' });
    response.end(answer.text);
  });
  const endpoints = { iam: server.url, kms: server.url, 'sfs-turbo': server.url, metastudio: server.url };
  client = createQuotaClient({ ...credentialOptions('temporary keys'), ...FAST_TIMINGS, maxAttempts: 2, region: 'cn-north-4', projectId: PROJECT, domainId: DOMAIN, cacheTtlMs: 0, endpoints, env: {} });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const cliEnv = { HUAWEICLOUD_SDK_AK: TEMPORARY_ACCESS_KEY, HUAWEICLOUD_SDK_SK: TEMPORARY_SECRET_KEY, HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN, HW_AUTH_TOKEN: AUTH_TOKEN, HWQUOTA_METADATA_URL: 'off' };

function read(name: ReadName): Promise<unknown> {
  switch (name) {
    case 'account': return client.accountQuotas();
    case 'project': return client.projectQuotas();
    case 'kms': return client.kmsQuotas();
    case 'sfs-turbo': return client.sfsTurboQuotas();
    case 'metastudio': return client.metaStudioUserQuotas();
  }
}

const statuses = fc.oneof({ weight: 8, arbitrary: fc.constant(200) }, { weight: 2, arbitrary: fc.constantFrom(201, 204, 400, 401, 403, 404, 418, 500, 503) });

describe.each(READ_NAMES)('%s: hostile response bodies', (name) => {
  const tally = new OutcomeTally(`Hostile response bodies, ${name}: outcomes (read | hwquota get)`);
  afterAll(() => tally.print());

  it('a valid result or a typed error, from the read and from the CLI', { timeout: propertyTimeoutMs(150) }, async () => {
    const prototypes = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(hostileBodyText(name), statuses, fc.constantFrom('json', 'table'), async (text, status, output) => {
        answer = { status, text };
        const from = server.requests.length;
        const outcome = await settle(() => read(name));
        if (outcome.ok) {
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(300);
          expect(shapeProblem(RESULT_SHAPES[name], outcome.value)).toBeUndefined();
        } else {
          expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
          expect((outcome.error as HuaweiCloudError).kind).toBe(status < 300 ? 'response-invalid' : 'service');
        }
        expect(outcome.elapsedMs).toBeLessThan(5_000);
        // Only the read's own path (MetaStudio: pages of 100).
        for (const request of server.requests.slice(from)) {
          const url = new URL(request.url, server.url);
          expect(url.pathname).toBe(PATHS[name]);
          if (name === 'metastudio') expect(url.searchParams.get('limit')).toBe('100');
        }
        expectNoSecrets(outcome.ok ? outcome.value : outcome.error, 'the outcome');

        // The CLI prints what it read; retries (non-2xx) are the fault matrix's business, with the CLI's longer waits.
        let cliOutcome = '-';
        if (status === 200) {
          clearSharedState();
          const run = await runCli(['get', name, '--output', output, '--endpoint', `${SERVICE[name]}=${server.url}`, '--region', 'cn-north-4', ...(name === 'account' ? ['--domain-id', DOMAIN] : ['--project-id', PROJECT])], cliEnv);
          expect(run.code, run.stderr).toBe(outcome.ok ? 0 : 2);
          if (run.code === 0 && output === 'json') expect(shapeProblem(RESULT_SHAPES[name], JSON.parse(run.stdout))).toBeUndefined();
          if (run.code === 2) expect(cliErrorKind(run.stderr)).toBe('response-invalid');
          expectNoSecrets(run.stdout + run.stderr, 'the CLI output');
          cliOutcome = run.code === 0 ? 'printed' : `exit 2 ${cliErrorKind(run.stderr)}`;
        }
        tally.add(`${outcome.ok ? 'valid result' : (outcome.error as HuaweiCloudError).kind} | ${cliOutcome}`);
        expectPrototypesUntouched(prototypes, name);
      }),
      propertyRuns(),
    );
  });
});
