import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHuaweiCloudClient } from '../../provider/client';
import type { HuaweiCloudClientOptions } from '../../provider/client-options';
import { expandPath } from '../../provider/path-parameters';
import { clearSharedState } from '../support/shared-state';
import { sendJson, startTestServer, type TestServer } from '../support/test-server';

const PROJECTS = [
  { id: 'aaaa0000cn4', name: 'cn-north-4', domain_id: 'dom1', enabled: true },
  { id: 'bbbb0000dev', name: 'cn-north-4_dev', domain_id: 'dom1', enabled: true },
  { id: 'cccc0000eu1', name: 'eu-west-101', domain_id: 'dom1', enabled: true },
  { id: 'dup1', name: 'twice-1', domain_id: 'dom1', enabled: true },
  { id: 'dup2', name: 'twice-1', domain_id: 'dom1', enabled: true },
];

let server: TestServer;
beforeEach(async () => {
  clearSharedState();
  server = await startTestServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    if (url.pathname.endsWith('/v3/projects')) {
      return sendJson(response, 200, { projects: PROJECTS.filter((p) => p.name === url.searchParams.get('name')) });
    }
    if (url.pathname.endsWith('/v3/auth/domains')) return sendJson(response, 200, { domains: [{ id: 'dom1', name: 'Account', enabled: true }] });
    sendJson(response, 404, { error_code: 'APIGW.0101', error_msg: 'no such API' });
  });
});
afterEach(() => server.close());

function client(options: HuaweiCloudClientOptions = {}, env: NodeJS.ProcessEnv = {}) {
  return createHuaweiCloudClient({
    accessKey: 'AK', secretKey: 'scope-secret', endpoints: { iam: `${server.url}/iam` }, metadataUrl: false,
    env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent', ...env }, ...options,
  });
}

describe('resolveProjectId', () => {
  it('uses the option, without a request', async () => {
    expect(await client({ region: 'cn-north-4', projectId: 'given1' }).resolveProjectId()).toBe('given1');
    expect(server.requests).toHaveLength(0);
  });

  it('uses the environment project only for the environment region', async () => {
    const env = { HW_REGION_NAME: 'cn-north-4', HUAWEICLOUD_SDK_PROJECT_ID: 'envproject' };
    expect(await client({}, env).resolveProjectId()).toBe('envproject');
    expect(await client({}, { HW_REGION_NAME: 'cn-north-4', HW_PROJECT_ID: 'hwproject' }).resolveProjectId()).toBe('hwproject');
    expect(server.requests).toHaveLength(0);
    expect(await client({}, env).resolveProjectId({ region: 'eu-west-101' })).toBe('cccc0000eu1');
    expect(await client({ region: 'eu-west-101' }, env).resolveProjectId()).toBe('cccc0000eu1');
    // A name given as an option beats the environment's ID.
    expect(await client({ projectName: 'cn-north-4_dev' }, env).resolveProjectId()).toBe('bbbb0000dev');
    expect(server.requests.map((r) => r.url)).toEqual(['/iam/v3/projects?name=eu-west-101', '/iam/v3/projects?name=cn-north-4_dev']);
  });

  it('looks the region up by name, or a sub-project by projectName or HW_PROJECT_NAME', async () => {
    expect(await client({ region: 'cn-north-4' }).resolveProjectId()).toBe('aaaa0000cn4');
    expect(await client({ region: 'cn-north-4', projectName: 'cn-north-4_dev' }).resolveProjectId()).toBe('bbbb0000dev');
    expect(await client({}, { HW_REGION_NAME: 'cn-north-4', HW_PROJECT_NAME: 'cn-north-4_dev' }).resolveProjectId()).toBe('bbbb0000dev');
  });

  it('looks each name up once per credential, across clients and concurrent callers', async () => {
    const a = client({ region: 'cn-north-4' });
    const b = client({ region: 'cn-north-4' });
    const ids = await Promise.all([a.resolveProjectId(), a.resolveProjectId(), b.resolveProjectId()]);
    expect(ids).toEqual(['aaaa0000cn4', 'aaaa0000cn4', 'aaaa0000cn4']);
    expect(server.requests).toHaveLength(1);
    await client({ region: 'cn-north-4', accessKey: 'OTHERAK' }).resolveProjectId();
    expect(server.requests).toHaveLength(2);
  });

  it('says clearly when no project or several projects match', async () => {
    await expect(client({ region: 'cn-east-3' }).resolveProjectId()).rejects.toMatchObject({
      kind: 'invalid-argument', field: 'region', message: expect.stringContaining('no project named "cn-east-3" in this account'),
    });
    await expect(client({ region: 'cn-north-4' }).resolveProjectId({ projectName: 'twice-1' })).rejects.toThrow('2 projects are named "twice-1"; pass projectId');
  });

  it('refuses bad IDs, names and regions before any request', async () => {
    await expect(client().resolveProjectId({ projectId: '../etc' })).rejects.toMatchObject({ kind: 'invalid-argument', field: 'projectId' });
    await expect(client({ region: 'cn-north-4' }).resolveProjectId({ projectName: 'a/b?c' })).rejects.toMatchObject({ kind: 'invalid-argument', field: 'projectName' });
    expect(() => client({ region: 'cn-north-4/../x' })).toThrow(/^region: must be a Huawei Cloud region ID/);
    expect(() => client({ projectId: 'a%2Fb' })).toThrow(/^projectId: must be 1 to 64 characters/);
    await expect(client().resolveProjectId()).rejects.toThrow('region: needed to find the project ID');
    expect(server.requests).toHaveLength(0);
  });
});

describe('resolveDomainId', () => {
  it('uses the option or the environment, else looks it up once', async () => {
    expect(await client({ domainId: 'optdomain' }).resolveDomainId()).toBe('optdomain');
    expect(await client({}, { HUAWEICLOUD_SDK_DOMAIN_ID: 'sdkdomain', HW_DOMAIN_ID: 'hw' }).resolveDomainId()).toBe('sdkdomain');
    expect(await client({}, { HW_DOMAIN_ID: 'hwdomain' }).resolveDomainId()).toBe('hwdomain');
    expect(server.requests).toHaveLength(0);
    const c = client();
    expect(await Promise.all([c.resolveDomainId(), client().resolveDomainId()])).toEqual(['dom1', 'dom1']);
    expect(server.requests.map((r) => r.url)).toEqual(['/iam/v3/auth/domains']);
  });
});

describe('path parameters', () => {
  it.each(['../x', '%2F', 'a/b', 'a?b', 'a#b', '', 'x'.repeat(65), 'ü'])('refuses %j', (bad) => {
    expect(() => expandPath('/v1.0/{project_id}/kms/user-quotas', { project_id: bad })).toThrow(/^project_id: must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'/);
  });
});
