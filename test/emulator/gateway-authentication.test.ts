import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../provider/emulator';
import { credentialsOf, projectsOf, rawGet, signedHeaders, useEmulator, type RawResponse } from './harness';

const { start, clientOf } = useEmulator();

const MINUTE = 60_000;

function kmsUrl(emulator: RunningEmulator, projectId: string, region = 'cn-north-4'): string {
  return `${emulator.url}/kms/${region}/v1.0/${projectId}/kms/user-quotas`;
}

function expectRefused(response: RawResponse, detail: RegExp): void {
  expect(response.status).toBe(401);
  expect(response.json).toMatchObject({ error_code: 'APIGW.0301', request_id: response.headers['x-request-id'] });
  const message = (response.json as { error_msg: string }).error_msg;
  expect(message).toMatch(/^Incorrect IAM authentication information: /);
  expect(message).toMatch(detail);
  expect(Date.parse(response.headers.date!)).not.toBeNaN();
}

describe('the gateway checks AK/SK signatures on the request as received', () => {
  it('accepts a well-signed request, and refuses every tampering with it', async () => {
    // More than five refusals in a row: without lockout, so that each shows its own reason.
    const emulator = await start({ lockoutMs: 0 });
    const { root, temporary } = credentialsOf(emulator);
    const { main, dev } = projectsOf(emulator);
    const url = kmsUrl(emulator, main.id);
    const good = signedHeaders(url, root, { 'X-Project-Id': main.id });
    expect((await rawGet(url, good)).status).toBe(200);

    const wrongSecret = signedHeaders(url, { ...root, secretKey: `${root.secretKey}x` }, { 'X-Project-Id': main.id });
    expectRefused(await rawGet(url, wrongSecret), /verify aksk signature fail, canonicalRequest:GET\|\/kms\/cn-north-4\/v1.0\//);

    // Signed for one project's path, sent to another's.
    expectRefused(await rawGet(kmsUrl(emulator, dev.id), good), /verify aksk signature fail/);

    const pagedUrl = `${emulator.url}/metastudio/cn-north-4/v1/${main.id}/user/quotas?limit=10`;
    const paged = signedHeaders(pagedUrl, root, { 'X-Project-Id': main.id });
    expect((await rawGet(pagedUrl, paged)).status).toBe(200);
    expectRefused(await rawGet(pagedUrl.replace('limit=10', 'limit=20'), paged), /verify aksk signature fail/);
    expectRefused(await rawGet(`${pagedUrl}&offset=0`, paged), /verify aksk signature fail/);

    // A signed header changed after signing: the gateway refuses it before KMS could look at the project.
    expectRefused(await rawGet(url, { ...good, 'X-Project-Id': dev.id }), /verify aksk signature fail/);
    expectRefused(await rawGet(url, { ...good, 'Content-Type': 'text/plain' }), /verify aksk signature fail/);

    const stale = signedHeaders(url, root, { 'X-Project-Id': main.id }, new Date(Date.now() - 16 * MINUTE));
    expectRefused(await rawGet(url, stale), /more than 15 minutes from the server time/);
    const early = signedHeaders(url, root, { 'X-Project-Id': main.id }, new Date(Date.now() + 16 * MINUTE));
    expectRefused(await rawGet(url, early), /more than 15 minutes/);
    const slightlySkewed = signedHeaders(url, root, { 'X-Project-Id': main.id }, new Date(Date.now() - 14 * MINUTE));
    expect((await rawGet(url, slightlySkewed)).status).toBe(200);

    const temporaryHeaders = signedHeaders(url, temporary, { 'X-Project-Id': main.id });
    expect((await rawGet(url, temporaryHeaders)).status).toBe(200);
    const { 'X-Security-Token': _token, ...withoutToken } = temporaryHeaders;
    expectRefused(await rawGet(url, withoutToken), /verify aksk signature fail/);
    const unsignedTokenMissing = signedHeaders(url, { accessKey: temporary.accessKey, secretKey: temporary.secretKey }, { 'X-Project-Id': main.id });
    expectRefused(await rawGet(url, unsignedTokenMissing), /needs its security token in X-Security-Token/);
    const otherToken = signedHeaders(url, { ...temporary, securityToken: 'another-security-token' }, { 'X-Project-Id': main.id });
    expectRefused(await rawGet(url, otherToken), /the security token does not belong to this access key/);
    const tokenWithPermanentKey = signedHeaders(url, { ...root, securityToken: temporary.securityToken }, { 'X-Project-Id': main.id });
    expectRefused(await rawGet(url, tokenWithPermanentKey), /X-Security-Token was sent with a permanent access key/);
  });

  it('refuses a request sent to another service’s or another region’s base path', async () => {
    const emulator = await start();
    const { main } = projectsOf(emulator);
    const kmsThroughSfs = clientOf(emulator, { endpoints: { kms: `${emulator.url}/sfs-turbo/cn-north-4` } });
    const call = { service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } } as const;
    await expect(kmsThroughSfs.get(call)).rejects.toMatchObject({ kind: 'service', status: 404, code: 'APIGW.0101' });
    const kmsInAnotherRegion = clientOf(emulator, { endpoints: { kms: `${emulator.url}/kms/eu-west-101` } });
    await expect(kmsInAnotherRegion.get(call)).rejects.toMatchObject({ kind: 'service', status: 404, code: 'KMS.0201' });
    const kmsInAnUnservedRegion = clientOf(emulator, { endpoints: { kms: `${emulator.url}/kms/ap-southeast-1` } });
    await expect(kmsInAnUnservedRegion.get(call)).rejects.toMatchObject({ kind: 'service', status: 404, code: 'APIGW.0101' });
    expect(emulator.requests).toMatchObject({ kms: 1, unmatched: 2 });
  });

  it('refuses unknown keys, broken Authorization headers and requests without credentials', async () => {
    const emulator = await start();
    const { root } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const url = kmsUrl(emulator, main.id);
    expectRefused(await rawGet(url, signedHeaders(url, { accessKey: 'UNKNOWNACCESSKEY0001', secretKey: 'x' }, { 'X-Project-Id': main.id })), /ak:UNKNOWNACCESSKEY0001,err:ak not exist/);
    expectRefused(await rawGet(url, { 'X-Project-Id': main.id }), /neither an Authorization .* nor an X-Auth-Token/);
    expectRefused(await rawGet(url, { Authorization: 'Bearer abc' }), /is not "SDK-HMAC-SHA256 Access=/);
    const good = signedHeaders(url, root, { 'X-Project-Id': main.id });
    expectRefused(await rawGet(url, { ...good, Authorization: good.Authorization!.replace('host;', '') }), /SignedHeaders must include host and x-sdk-date/);
    expectRefused(await rawGet(url, { ...good, 'X-Sdk-Date': '2026-01-01T00:00:00Z' }), /is not in the form YYYYMMDDTHHMMSSZ/);
  });

  it('locks a key after more than five failures in a row, for the lockout time, and only that key', async () => {
    const emulator = await start({ lockoutMs: 400 });
    const { root, iamUser } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const url = kmsUrl(emulator, main.id);
    const bad = () => rawGet(url, signedHeaders(url, { ...root, secretKey: 'wrong' }, { 'X-Project-Id': main.id }));
    const good = () => rawGet(url, signedHeaders(url, root, { 'X-Project-Id': main.id }));

    // Five failures, then a success: the count starts again.
    for (let i = 0; i < 5; i++) expectRefused(await bad(), /verify aksk signature fail/);
    expect((await good()).status).toBe(200);
    for (let i = 0; i < 5; i++) expectRefused(await bad(), /verify aksk signature fail/);
    expect((await good()).status).toBe(200);

    for (let i = 0; i < 6; i++) expectRefused(await bad(), /verify aksk signature fail/);
    expectRefused(await good(), /AK access failed to reach the limit,forbidden/);
    expectRefused(await bad(), /AK access failed to reach the limit,forbidden/);
    const otherKey = await rawGet(url, signedHeaders(url, iamUser, { 'X-Project-Id': main.id }));
    expect(otherKey.status).toBe(200);

    await sleep(450);
    expect((await good()).status).toBe(200);
  });

  it('keeps a key locked for five minutes by default', async () => {
    const emulator = await start();
    const { root } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const url = kmsUrl(emulator, main.id);
    for (let i = 0; i < 6; i++) await rawGet(url, signedHeaders(url, { ...root, secretKey: 'wrong' }, { 'X-Project-Id': main.id }));
    // Signed 4 minutes ahead: within the 15 allowed, and proof the lock is not a matter of seconds.
    await sleep(50);
    expectRefused(await rawGet(url, signedHeaders(url, root, { 'X-Project-Id': main.id }, new Date(Date.now() + 4 * MINUTE))), /reach the limit/);
  });

  it('checks X-Sdk-Date and writes Date with its own clock, which --clock-offset moves', async () => {
    const emulator = await start({ clockOffsetMs: 20 * MINUTE });
    const { root } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const url = kmsUrl(emulator, main.id);
    const now = signedHeaders(url, root, { 'X-Project-Id': main.id });
    const refused = await rawGet(url, now);
    expectRefused(refused, /more than 15 minutes/);
    expect(Date.parse(refused.headers.date!) - Date.now()).toBeGreaterThan(19 * MINUTE);
    const inServerTime = signedHeaders(url, root, { 'X-Project-Id': main.id }, new Date(Date.now() + 20 * MINUTE));
    expect((await rawGet(url, inServerTime)).status).toBe(200);

    // Our client reads the skew from the 401's Date header and retries once with its clock corrected.
    const client = clientOf(emulator);
    const response = await client.get({ service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } });
    expect(response.attempts).toBe(2);
  });
});

