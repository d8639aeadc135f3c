import { describe, expect, it } from 'vitest';
import { defaultState, type EmulatorStateInput, type RunningEmulator } from '../../provider/emulator';
import { signRequest } from '../../provider/signing/sign-request';
import { credentialsOf, projectsOf, rawGet, signedHeaders, useEmulator } from './harness';

const { start, clientOf } = useEmulator();

const OTHER_DOMAIN = 'aaaabbbbccccddddeeeeffff00001111';
const OTHER_PROJECT = 'aaaabbbbccccddddeeeeffff00002222';

/** The default state plus a second account with a cn-north-4 project, whose key is `OTHERACCOUNTKEY00001`. */
function twoAccounts(): EmulatorStateInput {
  const state: EmulatorStateInput = defaultState();
  state.accounts.push({
    id: OTHER_DOMAIN,
    name: 'Other',
    enabled: true,
    users: [{ id: 'aaaabbbbccccddddeeeeffff00003333', name: 'Other', root: true, grants: [] }],
    accessKeys: [{ accessKey: 'OTHERACCOUNTKEY00001', secretKey: 'other-account-secret-key', userId: 'aaaabbbbccccddddeeeeffff00003333' }],
    tokens: [],
    projects: [{ id: OTHER_PROJECT, name: 'cn-north-4', region: 'cn-north-4', enabled: true }],
    iamQuotas: [],
    metaStudioUsers: [],
  });
  return state;
}

function signedKms(emulator: RunningEmulator, pathProject: string, headers: Record<string, string>, credentials = credentialsOf(emulator).root) {
  const url = `${emulator.url}/kms/cn-north-4/v1.0/${pathProject}/kms/user-quotas`;
  return rawGet(url, signedHeaders(url, credentials, headers));
}

describe('project-level services (KMS, SFS Turbo, MetaStudio)', () => {
  it('need X-Project-Id equal to the path’s project, with an access key', async () => {
    const emulator = await start();
    const { main, dev } = projectsOf(emulator);
    expect((await signedKms(emulator, main.id, { 'X-Project-Id': main.id })).status).toBe(200);
    const missing = await signedKms(emulator, main.id, {});
    expect(missing.status).toBe(403);
    expect(missing.json).toEqual({ error: { error_code: 'KMS.0307', error_msg: expect.stringContaining('need X-Project-Id') } });
    const other = await signedKms(emulator, main.id, { 'X-Project-Id': dev.id });
    expect(other).toMatchObject({ status: 403, json: { error: { error_code: 'KMS.0307' } } });
    const domainInstead = await signedKms(emulator, main.id, { 'X-Domain-Id': emulator.env.HUAWEICLOUD_SDK_DOMAIN_ID! });
    expect(domainInstead.status).toBe(403);
  });

  it('do not know another account’s project, nor a project in another region', async () => {
    const emulator = await start({ state: twoAccounts() });
    const { eu } = projectsOf(emulator);
    const otherAccount = await signedKms(emulator, OTHER_PROJECT, { 'X-Project-Id': OTHER_PROJECT });
    expect(otherAccount).toMatchObject({ status: 404, json: { error: { error_code: 'KMS.0201' } } });
    const otherRegion = await signedKms(emulator, eu.id, { 'X-Project-Id': eu.id });
    expect(otherRegion).toMatchObject({ status: 404, json: { error: { error_code: 'KMS.0201' } } });
    const client = clientOf(emulator, { accessKey: 'OTHERACCOUNTKEY00001', secretKey: 'other-account-secret-key' });
    const ownProject = await client.get({ service: 'sfs-turbo', path: `/v1/${OTHER_PROJECT}/sfs-turbo/quotas`, scope: { projectId: OTHER_PROJECT } });
    expect(ownProject.body).toEqual({ quotas: { resources: [] } });
  });

  it('accept a token scoped to the project, and refuse one scoped elsewhere or to the account', async () => {
    const emulator = await start();
    const { projectToken, accountToken } = credentialsOf(emulator);
    const { main, dev } = projectsOf(emulator);
    const kms = (projectId: string) => ({ service: 'kms', path: `/v1.0/${projectId}/kms/user-quotas` }) as const;
    const scopedClient = clientOf(emulator, { authToken: projectToken.token });
    expect((await scopedClient.get(kms(main.id))).status).toBe(200);
    await expect(scopedClient.get(kms(dev.id))).rejects.toMatchObject({ status: 403, code: 'KMS.0307' });
    await expect(clientOf(emulator, { authToken: accountToken.token }).get(kms(main.id))).rejects.toMatchObject({ status: 403, code: 'KMS.0307' });
  });

  it('MetaStudio user quotas answer only to the account’s root credentials', async () => {
    const emulator = await start();
    const { iamUser, projectToken } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const call = { service: 'metastudio', path: `/v1/${main.id}/user/quotas`, scope: { projectId: main.id } } as const;
    expect((await clientOf(emulator).get(call)).status).toBe(200);
    const userKey = clientOf(emulator, { accessKey: iamUser.accessKey, secretKey: iamUser.secretKey });
    await expect(userKey.get(call)).rejects.toMatchObject({ status: 403, code: 'MSS.00000005' });
    await expect(clientOf(emulator, { authToken: projectToken.token }).get(call)).rejects.toMatchObject({ status: 403, code: 'MSS.00000005' });
    const rootUser = emulator.state.accounts[0]!.users.find((user) => user.root)!;
    emulator.state.accounts[0]!.tokens.push({ token: 'MIIErootProjectToken', userId: rootUser.id, scope: { projectId: main.id } });
    expect((await clientOf(emulator, { authToken: 'MIIErootProjectToken' }).get(call)).status).toBe(200);
  });

  it('SFS Turbo requires Content-Type, as its reference says', async () => {
    const emulator = await start();
    const { root } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const url = `${emulator.url}/sfs-turbo/cn-north-4/v1/${main.id}/sfs-turbo/quotas`;
    const missing = await rawGet(url, signRequest({ method: 'GET', url, headers: { 'X-Project-Id': main.id } }, root));
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ errCode: 'SFS.TURBO.0001', errMsg: expect.stringContaining('Content-Type') });
    const plain = await rawGet(url, signedHeaders(url, root, { 'X-Project-Id': main.id, 'Content-Type': 'text/plain' }));
    expect(plain).toMatchObject({ status: 400, json: { errCode: 'SFS.TURBO.0001' } });
    expect((await rawGet(url, signedHeaders(url, root, { 'X-Project-Id': main.id }))).status).toBe(200);
  });
});

