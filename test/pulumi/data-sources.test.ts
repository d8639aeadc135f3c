import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import * as quotas from '../../provider/index';
import { setEngineLikeMocks } from '../support/engine-monitor-mocks';
import { clearSharedState } from '../support/shared-state';

// Pulumi mocks and config are process-global: this file owns them.
// These tests are of the direct read (its settings chain and Output rules), as under a real engine: the mocks sit
// behind an engine-like monitor. Under `setMocks` itself the functions go to `mocks.call` (issue 14;
// test/pulumi/mocked-invokes.test.ts).
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
  const { HUAWEICLOUD_SDK_PROJECT_ID: _, ...env } = emulator.env;
  Object.assign(process.env, env);
});
afterAll(async () => {
  for (const name of Object.keys(emulator.env)) delete process.env[name];
  await emulator.stop();
});
beforeEach(() => {
  clearSharedState();
  for (const route of Object.keys(emulator.requests)) emulator.requests[route as keyof typeof emulator.requests] = 0;
  pulumi.runtime.setAllConfig({});
});

/** Mocks where, during preview, a created resource's ID is unknown (as the engine does). */
async function useMocks(preview: boolean) {
  await setEngineLikeMocks(
    {
      newResource: (args) => ({ id: preview ? undefined : `${args.name}-id`, state: args.inputs }),
      call: (args) => args.inputs,
    },
    'quota-tests',
    'dev',
    preview,
  );
}

/** A KMS key as the Huawei Cloud provider types it (no provider package is on npm). */
class KmsKey extends pulumi.CustomResource {
  constructor(name: string) {
    super('huaweicloud:Dew/key:Key', name, {});
  }
}

interface OutputInternals<T> {
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  promise(withUnknowns?: boolean): Promise<T>;
}
async function settle<T>(output: pulumi.Output<T>) {
  const internals = output as unknown as OutputInternals<T>;
  const [known, secret] = await Promise.all([internals.isKnown, internals.isSecret]);
  return { known, secret, value: known ? await internals.promise() : undefined };
}

describe('the Promise forms', () => {
  it('read each service with the settings chain of the environment', async () => {
    await useMocks(false);
    expect((await quotas.getKmsQuotas()).resources[0]).toMatchObject({ type: 'CMK', headroom: 0 });
    expect((await quotas.getSfsTurboQuotas({ region: 'eu-west-101' })).region).toBe('eu-west-101');
    expect((await quotas.getProjectQuotas({ projectName: 'cn-north-4_dev' })).projectId).toBe('34bdce22bc00d4d4402427d1aa0ae49a');
    expect((await quotas.getAccountQuotas({ type: 'user' })).resources).toHaveLength(1);
    expect((await quotas.getMetaStudioUserQuotas()).users).toHaveLength(250);
  });

  it('take stack config first, huaweicloud-quotas:* before huaweicloud:*', async () => {
    await useMocks(false);
    pulumi.runtime.setAllConfig({ 'huaweicloud:region': 'eu-west-101' });
    expect((await quotas.getKmsQuotas()).region).toBe('eu-west-101');
    pulumi.runtime.setAllConfig({ 'huaweicloud:region': 'eu-west-101', 'huaweicloud-quotas:region': 'cn-north-4' });
    expect((await quotas.getKmsQuotas()).region).toBe('cn-north-4');
    pulumi.runtime.setAllConfig(
      { 'huaweicloud-quotas:accessKey': 'HPUAEMULATORROOT0001', 'huaweicloud-quotas:secretKey': 'wrong-secret-key-000000000000' },
      ['huaweicloud-quotas:secretKey'],
    );
    await expect(quotas.getKmsQuotas()).rejects.toMatchObject({ kind: 'service', code: 'APIGW.0301' });
  });
});

describe('the Output forms', () => {
  it('give a known, non-secret result for known inputs, from one request however often they are read', async () => {
    await useMocks(false);
    const results = Array.from({ length: 5 }, () => quotas.getKmsQuotasOutput({ region: 'cn-north-4' }));
    for (const result of results) {
      expect(await settle(result)).toMatchObject({ known: true, secret: false, value: { region: 'cn-north-4' } });
    }
    expect(emulator.requests).toMatchObject({ kms: 1, projects: 1 });
  });

  it('give an unknown result during preview for an unknown input, without a request', async () => {
    await useMocks(true);
    const unknownRegion = pulumi.output(pulumi.unknown as unknown as string);
    const result = await settle(quotas.getKmsQuotasOutput({ region: unknownRegion }));
    expect(result.known).toBe(false);
    expect(emulator.requests.kms + emulator.requests.projects).toBe(0);
  });

  it('give a secret result for a secret input', async () => {
    await useMocks(false);
    const result = await settle(quotas.getSfsTurboQuotasOutput({ region: pulumi.secret('cn-north-4') }));
    expect(result).toMatchObject({ known: true, secret: true });
    expect(result.value?.resources).toHaveLength(2);
  });

  it('wait for dependsOn, and stay unknown while a dependency is being created in preview', async () => {
    await useMocks(true);
    const key = new KmsKey('first-key');
    const duringPreview = await settle(quotas.getKmsQuotasOutput({}, { dependsOn: [key] }));
    expect(duringPreview.known).toBe(false);
    expect(emulator.requests.kms).toBe(0);

    await useMocks(false);
    const created = new KmsKey('second-key');
    const afterCreate = await settle(quotas.getKmsQuotasOutput({}, { dependsOn: created }));
    expect(afterCreate).toMatchObject({ known: true, value: { region: 'cn-north-4' } });
    expect(emulator.requests.kms).toBe(1);
  });
});