describe('the gateway accepts temporary keys and tokens', () => {
  it('a temporary key with its security token, until it expires', async () => {
    const emulator = await start();
    const { temporary } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const client = clientOf(emulator, { accessKey: temporary.accessKey, secretKey: temporary.secretKey, securityToken: temporary.securityToken });
    const call = { service: 'kms', path: `/v1.0/${main.id}/kms/user-quotas`, scope: { projectId: main.id } } as const;
    expect((await client.get(call)).status).toBe(200);
    temporary.expiresAt = new Date(Date.now() - 1000).toISOString();
    await expect(client.get(call)).rejects.toMatchObject({ status: 401, code: 'APIGW.0301', serviceMessage: expect.stringContaining('the temporary access key has expired') });
  });

  it('an X-Auth-Token from the state, until it expires; any other token is refused', async () => {
    const emulator = await start();
    const { accountToken } = credentialsOf(emulator);
    const domainId = emulator.env.HUAWEICLOUD_SDK_DOMAIN_ID!;
    const call = { service: 'iam', path: `/v3.0/OS-QUOTA/domains/${domainId}` } as const;
    const client = clientOf(emulator, { authToken: accountToken.token });
    expect((await client.get(call)).status).toBe(200);
    await expect(clientOf(emulator, { authToken: 'MIIEnotAToken' }).get(call)).rejects.toMatchObject({ status: 401, code: 'APIGW.0301', serviceMessage: expect.stringContaining('decrypt token fail') });
    accountToken.expiresAt = new Date(Date.now() - 1000).toISOString();
    await expect(client.get(call)).rejects.toMatchObject({ status: 401, serviceMessage: expect.stringContaining('the token has expired') });
  });
});
