import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError, type QuotaClientOptions } from '../../../provider/client';
import type { RunningEmulator } from '../../../provider/emulator';
import { startEmulator } from '../../../provider/emulator';
import { clearSharedState } from '../../support/shared-state';
import * as quotas from '../../../provider/index';
import { selfSignedCertificate } from '../../support/self-signed-certificate';
import { cliEnvironment, credentialOptions, environmentWithSecrets } from '../support/credential-modes';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { reliabilityState } from '../support/reliability-state';
import { FAST_TIMINGS } from '../support/retry-timings';
import { cliErrorKind, runCli } from '../support/run-cli';
import { settle } from '../support/settle';

// Against the emulator's --https certificate (self-signed, made at start): a read is refused unless the certificate's
// CA file is given (caCertFile or OS_CACERT), or verification is turned off explicitly (insecure or HW_INSECURE), which
// warns. A refused handshake sends no request and is not retried.

let emulator: RunningEmulator;
let caCertFile: string;
let environment: Record<string, string>;
beforeAll(async () => {
  emulator = await startEmulator({ https: true, state: reliabilityState() });
  caCertFile = emulator.caCertFile!;
  const { OS_CACERT: _, ...withoutCa } = environmentWithSecrets(emulator);
  environment = withoutCa;
});
afterAll(async () => {
  await emulator.stop();
  expect(existsSync(caCertFile)).toBe(false);
});
afterEach(() => clearSharedState());

/** Warnings the process emits while `run` runs (`process.emitWarning` reaches listeners on the next tick). */
async function warningsDuring<T>(run: () => Promise<T>): Promise<{ result: T; warnings: Error[] }> {
  const warnings: Error[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  process.on('warning', listener);
  try {
    const result = await run();
    await new Promise((resolve) => setImmediate(resolve));
    return { result, warnings };
  } finally {
    process.off('warning', listener);
  }
}

async function readKms(options: QuotaClientOptions) {
  const client = createQuotaClient({ ...credentialOptions('temporary keys'), ...FAST_TIMINGS, cacheTtlMs: 0, env: environment, ...options });
  try {
    const before = emulator.requests.kms;
    const outcome = await settle(() => client.kmsQuotas());
    return { outcome, requests: emulator.requests.kms - before };
  } finally {
    await client.close();
  }
}

describe('createQuotaClient', () => {
  it('is refused without the CA file, once, before any request, saying how to trust it', async () => {
    const { outcome, requests } = await readKms({});
    expect(outcome.ok ? outcome.value : outcome.error).toMatchObject({ kind: 'network', attempts: 1, retryable: false });
    expect((outcome as { error: Error }).error.message).toContain('to trust another CA, set caCertFile or OS_CACERT');
    expect(requests).toBe(0);
    expectNoSecrets(outcome, 'the TLS error');
  });

  it('is refused with another CA file', async () => {
    const { outcome } = await readKms({ caCertFile: selfSignedCertificate().certFile });
    expect(outcome.ok ? outcome.value : outcome.error).toMatchObject({ kind: 'network', attempts: 1 });
  });

  it('reads with the CA file, given as caCertFile or OS_CACERT', async () => {
    expect((await readKms({ caCertFile })).outcome).toMatchObject({ ok: true, value: { region: 'cn-north-4' } });
    expect((await readKms({ env: { ...environment, OS_CACERT: caCertFile } })).outcome).toMatchObject({ ok: true });
  });

  it('reads with insecure or HW_INSECURE set, and warns each time', async () => {
    for (const options of [{ insecure: true }, { env: { ...environment, HW_INSECURE: '1' } }]) {
      const { result, warnings } = await warningsDuring(() => readKms(options));
      expect(result.outcome.ok).toBe(true);
      expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([
        'HwquotaInsecureTls: TLS certificate verification is off (insecure / HW_INSECURE): use it only against a local emulator.',
      ]);
    }
    // insecure: false wins over HW_INSECURE.
    expect((await readKms({ insecure: false, env: { ...environment, HW_INSECURE: '1' } })).outcome.ok).toBe(false);
  });
});

describe('hwquota get', () => {
  const env = () => {
    const { OS_CACERT: _, ...withoutCa } = cliEnvironment(emulator, 'temporary keys');
    return withoutCa;
  };

  it('exits 2 without the CA file, and reads with OS_CACERT', async () => {
    const refused = await runCli(['get', 'kms'], env());
    expect(refused.code).toBe(2);
    expect(cliErrorKind(refused.stderr)).toBe('network');
    expect(refused.stderr).toContain('set caCertFile or OS_CACERT');
    const trusted = await runCli(['get', 'kms', '--output', 'json'], { ...env(), OS_CACERT: caCertFile });
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toMatchObject({ region: 'cn-north-4' });
    expectNoSecrets(refused.stderr + trusted.stdout, 'the CLI output');
  });

  it('reads with HW_INSECURE=1, and warns', async () => {
    const { result, warnings } = await warningsDuring(() => runCli(['get', 'kms'], { ...env(), HW_INSECURE: '1' }));
    expect(result.code).toBe(0);
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('TLS certificate verification is off')]);
  });
});

describe('the data sources', () => {
  afterEach(() => {
    delete process.env.OS_CACERT;
  });

  it('are refused without the CA file, and read with OS_CACERT', async () => {
    const args = { ...credentialOptions('token'), region: 'cn-north-4', projectId: emulator.env.HUAWEICLOUD_SDK_PROJECT_ID!, endpoints: { kms: `${emulator.url}/kms/cn-north-4` } };
    const refused = await settle(() => quotas.getKmsQuotas(args));
    expect(refused.ok ? refused.value : refused.error).toBeInstanceOf(HuaweiCloudError);
    expect(refused.ok ? refused.value : refused.error).toMatchObject({ kind: 'network', attempts: 1 });
    // The data sources read OS_CACERT from the environment when their shared client is made; other settings (here an
    // explicit cloud domain) make another client, which sees it.
    process.env.OS_CACERT = caCertFile;
    expect(await quotas.getKmsQuotas({ ...args, cloud: 'myhuaweicloud.com' })).toMatchObject({ region: 'cn-north-4' });
  });
});
