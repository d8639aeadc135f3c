import type { ServerResponse } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaApi } from '../../provider/apis/quota-apis';
import { QUOTA_APIS } from '../../provider/apis/registry';
import { createQuotaClient, HuaweiCloudError, type QuotaClient, type QuotaClientOptions } from '../../provider/client';
import { startEmulator, type Fault, type RouteName, type RunningEmulator } from '../../provider/emulator';
import { expandPath } from '../../provider/path-parameters';
import { clearSharedState } from '../support/shared-state';
import { readLookup } from '../../provider/quota/read-quota-api';
import { deeplyNested, hostileKey } from '../reliability/hostile-input/arbitraries';
import { containers, pageCount } from '../reliability/hostile-input/body-arbitraries';
import { expectPrototypesUntouched, prototypeSnapshot } from '../reliability/support/prototype-guard';
import { startTestServer, type TestServer } from '../support/test-server';
import { signatureIsValid } from '../support/verify-signature';
import type { ApiFixture } from './fixtures/api-fixture';
import { loadFixtures, resourcesOf } from './fixtures';

// One suite for every API of the registry, each held to its fixture (its reference page's example and error codes):
// the example read as documented, signed and scoped; the emulator serving it (paging included); endpoints and their
// overrides; errors in the service's own shape; the fault matrix; hostile bodies; no secret in results or errors.

let FIXTURES: Awaited<ReturnType<typeof loadFixtures>>;
beforeAll(async () => {
  FIXTURES = await loadFixtures();
});
const REGION = 'cn-north-4';
const PROJECT = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const DOMAIN = 'b933a12c403702918e1c1f0c738433a3';
const ACCESS_KEY = 'HPUACONFORMANCE00001';
const SECRET_KEY = 'ConformanceSecretKey00000000000000000001';
const FAST = { retryBaseDelayMs: 5, retryMaxDelayMs: 20, cacheTtlMs: 0 } as const;

const apiCases = QUOTA_APIS.map((api) => [api.name, api] as [string, QuotaApi]);

