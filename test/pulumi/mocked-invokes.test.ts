import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import * as quotas from '../../provider/index';

// Issue 14: under `pulumi.runtime.setMocks`, the functions go to the mock monitor as invokes with their tokens, so a
// user's `mocks.call` answers them and no request is sent. Written as a user's unit test (the README shows it).
// Pulumi mocks are process-global: this file owns them.

let emulator: RunningEmulator;
const calls: pulumi.runtime.MockCallArgs[] = [];
beforeAll(async () => {
  // The environment points at an emulator only to count requests: none may be sent.
  emulator = await startEmulator();
  Object.assign(process.env, emulator.env);
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: (args) => {
        calls.push(args);
        switch (args.token) {
          case 'huaweicloud-quotas:index:getKmsQuotas':
            return { region: args.inputs.region ?? 'cn-north-4', projectId: 'p1', resources: [{ service: 'kms', type: 'CMK', quota: 20, used: 20, headroom: 0 }] };
          case 'huaweicloud-quotas:index:getEcsQuotas':
            return { region: 'cn-north-4', projectId: 'p1', resources: [{ service: 'ecs', type: 'instances', quota: 100, used: 4, headroom: 96 }] };
          case 'huaweicloud-quotas:index:evaluateRequirements':
            return { checks: args.inputs.requirements.map((requirement: { need: number }) => ({ requirement, met: requirement.need <= 2 })) };
          default:
            throw new Error(`unexpected invoke ${args.token}`);
        }
      },
    },
    'mocked-invokes',
    'dev',
    false,
  );
});
afterAll(async () => {
  for (const name of Object.keys(emulator.env)) delete process.env[name];
  await emulator.stop();
});

interface OutputInternals<T> {
  promise(): Promise<T>;
}
const valueOf = <T>(output: pulumi.Output<T>) => (output as unknown as OutputInternals<T>).promise();

describe('under setMocks', () => {
  it('mocks.call answers getKmsQuotas, getEcsQuotas and evaluateRequirements, in both forms, and no request is sent', async () => {
    const kms = await quotas.getKmsQuotas({ region: 'eu-west-101' });
    expect(kms).toEqual({ region: 'eu-west-101', projectId: 'p1', resources: [{ service: 'kms', type: 'CMK', quota: 20, used: 20, headroom: 0 }] });
    expect((await valueOf(quotas.getKmsQuotasOutput({ region: pulumi.output('cn-north-4') }))).region).toBe('cn-north-4');
    expect((await quotas.getEcsQuotas()).resources[0]).toMatchObject({ type: 'instances', headroom: 96 });
    expect((await valueOf(quotas.getEcsQuotasOutput())).resources[0]).toMatchObject({ type: 'instances' });
    const requirements = [
      { service: 'kms' as const, type: 'CMK', need: 1 },
      { service: 'kms' as const, type: 'CMK', need: 3 },
    ];
    expect((await quotas.evaluateRequirements(requirements)).map((check) => check.met)).toEqual([true, false]);
    expect((await valueOf(quotas.evaluateRequirementsOutput({ requirements }))).checks.map((check) => check.met)).toEqual([true, false]);

    expect(calls.map((call) => call.token)).toEqual([
      'huaweicloud-quotas:index:getKmsQuotas',
      'huaweicloud-quotas:index:getKmsQuotas',
      'huaweicloud-quotas:index:getEcsQuotas',
      'huaweicloud-quotas:index:getEcsQuotas',
      'huaweicloud-quotas:index:evaluateRequirements',
      'huaweicloud-quotas:index:evaluateRequirements',
    ]);
    expect(calls[0]!.inputs).toEqual({ region: 'eu-west-101' });
    expect(Object.values(emulator.requests).reduce((sum, count) => sum + count, 0)).toBe(0);
  });

  it('an explicit provider goes with the invoke, as a provider reference', async () => {
    calls.length = 0;
    const eu = new quotas.Provider('eu', { region: 'eu-west-101' });
    await quotas.getKmsQuotas({}, { provider: eu });
    expect(calls[0]).toMatchObject({ token: 'huaweicloud-quotas:index:getKmsQuotas', provider: expect.stringMatching(/pulumi:providers:huaweicloud-quotas::eu::eu-id$/) });
    expect(Object.values(emulator.requests).reduce((sum, count) => sum + count, 0)).toBe(0);
  });
});
