import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../provider/credentials/resolve-credentials';
import { sendJson, startTestServer, type TestServer } from '../support/test-server';

const NO_PROFILE = { HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent/credentials' };

function profileFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hwquota-profile-')), 'credentials');
  writeFileSync(path, text);
  return path;
}

async function resolved(options: Parameters<typeof resolveCredentials>[0], env: NodeJS.ProcessEnv) {
  const source = await resolveCredentials({ metadataUrl: false, ...options }, env);
  return { origin: source.origin, auth: await source.current(), domainId: source.domainId, projectId: source.projectId };
}

describe('the credential chain', () => {
  const everything = {
    ...NO_PROFILE,
    HUAWEICLOUD_SDK_AK: 'SDKAK', HUAWEICLOUD_SDK_SK: 'sdk-sk', HUAWEICLOUD_SDK_SECURITY_TOKEN: 'sdk-token',
    HW_ACCESS_KEY: 'HWAK', HW_SECRET_KEY: 'hw-sk', HW_SECURITY_TOKEN: 'hw-token',
    HW_AUTH_TOKEN: 'iam-token',
  };

  it('takes explicit options first, access keys before a token', async () => {
    expect((await resolved({ accessKey: 'OPTAK', secretKey: 'opt-sk', authToken: 't' }, everything)).auth)
      .toEqual({ kind: 'access-key', accessKey: 'OPTAK', secretKey: 'opt-sk' });
    expect((await resolved({ authToken: 'explicit-token' }, everything)).auth).toEqual({ kind: 'token', token: 'explicit-token' });
  });

  it('then HUAWEICLOUD_SDK_*, then HW_*, each with its own security token', async () => {
    expect((await resolved({}, everything)).auth).toEqual({ kind: 'access-key', accessKey: 'SDKAK', secretKey: 'sdk-sk', securityToken: 'sdk-token' });
    const { HUAWEICLOUD_SDK_AK: _a, HUAWEICLOUD_SDK_SK: _b, ...withoutSdk } = everything;
    expect((await resolved({}, withoutSdk)).auth).toEqual({ kind: 'access-key', accessKey: 'HWAK', secretKey: 'hw-sk', securityToken: 'hw-token' });
  });

  it('then the profile file, [basic] before [global], with its IDs', async () => {
    const path = profileFile('# comment\n[global]\nak = GLOBALAK\nsk = global-sk\ndomain_id = d123\n\n[basic]\nak=BASICAK\nsk=basic-sk\nproject_id=p123\nsecurity_token = st\n');
    const result = await resolved({}, { HUAWEICLOUD_SDK_CREDENTIALS_FILE: path, HW_AUTH_TOKEN: 'later' });
    expect(result).toEqual({
      origin: `the profile file ${path} [basic]`,
      auth: { kind: 'access-key', accessKey: 'BASICAK', secretKey: 'basic-sk', securityToken: 'st' },
      domainId: 'd123',
      projectId: 'p123',
    });
    const globalOnly = profileFile('[global]\nak=GLOBALAK\nsk=global-sk\n');
    expect((await resolved({}, { HUAWEICLOUD_SDK_CREDENTIALS_FILE: globalOnly })).auth).toMatchObject({ accessKey: 'GLOBALAK' });
  });

  it('then HW_AUTH_TOKEN', async () => {
    expect((await resolved({}, { ...NO_PROFILE, HW_AUTH_TOKEN: 'iam-token' })).auth).toEqual({ kind: 'token', token: 'iam-token' });
  });

  it('refuses half a key pair, naming both halves', async () => {
    await expect(resolved({ accessKey: 'AK' }, NO_PROFILE)).rejects.toMatchObject({ kind: 'missing-credentials', message: 'accessKey is set but secretKey is not: set both, or neither.' });
    await expect(resolved({}, { ...NO_PROFILE, HW_SECRET_KEY: 'x' })).rejects.toThrow('HW_SECRET_KEY is set but HW_ACCESS_KEY is not');
  });

  it('lists every place looked at when nothing has credentials', async () => {
    const path = profileFile('[other]\nak=x\nsk=y\n');
    const error = await resolved({}, { HUAWEICLOUD_SDK_CREDENTIALS_FILE: path }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'missing-credentials' });
    const message = (error as Error).message;
    for (const place of [
      'the accessKey and secretKey options', 'the authToken option', 'HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
      'HW_ACCESS_KEY and HW_SECRET_KEY', `the profile file ${path} (no [basic] or [global] section with ak and sk)`,
      'HW_AUTH_TOKEN', 'the ECS metadata service (turned off)',
    ]) expect(message).toContain(place);
  });
});

describe('temporary keys from the ECS metadata service', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  function metadataServer(expiries: number[]) {
    return startTestServer((request, response, index) => {
      if (request.url !== '/openstack/latest/securitykey') return sendJson(response, 404, {});
      sendJson(response, 200, {
        credential: { access: `TEMPAK${index}`, secret: `temp-secret-${index}`, securitytoken: `temp-token-${index}`, expires_at: new Date(expiries[index] ?? Date.now() + 3_600_000).toISOString() },
      });
    });
  }

  it('are used last, and renewed before they expire', async () => {
    server = await metadataServer([Date.now() + 60_000, Date.now() + 3_600_000]);
    const source = await resolveCredentials({ metadataUrl: server.url }, NO_PROFILE);
    expect(source.origin).toBe(`the ECS metadata service at ${server.url}`);
    // The first key expires within the refresh margin, so the next use fetches a new one, once for concurrent callers.
    const [a, b] = await Promise.all([source.current(), source.current()]);
    expect(a).toEqual({ kind: 'access-key', accessKey: 'TEMPAK1', secretKey: 'temp-secret-1', securityToken: 'temp-token-1' });
    expect(b).toEqual(a);
    expect(await source.current()).toEqual(a);
    expect(server.requests).toHaveLength(2);
  });

  it('is named with its failure in the missing-credentials error', async () => {
    server = await startTestServer((_q, response) => sendJson(response, 500, {}));
    await expect(resolveCredentials({ metadataUrl: server.url }, NO_PROFILE)).rejects.toThrow(`the ECS metadata service at ${server.url} (HTTP 500)`);
  });

  it('is read from HWQUOTA_METADATA_URL and skipped when it is off', async () => {
    server = await metadataServer([]);
    const source = await resolveCredentials({}, { ...NO_PROFILE, HWQUOTA_METADATA_URL: server.url });
    expect((await source.current()).kind).toBe('access-key');
    await expect(resolveCredentials({}, { ...NO_PROFILE, HWQUOTA_METADATA_URL: 'off' })).rejects.toThrow('the ECS metadata service (turned off)');
  });
});
