import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createQuotaClient, type QuotaClientOptions } from '../../../provider/client';
import { startEmulator, type RunningEmulator } from '../../../provider/emulator';
import { clearSharedState } from '../../support/shared-state';
import { cliEnvironment, credentialOptions, environmentWithSecrets } from '../support/credential-modes';
import { expectNoSecrets, SECRET_KEY, SECURITY_TOKEN, TEMPORARY_SECRET_KEY } from '../support/recognisable-secrets';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy';
import { reliabilityState } from '../support/reliability-state';
import { FAST_TIMINGS } from '../support/retry-timings';
import { runCli } from '../support/run-cli';

// HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lower-case forms), with a small recording proxy on 127.0.0.1. Through a
// proxy, an https read is a CONNECT tunnel: the proxy sees the host and port, and TLS records, never a credential.

let https: RunningEmulator;
let http: RunningEmulator;
let proxy: RecordingProxy;
beforeAll(async () => {
  [https, http, proxy] = await Promise.all([
    startEmulator({ https: true, state: reliabilityState() }),
    startEmulator({ state: reliabilityState() }),
    startRecordingProxy({ tunnel: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([https.stop(), http.stop(), proxy.close()]);
});
afterEach(() => {
  proxy.seen.length = 0;
  clearSharedState();
});

async function readKms(emulator: RunningEmulator, env: Record<string, string>) {
  const options: QuotaClientOptions = { ...credentialOptions('temporary keys'), ...FAST_TIMINGS, cacheTtlMs: 0, env: { ...environmentWithSecrets(emulator), ...env } };
  const client = createQuotaClient(options);
  try {
    return await client.kmsQuotas();
  } finally {
    await client.close();
  }
}

const hostOf = (emulator: RunningEmulator) => new URL(emulator.url).host;

describe('an https endpoint', () => {
  it('goes through HTTPS_PROXY as a CONNECT tunnel; the proxy sees no credential', async () => {
    const before = proxy.received().length;
    expect(await readKms(https, { HTTPS_PROXY: proxy.url })).toMatchObject({ region: 'cn-north-4' });
    expect(proxy.seen).toEqual([`CONNECT ${hostOf(https)}`]);
    const throughProxy = proxy.received().slice(before);
    expect(throughProxy).not.toContain('X-Security-Token');
    expectNoSecrets(throughProxy, 'what the proxy saw');
  });

  it('skips the proxy for a NO_PROXY host, upper or lower case', async () => {
    const settings: Record<string, string>[] = [{ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, { https_proxy: proxy.url, no_proxy: '127.0.0.1' }];
    for (const env of settings) {
      expect(await readKms(https, env)).toMatchObject({ region: 'cn-north-4' });
    }
    expect(proxy.seen).toEqual([]);
  });

  it('goes through https_proxy (lower case) and works for the CLI', async () => {
    const run = await runCli(['get', 'kms', '--output', 'json'], { ...cliEnvironment(https, 'token'), https_proxy: proxy.url });
    expect(run.code).toBe(0);
    expect(proxy.seen).toEqual([`CONNECT ${hostOf(https)}`]);
    expectNoSecrets(run.stdout + run.stderr, 'the CLI output');
  });
});

describe('an http endpoint (the emulator without --https)', () => {
  it('goes through HTTP_PROXY, tunnelled but in the clear: the proxy sees headers, but never a secret key', async () => {
    const before = proxy.received().length;
    expect(await readKms(http, { HTTP_PROXY: proxy.url })).toMatchObject({ region: 'cn-north-4' });
    expect(proxy.seen).toEqual([`CONNECT ${hostOf(http)}`]);
    const throughProxy = proxy.received().slice(before);
    // The secret keys only sign; they never travel. Plain HTTP shows the rest (use https for anything real).
    for (const secretKey of [SECRET_KEY, TEMPORARY_SECRET_KEY]) expect(throughProxy).not.toContain(secretKey);
    expect(throughProxy).toContain(SECURITY_TOKEN);
  });
});