/** A read of the API named, with a client made for it and closed after. */
async function readWith(api: QuotaApi, options: QuotaClientOptions, args: Record<string, unknown> = {}): Promise<unknown> {
  clearSharedState();
  const client: QuotaClient = createQuotaClient({ ...FAST, ...options });
  try {
    return await client.read(api.name, args as never);
  } finally {
    await client.close();
  }
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected the read to fail'), (error: unknown) => error as HuaweiCloudError);

/** Where `api` is read: the path with the fixture's account or project. */
function pathOf(api: QuotaApi): string {
  const ids: Record<string, string> = api.scope === 'account' ? { domain_id: DOMAIN } : { project_id: PROJECT };
  return expandPath(api.path, { ...ids, ...api.pathParameters?.({ projectId: PROJECT, domainId: DOMAIN }) });
}

describe.each(apiCases)('%s', (name, api) => {
  let fixture: ApiFixture;
  beforeAll(() => {
    fixture = FIXTURES.get(name)!;
    expect(fixture, `test/apis/fixtures/${name}.ts`).toBeDefined();
  });

  describe('against a server answering its reference example', () => {
    let server: TestServer;
    let answer: { status: number; text: string };
    beforeAll(async () => {
      server = await startTestServer((_request, response: ServerResponse) => {
        response.writeHead(answer.status, { 'Content-Type': 'application/json' });
        response.end(answer.text);
      });
    });
    afterAll(() => server.close());
    const options = (): QuotaClientOptions => ({
      accessKey: ACCESS_KEY, secretKey: SECRET_KEY, region: REGION, projectId: PROJECT, domainId: DOMAIN, endpoints: { [api.service.host]: server.url }, env: {}, ...FAST,
    });

    it('reads it as documented, in one signed, scoped GET of its path', async () => {
      answer = { status: 200, text: JSON.stringify(fixture.example) };
      const from = server.requests.length;
      const result = await readWith(api, options());
      const resources = resourcesOf(result);
      expect(resources).toHaveLength(fixture.resourceCount);
      for (const read of fixture.reads) expect(resources.find((resource) => resource.type === read.type), read.type).toMatchObject(read);
      for (const resource of resources) {
        const { quota, used, headroom, unlimited } = resource as unknown as { quota: number | null; used: number | null; headroom: number | null; unlimited: boolean };
        expect(headroom, resource.type).toBe(quota === null || used === null ? null : quota - used);
        expect(unlimited, resource.type).toBe(quota === null);
        expect((resource as { unit?: string }).unit, resource.type).not.toBe('count');
      }
      const requests = server.requests.slice(from);
      expect(requests).toHaveLength(1);
      const [request] = requests;
      expect(new URL(request!.url, server.url).pathname).toBe(pathOf(api));
      expect(signatureIsValid(request!, SECRET_KEY), 'the signature').toBe(true);
      expect(request!.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(request!.headers['content-type']).toBe('application/json');
      if (api.scope === 'account') expect(request!.headers['x-domain-id']).toBe(DOMAIN);
      else expect(request!.headers['x-project-id']).toBe(PROJECT);
      expect(request!.headers.authorization).not.toContain(SECRET_KEY);
      expect(JSON.stringify(result)).not.toContain(SECRET_KEY);
    });

    it('hostile bodies: a valid result or a typed error, and prototypes untouched', { timeout: 60_000 }, async () => {
      const prototypes = prototypeSnapshot();
      await fc.assert(
        fc.asyncProperty(mutatedBody(fixture.example), async (text) => {
          answer = { status: 200, text };
          const outcome = await readWith(api, options()).then((value) => ({ value }), (error: unknown) => ({ error }));
          if ('error' in outcome) {
            expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
            expect((outcome.error as HuaweiCloudError).kind).toBe('response-invalid');
            expect(String(outcome.error)).not.toContain(SECRET_KEY);
          } else {
            for (const resource of resourcesOf(outcome.value)) expect(typeof resource.type).toBe('string');
          }
          expectPrototypesUntouched(prototypes, name);
        }),
        { numRuns: 40, endOnFailure: true },
      );
    });
  });

  describe('served by the emulator', () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(() => emulator.stop());
    const rootOptions = (): QuotaClientOptions => ({ env: emulator.env, ...FAST });
    const route = name as RouteName;
    const counts = () => ({ ...emulator.requests });
    const made = (before: ReturnType<typeof counts>) => (emulator.requests[route] ?? 0) - (before[route] ?? 0);

    it('reads the built-in state, every page, and judges a requirement of it', async () => {
      const before = counts();
      const result = await readWith(api, rootOptions());
      expect(resourcesOf(result).length).toBeGreaterThan(0);
      expect(made(before)).toBe(fixture.requestsPerRead);
      expect(emulator.requests.unmatched).toBe(before.unmatched);
      clearSharedState();
      const client = createQuotaClient(rootOptions());
      try {
        const userId = api.perUser ? (result as { users: { userId: string }[] }).users[0]!.userId : undefined;
        const [check] = await client.evaluate([{ service: name as never, type: fixture.requirementType, need: 1, ...(userId ? { userId } : {}) }]);
        expect(check!.note, 'the requirement was judged').toBeUndefined();
        expect(check!.quota === null ? check!.unlimited : typeof check!.quota === 'number').toBe(true);
      } finally {
        await client.close();
      }
    });

    it('answers a project (or account) that is not there in its own error shape', async () => {
      const unknown = '0123456789abcdef0123456789abcdef';
      const args = api.scope === 'account' ? { domainId: unknown } : { projectId: unknown };
      const error = await failureOf(readWith(api, rootOptions(), args));
      expect(error).toBeInstanceOf(HuaweiCloudError);
      expect(error).toMatchObject({ kind: 'service', ...fixture.unknownScope, retryable: false });
    });

    it('answers an IAM user without its permission with the service\'s own "no permission" error', async () => {
      const account = emulator.state.accounts[0]!;
      const user = account.users.find((candidate) => !candidate.root)!;
      const key = account.accessKeys.find((candidate) => candidate.userId === user.id && !candidate.securityToken)!;
      const asUser = (): QuotaClientOptions => ({ env: { ...emulator.env, HUAWEICLOUD_SDK_AK: key.accessKey, HUAWEICLOUD_SDK_SK: key.secretKey }, ...FAST });
      const granted = [...user.grants];
      try {
        if (!api.perUser) {
          // Granted, the user reads it (MetaStudio answers only the account itself, whatever it grants).
          expect(resourcesOf(await readWith(api, asUser())).length, 'a read by a granted user').toBeGreaterThan(0);
        }
        user.grants = granted.filter((host) => host !== api.service.host);
        if (!fixture.noPermission) {
          // IAM's quotas need no permission.
          expect(resourcesOf(await readWith(api, asUser())).length).toBeGreaterThan(0);
          return;
        }
        const error = await failureOf(readWith(api, asUser()));
        expect(error).toMatchObject({ kind: 'service', ...fixture.noPermission });
        for (const text of [error.message, JSON.stringify(error), String(error.stack)]) expect(text).not.toContain(key.secretKey);
      } finally {
        user.grants = granted;
      }
    });

    // Each judged on the outcome and on the requests made: a fault once costs one more; a read that fails for good
    // stops at its first request (a paged read at its first page), after every attempt (3) when the fault is retryable.
    const faults: [string, Fault['kind'], number | undefined, (outcome: { value?: unknown; error?: HuaweiCloudError }, requests: number) => void][] = [
      ['a 503 once is retried', '503', 1, (outcome, requests) => { expect(outcome.error).toBeUndefined(); expect(requests).toBe(fixture.requestsPerRead + 1); }],
      ['a reset connection once is retried', 'reset', 1, (outcome, requests) => { expect(outcome.error).toBeUndefined(); expect(requests).toBe(fixture.requestsPerRead + 1); }],
      ['a 429 once is retried', '429', 1, (outcome, requests) => { expect(outcome.error).toBeUndefined(); expect(requests).toBe(fixture.requestsPerRead + 1); }],
      ['a lasting 500 is a retryable service error, after every attempt', '500', undefined, (outcome, requests) => {
        expect(outcome.error).toMatchObject({ kind: 'service', status: 500, retryable: true, attempts: 3 });
        expect(requests).toBe(3);
      }],
      ['a malformed body is response-invalid, not retried', 'malformed', undefined, (outcome, requests) => {
        expect(outcome.error).toMatchObject({ kind: 'response-invalid' });
        expect(requests).toBe(1);
      }],
    ];
    it.each(faults)('fault matrix: %s', async (_title, kind, count, judge) => {
      const before = counts();
      emulator.setFaults([{ route: name as Fault['route'], kind, ...(count ? { count } : {}), ...(kind === '429' ? { retryAfter: 0 } : {}) }]);
      try {
        const outcome: { value?: unknown; error?: HuaweiCloudError } = await readWith(api, { ...rootOptions(), maxAttempts: 3 }).then(
          (value) => ({ value }),
          (error: HuaweiCloudError) => ({ error }),
        );
        judge(outcome, made(before));
        if (outcome.error) expect(JSON.stringify(outcome.error)).not.toContain(emulator.env.HUAWEICLOUD_SDK_SK);
      } finally {
        emulator.setFaults([]);
      }
    });
  });

  it('has its endpoint at its own host, overridden by the environment, then by the option', () => {
    const envName = `HUAWEICLOUD_SDK_REGION_${api.service.envName}_CN_NORTH_4`;
    const client = createQuotaClient({ region: REGION, env: {} });
    const fromEnv = createQuotaClient({ region: REGION, env: { [envName]: 'https://from-env.example/base/' } });
    const fromOption = createQuotaClient({ region: REGION, env: { [envName]: 'https://from-env.example' }, endpoints: { [api.service.host]: 'http://127.0.0.1:9' } });
    try {
      expect(client.http.endpoint(api.service.host, REGION)).toBe(`https://${api.service.host}.${REGION}.myhuaweicloud.com`);
      expect(fromEnv.http.endpoint(api.service.host, REGION)).toBe('https://from-env.example/base');
      expect(fromOption.http.endpoint(api.service.host, REGION)).toBe('http://127.0.0.1:9');
    } finally {
      void Promise.all([client.close(), fromEnv.close(), fromOption.close()]);
    }
  });
});

const DEEP = '\u0000DEEP\u0000';

/**
 * The example with one to three changes: a value replaced by anything, a key removed, a hostile key added (`__proto__`
 * among them), or a deep nest planted; or, now and then, something that is not the example's shape at all.
 */
function mutatedBody(example: unknown): fc.Arbitrary<string> {
  const change = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('replace', 'remove', 'add'),
    key: hostileKey,
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, -2, 1e300, 2 ** 53 + 2, null, '', DEEP)),
  });
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => applyChanges(example, changes)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '<html><title>oops</title></html>', 'null', '[]') },
  );
}