describe('IAM', () => {
  it('accepts X-Domain-Id or X-Project-Id of the key’s account, and refuses another account’s', async () => {
    const emulator = await start({ state: twoAccounts() });
    const { main } = projectsOf(emulator);
    const domainId = emulator.env.HUAWEICLOUD_SDK_DOMAIN_ID!;
    const client = clientOf(emulator);
    const projectQuotas = (scope: { projectId: string } | { domainId: string }) => client.get({ service: 'iam', path: `/v3.0/OS-QUOTA/projects/${main.id}`, scope });
    expect((await projectQuotas({ projectId: main.id })).status).toBe(200);
    expect((await projectQuotas({ domainId })).status).toBe(200);
    await expect(projectQuotas({ domainId: OTHER_DOMAIN })).rejects.toMatchObject({ status: 403, code: 'IAM.0002' });
    await expect(projectQuotas({ projectId: OTHER_PROJECT })).rejects.toMatchObject({ status: 403, code: 'IAM.0002' });
    await expect(projectQuotas({ domainId: '0123456789abcdef0123456789abcdef' })).rejects.toMatchObject({ status: 404, code: 'IAM.0004' });
    const otherProject = client.get({ service: 'iam', path: `/v3.0/OS-QUOTA/projects/${OTHER_PROJECT}` });
    await expect(otherProject).rejects.toMatchObject({ status: 403, code: 'IAM.0002' });
  });

  it('account quotas need no special permission, but only for the caller’s own account', async () => {
    const emulator = await start({ state: twoAccounts() });
    const { iamUser, projectToken } = credentialsOf(emulator);
    const domainId = emulator.env.HUAWEICLOUD_SDK_DOMAIN_ID!;
    const accountQuotas = (id: string) => ({ service: 'iam', path: `/v3.0/OS-QUOTA/domains/${id}` }) as const;
    expect((await clientOf(emulator, { accessKey: iamUser.accessKey, secretKey: iamUser.secretKey }).get(accountQuotas(domainId))).status).toBe(200);
    expect((await clientOf(emulator, { authToken: projectToken.token }).get(accountQuotas(domainId))).status).toBe(200);
    await expect(clientOf(emulator).get(accountQuotas(OTHER_DOMAIN))).rejects.toMatchObject({ status: 403, code: 'IAM.0002' });
    const unknown = await clientOf(emulator).get(accountQuotas('0123456789abcdef0123456789abcdef')).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 404, code: 'IAM.0004', serviceMessage: 'Could not find domain: 0123456789abcdef0123456789abcdef.' });
  });

  it('project quotas refuse a token scoped to another project, or to the account (IAM.0002)', async () => {
    const emulator = await start();
    const { projectToken, accountToken } = credentialsOf(emulator);
    const { main, dev } = projectsOf(emulator);
    const projectQuotas = (id: string) => ({ service: 'iam', path: `/v3.0/OS-QUOTA/projects/${id}` }) as const;
    const scoped = clientOf(emulator, { authToken: projectToken.token });
    expect((await scoped.get(projectQuotas(main.id))).status).toBe(200);
    const refused = await scoped.get(projectQuotas(dev.id)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 403, code: 'IAM.0002', serviceMessage: 'You are not authorized to perform the requested action.' });
    await expect(clientOf(emulator, { authToken: accountToken.token }).get(projectQuotas(main.id))).rejects.toMatchObject({ status: 403, code: 'IAM.0002' });
  });
});
