import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as root from '../../provider';
import { loadQuotaApi, QUOTA_SERVICES } from '../../provider/apis/quota-apis';
import { QUOTA_APIS } from '../../provider/apis/registry';
import { GET_USAGE } from '../../provider/cli/get-command';
import { createQuotaClient, QUOTA_TYPES } from '../../provider/client';
import { defaultState, ROUTE_NAMES } from '../../provider/emulator';
import { emptyRequestCounts, matchRoute } from '../../provider/emulator/router';
import { SERVICE_ENV_NAMES, SERVICE_NAMES } from '../../provider/endpoints/service-names';
import { checkQuotaRules, DEFAULT_QUOTA_RULES, RULE_SERVICES } from '../../provider/policy/quota-rules';
import { loadFixtures } from './fixtures';

// Walks the registry: every place derived from it has every API, so that adding a definition can miss none of them.

const repository = join(__dirname, '..', '..');
const readme = readFileSync(join(repository, 'README.md'), 'utf8');
const capitalised = (method: string) => `${method[0]!.toUpperCase()}${method.slice(1)}`;

describe.each(QUOTA_APIS.map((api) => [api.name, api] as const))('%s reaches every derived place', (name, api) => {
  it('the client, the data sources and their docs, hwquota get, the README', () => {
    const client = createQuotaClient({ env: {} });
    expect(typeof (client as unknown as Record<string, unknown>)[api.method]).toBe('function');
    void client.close();
    const getter = `get${capitalised(api.method)}`;
    expect(typeof (root as Record<string, unknown>)[getter]).toBe('function');
    expect(typeof (root as Record<string, unknown>)[`${getter}Output`]).toBe('function');
    expect(readFileSync(join(repository, 'provider', 'pulumi', 'functions', `${getter.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`), 'utf8')).toContain(`Reads ${api.summary}`);
    expect(GET_USAGE).toContain(`  ${name} `);
    expect(readme).toContain(`| \`${getter}\` / \`${getter}Output\` |`);
    expect(readme).toContain(`| \`${name}\` | \`${getter}\` |`);
  });

  it('the catalog /client knows it by before its first read, which loads this definition', async () => {
    expect(await loadQuotaApi(name)).toBe(api);
  });

  it('requirements, policies, endpoints and the emulator', () => {
    expect(QUOTA_SERVICES).toContain(name);
    expect(QUOTA_TYPES[name]).toEqual(Object.keys(api.quotaTypes));
    expect(SERVICE_NAMES).toContain(api.service.host);
    expect(SERVICE_ENV_NAMES[api.service.host]).toBe(api.service.envName);
    expect(RULE_SERVICES.includes(name as never)).toBe(!api.perUser);
    for (const [token, uses] of Object.entries(api.countedBy ?? {})) {
      for (const use of uses) expect(DEFAULT_QUOTA_RULES[token], token).toContainEqual(expect.objectContaining({ service: name, type: use.type }));
    }
    expect(ROUTE_NAMES).toContain(name);
    expect(emptyRequestCounts()).toHaveProperty([name], 0);
    // The emulator routes a request of the API's path to it.
    const path = api.path.replace(/\{\w+\}/g, '0dea2644dc80d5d22ff1c01e3ebea6fc');
    const base = api.scope === 'account' ? `/${api.service.host}` : `/${api.service.host}/cn-north-4`;
    expect(matchRoute('GET', `${base}${path}`, new Set(['cn-north-4']))).toMatchObject({ route: name, quotaApi: api });
    const [account] = defaultState().accounts;
    const owner = api.emulator().level === 'account' ? account! : account!.projects[0]!;
    expect((owner as unknown as Record<string, unknown[]>)[api.emulator().stateKey]?.length, `the built-in state's ${api.emulator().stateKey}`).toBeGreaterThan(0);
  });

  it('a path whose parameters the scope fills, and quota types with descriptions', () => {
    const filled = new Set([api.scope === 'account' ? 'domain_id' : 'project_id', ...Object.keys(api.pathParameters?.({ projectId: 'p', domainId: 'd' }) ?? {})]);
    for (const [, parameter] of api.path.matchAll(/\{(\w+)\}/g)) expect(filled, api.path).toContain(parameter);
    for (const [type, info] of Object.entries(api.quotaTypes)) expect(info.description, type).not.toBe('');
  });

  it('a fixture from its reference page', async () => {
    expect((await loadFixtures()).get(name), `test/apis/fixtures/${name}.ts`).toBeDefined();
  });
});

it("the policies' default rules count what the fixtures say each resource type uses, and nothing else", async () => {
  const expected: Record<string, object[]> = {};
  for (const fixture of (await loadFixtures()).values()) {
    for (const [token, uses] of Object.entries(fixture.counts)) {
      const amount = (use: (typeof uses)[number]) => (use.amountFrom || use.amountFromLookup ? {} : { amount: use.amount ?? 1 });
      expected[token] = [...(expected[token] ?? []), ...uses.map((use) => ({ service: fixture.name, ...use, ...amount(use) }))];
    }
  }
  expect(checkQuotaRules(DEFAULT_QUOTA_RULES)).toEqual(DEFAULT_QUOTA_RULES);
  expect(DEFAULT_QUOTA_RULES).toEqual(expected);
});

it('files generated from the registry are current (npm run generate)', { timeout: 60_000 }, async () => {
  const run = await promisify(execFile)(process.execPath, [join(repository, 'scripts', 'generate-from-registry.js'), '--check'], { cwd: repository }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