function applyChanges(example: unknown, changes: { at: number; op: string; key: string; value: unknown }[]): string {
  const body = structuredClone(example);
  for (const { at, op, key, value } of changes) {
    const slots = containers(body);
    const target = slots[at % slots.length]!;
    const keys = Object.keys(target);
    const existing = keys[at % Math.max(keys.length, 1)];
    if (op === 'add' || existing === undefined) Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    else if (op === 'remove') delete (target as Record<string, unknown>)[existing];
    else (target as Record<string, unknown>)[existing] = value;
  }
  const text = JSON.stringify(body).split(JSON.stringify(DEEP)).join(deeplyNested(20_000));
  // A page count past a thousand pages is metastudio-page-count.test.ts's.
  return pageCount(text) > 100_000 ? JSON.stringify(example) : text;
}

// The lookups the policies count with (ECS flavors), for every API that has one: served by the emulator, retried
// once after a passing fault, and a hostile body a typed error or figures, never anything else.
const lookupCases = QUOTA_APIS.flatMap((api: QuotaApi) => Object.keys(api.lookups ?? {}).map((lookup) => [`${api.name} ${lookup}`, api, lookup] as [string, QuotaApi, string]));

describe.each(lookupCases)('lookup %s', (_title, api, lookup) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.stop());
  const route = `${api.name}-${lookup}` as RouteName;

  async function lookUp(env: NodeJS.ProcessEnv) {
    clearSharedState();
    const client = createQuotaClient({ env, ...FAST });
    try {
      return await readLookup({ http: client.http, cacheTtlMs: 0 }, api, lookup, { region: REGION });
    } finally {
      await client.close();
    }
  }

  it('is served, one request, figures by every name', async () => {
    const before = emulator.requests[route] ?? 0;
    const figures = await lookUp(emulator.env);
    expect(figures.size).toBeGreaterThan(0);
    for (const [name, values] of figures) {
      expect(typeof name).toBe('string');
      for (const value of Object.values(values)) expect(Number.isFinite(value)).toBe(true);
    }
    expect((emulator.requests[route] ?? 0) - before).toBe(1);
  });

  it('a 503 once is retried; a malformed body is response-invalid', async () => {
    emulator.setFaults([{ route, kind: '503', count: 1 }]);
    expect((await lookUp(emulator.env)).size).toBeGreaterThan(0);
    emulator.setFaults([{ route, kind: 'malformed' }]);
    await expect(lookUp(emulator.env)).rejects.toMatchObject({ kind: 'response-invalid' });
    emulator.setFaults([]);
  });

  it('hostile bodies: figures or a typed error, and prototypes untouched', { timeout: 60_000 }, async () => {
    let answer = '{}';
    const server = await startTestServer((_request, response: ServerResponse) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(answer);
    });
    const prototypes = prototypeSnapshot();
    try {
      const body = api.lookups![lookup]!.emulatorAnswer();
      await fc.assert(
        fc.asyncProperty(mutatedBody(body), async (text) => {
          answer = text;
          const env = { HUAWEICLOUD_SDK_AK: ACCESS_KEY, HUAWEICLOUD_SDK_SK: SECRET_KEY, HW_REGION_NAME: REGION, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };
          clearSharedState();
          const client = createQuotaClient({ env, endpoints: { [api.service.host]: server.url }, ...FAST });
          try {
            const outcome = await readLookup({ http: client.http, cacheTtlMs: 0 }, api, lookup, { region: REGION }).then((value) => ({ value }), (error: unknown) => ({ error }));
            if ('error' in outcome) expect(outcome.error).toMatchObject({ kind: 'response-invalid' });
            else for (const values of outcome.value.values()) for (const value of Object.values(values)) expect(Number.isFinite(value)).toBe(true);
          } finally {
            await client.close();
          }
          expectPrototypesUntouched(prototypes, `${api.name} ${lookup}`);
        }),
        { numRuns: 40, endOnFailure: true },
      );
    } finally {
      await server.close();
    }
  });
});
