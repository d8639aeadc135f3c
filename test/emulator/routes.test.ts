import { describe, expect, it } from 'vitest';
import { HuaweiCloudError } from '../../provider/client';
import { credentialsOf, projectsOf, rawGet, signedHeaders, useEmulator } from './harness';
import { emptyRequestCounts } from '../../provider/emulator/router';

const { start, clientOf } = useEmulator();

describe('the emulator serves the quota APIs as their references describe them', () => {
  it('IAM account quotas: all ten types (mapping with used null), or one type', async () => {
    const emulator = await start();
    const client = clientOf(emulator);
    const domainId = emulator.env.HUAWEICLOUD_SDK_DOMAIN_ID!;
    const all = await client.get({ service: 'iam', path: `/v3.0/OS-QUOTA/domains/${domainId}`, scope: { domainId } });
    const resources = (all.body as { quotas: { resources: { type: string; used: number | null }[] } }).quotas.resources;
    expect(resources.map((r) => r.type)).toEqual([
      'user', 'group', 'idp', 'agency', 'policy', 'assigment_group_mp', 'assigment_agency_mp', 'assigment_group_ep', 'assigment_user_ep', 'mapping',
    ]);
    expect(resources.find((r) => r.type === 'mapping')).toEqual({ type: 'mapping', quota: 10, used: null, min: 10, max: 100 });
    const one = await client.get({ service: 'iam', path: `/v3.0/OS-QUOTA/domains/${domainId}`, query: { type: 'user' }, scope: { domainId } });
    expect(one.body).toEqual({ quotas: { resources: [{ type: 'user', quota: 50, used: 10, min: 50, max: 1000 }] } });
    const badType = await client.get({ service: 'iam', path: `/v3.0/OS-QUOTA/domains/${domainId}`, query: { type: 'users' }, scope: { domainId } }).catch((e: unknown) => e);
    expect(badType).toMatchObject({ kind: 'service', status: 400, code: 'IAM.0007' });
  });

  it('IAM project quotas, on the global and the regional IAM endpoint', async () => {
    const emulator = await start();
    const { main, eu } = projectsOf(emulator);
    const client = clientOf(emulator);
    const expected = { quotas: { resources: [{ type: 'project', quota: 10, used: 4, min: 0, max: 50 }] } };
    expect((await client.get({ service: 'iam', path: `/v3.0/OS-QUOTA/projects/${main.id}`, scope: { projectId: main.id } })).body).toEqual(expected);
    // HUAWEICLOUD_SDK_IAM_ENDPOINT serves only ID look-ups: the global endpoint of quota reads is the option's.
    const global = clientOf(emulator, { env: { ...emulator.env, HW_REGION_NAME: undefined }, endpoints: { iam: `${emulator.url}/iam` } });
    expect((await global.get({ service: 'iam', path: `/v3.0/OS-QUOTA/projects/${eu.id}`, scope: { projectId: eu.id } })).body).toMatchObject({
      quotas: { resources: [{ type: 'project', used: 1 }] },
    });
  });

  it('KMS and SFS Turbo quotas with the numbers of the references', async () => {
    const emulator = await start();
    const { main } = projectsOf(emulator);
    const client = clientOf(emulator);
    const scope = { projectId: main.id };
    expect((await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope })).body).toEqual({
      quotas: { resources: [{ type: 'CMK', quota: 20, used: 20 }, { type: 'grant_per_CMK', quota: 100, used: 0 }] },
    });
    expect((await client.get({ service: 'sfs-turbo', path: `/v1/${main.id}/sfs-turbo/quotas`, scope })).body).toEqual({
      quotas: { resources: [{ type: 'shares', quota: 400, used: 5 }, { type: 'capacity', quota: 20, used: 0, unit: 'GB' }] },
    });
  });

  it('MetaStudio user quotas page with limit (default 10, 1..100), offset and user_id, and count the matches', async () => {
    const emulator = await start();
    const { main } = projectsOf(emulator);
    const client = clientOf(emulator);
    const read = async (query: Record<string, string | number>) =>
      (await client.get({ service: 'metastudio', path: `/v1/${main.id}/user/quotas`, query, scope: { projectId: main.id } })).body as {
        count: number;
        assets: { user_id: string; quota: Record<string, number>; usage: Record<string, number> }[];
      };
    const users = emulator.state.accounts[0]!.metaStudioUsers;
    const firstPage = await read({});
    expect(firstPage.count).toBe(250);
    expect(firstPage.assets.map((a) => a.user_id)).toEqual(users.slice(0, 10).map((u) => u.user_id));
    expect(firstPage.assets[0]).toEqual(users[0]);
    const lastPage = await read({ limit: 100, offset: 200 });
    expect(lastPage).toEqual({ count: 250, assets: users.slice(200) });
    expect(await read({ limit: 100, offset: 300 })).toEqual({ count: 250, assets: [] });
    expect(await read({ user_id: users[42]!.user_id })).toEqual({ count: 1, assets: [users[42]] });
    expect(await read({ user_id: 'nobody' })).toEqual({ count: 0, assets: [] });

    // A parameter the API does not take is ignored, as the services ignore it.
    expect(await read({ page: 1 })).toEqual(firstPage);
    const badQueries: Record<string, string | number>[] = [{ limit: 0 }, { limit: 101 }, { limit: 'ten' }, { offset: -1 }, { offset: 2_147_483_648 }];
    for (const query of badQueries) {
      const error = await read(query).catch((e: unknown) => e);
      expect(error, JSON.stringify(query)).toMatchObject({ kind: 'service', status: 400, code: 'MSS.00000003' });
    }
  });

  it('IAM GET /v3/projects?name= and GET /v3/auth/domains, as the client looks IDs up', async () => {
    const emulator = await start();
    const { main, dev, eu } = projectsOf(emulator);
    const { HUAWEICLOUD_SDK_DOMAIN_ID: domainId, HUAWEICLOUD_SDK_PROJECT_ID: _projectId, ...env } = emulator.env;
    const client = clientOf(emulator, { env });
    expect(await client.resolveProjectId()).toBe(main.id);
    expect(await client.resolveProjectId({ projectName: 'cn-north-4_dev' })).toBe(dev.id);
    expect(await client.resolveProjectId({ region: 'eu-west-101' })).toBe(eu.id);
    expect(await client.resolveDomainId()).toBe(domainId);
    await expect(client.resolveProjectId({ projectName: 'cn-north-4_prod' })).rejects.toThrow(/no project named "cn-north-4_prod"/);

    const listed = await client.get({ service: 'iam', path: '/v3/projects', query: { name: 'cn-north-4_dev' } });
    expect(listed.body).toMatchObject({
      projects: [{ id: dev.id, name: 'cn-north-4_dev', domain_id: domainId, enabled: true, parent_id: main.id }],
      links: { self: `${emulator.url}/iam/cn-north-4/v3/projects?name=cn-north-4_dev` },
    });
    const all = (await client.get({ service: 'iam', path: '/v3/projects' })).body as { projects: { name: string }[] };
    expect(all.projects.map((p) => p.name)).toEqual(['cn-north-4', 'cn-north-4_dev', 'eu-west-101']);
    expect((await client.get({ service: 'iam', path: '/v3/auth/domains' })).body).toMatchObject({ domains: [{ id: domainId, name: 'Account', enabled: true }] });
  });

  it('answers every request with a fresh X-Request-Id and a Date', async () => {
    const emulator = await start();
    const client = clientOf(emulator);
    const { main } = projectsOf(emulator);
    const before = Date.now();
    const first = await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } });
    const second = await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } });
    expect(first.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.requestId).not.toBe(first.requestId);
    expect(Math.abs(Date.parse(first.headers.date!) - before)).toBeLessThan(5_000);
    const refused = await rawGet(`${emulator.url}/kms/cn-north-4/v1.0/${main.id}/kms/user-quotas`);
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(refused.headers.date).toBeDefined();
  });

  it('answers 404 APIGW.0101 for what is no API: wrong path, method, service, region or base path', async () => {
    const emulator = await start();
    const { main, eu } = projectsOf(emulator);
    const { root } = credentialsOf(emulator);
    const targets = [
      // MetaStudio is not offered in eu-west-101: the gateway knows no such API there.
      `/metastudio/eu-west-101/v1/${eu.id}/user/quotas`,
      `/kms/cn-north-4/v1.0/${main.id}/kms/user-quota`,
      `/kms/cn-north-4/v1.0/${main.id}/kms/user-quotas/`,
      `/kms/ap-southeast-1/v1.0/${main.id}/kms/user-quotas`,
      `/kms/v1.0/${main.id}/kms/user-quotas`,
      `/sfs-turbo/cn-north-4/v1.0/${main.id}/kms/user-quotas`,
      `/ecs/cn-north-4/v1/${main.id}/cloudservers`,
      `/iam/cn-north-4/../v3/auth/domains`,
      `/iam/v3/auth/%2E%2E/domains`,
      '/',
    ];
    for (const target of targets) {
      const url = `${emulator.url}${target}`;
      const response = await rawGet(url, signedHeaders(url, root, { 'X-Project-Id': main.id }));
      expect(response.status, target).toBe(404);
      expect(response.json, target).toMatchObject({ error_code: 'APIGW.0101', request_id: response.headers['x-request-id'] });
    }
    const post = await rawGet(`${emulator.url}/iam/v3/auth/domains`, {}, { method: 'POST' });
    expect(post.json).toMatchObject({ error_code: 'APIGW.0101' });
    expect(emulator.requests.unmatched).toBe(targets.length + 1);
  });

  it('serves the live state, and counts requests per API', async () => {
    const emulator = await start();
    const { main } = projectsOf(emulator);
    const client = clientOf(emulator);
    const read = async () => {
      const { body } = await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } });
      return (body as { quotas: { resources: unknown[] } }).quotas.resources[0];
    };
    expect(await read()).toEqual({ type: 'CMK', quota: 20, used: 20 });
    main.kmsQuotas[0]!.used = 7;
    main.kmsQuotas[0]!.quota = 50;
    expect(await read()).toEqual({ type: 'CMK', quota: 50, used: 7 });
    expect(emulator.requests).toEqual({ ...emptyRequestCounts(), kms: 2 });
  });

  it('answers an unknown project in each service shape', async () => {
    const emulator = await start();
    const client = clientOf(emulator);
    const unknown = '0123456789abcdef0123456789abcdef';
    const scope = { projectId: unknown };
    const attempts = [
      [{ service: 'iam', path: `/v3.0/OS-QUOTA/projects/${unknown}`, scope }, 'IAM.0004', 404],
      [{ service: 'kms', path: `/v1.0/${unknown}/kms/user-quotas`, scope }, 'KMS.0201', 404],
      [{ service: 'sfs-turbo', path: `/v1/${unknown}/sfs-turbo/quotas`, scope }, 'SFS.TURBO.0002', 404],
      // MetaStudio's error-code page has no code for an unknown project: it is a bad parameter.
      [{ service: 'metastudio', path: `/v1/${unknown}/user/quotas`, scope }, 'MSS.00000003', 400],
    ] as const;
    for (const [call, code, status] of attempts) {
      const error = (await client.get(call).catch((e: unknown) => e)) as HuaweiCloudError;
      expect(error, code).toBeInstanceOf(HuaweiCloudError);
      expect(error, code).toMatchObject({ status, code, retryable: false });
      expect(error.requestId, code).toMatch(/^[0-9a-f]{32}$/);
    }
    const { root } = credentialsOf(emulator);
    const shapes = {
      kms: { error: { error_code: 'KMS.0201', error_msg: expect.any(String) } },
      'sfs-turbo': { errCode: 'SFS.TURBO.0002', errMsg: expect.any(String) },
      metastudio: { error_code: 'MSS.00000003', error_msg: expect.any(String) },
    };
    for (const [service, path] of [['kms', `/v1.0/${unknown}/kms/user-quotas`], ['sfs-turbo', `/v1/${unknown}/sfs-turbo/quotas`], ['metastudio', `/v1/${unknown}/user/quotas`]] as const) {
      const url = `${emulator.url}/${service}/cn-north-4${path}`;
      expect((await rawGet(url, signedHeaders(url, root, { 'X-Project-Id': unknown }))).json).toEqual(shapes[service]);
    }
  });
});
