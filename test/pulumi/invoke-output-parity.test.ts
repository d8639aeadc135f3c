import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import * as quotas from '../../provider/index';
import { setEngineLikeMocks } from '../support/engine-monitor-mocks';
import { clearSharedState } from '../support/shared-state';

// Issue 14: the Output forms wait and go unknown exactly as `pulumi.runtime.invokeOutput` does. Each case calls the
// package's Output form (the direct read, kept under mocks here) and `invokeOutput` of the same token, with the same
// args and options, in the same test; `mocks.call` answers `invokeOutput` with the same read.
// Pulumi mocks are process-global: this file owns them.

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
  pulumi.runtime.setAllConfig({});
});

const KMS = 'huaweicloud-quotas:index:getKmsQuotas';

/** Mocks where, during preview, a new custom resource's ID is unknown, as the engine gives it. */
async function useMocks(preview: boolean) {
  await setEngineLikeMocks(
    {
      newResource: (args) => ({ id: preview ? undefined : `${args.name}-id`, state: args.inputs }),
      call: (args) => quotas.getKmsQuotas(args.inputs) as unknown as Record<string, unknown>,
    },
    'parity-tests',
    'dev',
    preview,
  );
}

class KmsKey extends pulumi.CustomResource {
  declare readonly region: pulumi.Output<string>;
  constructor(name: string, args: { region: string }, opts?: pulumi.CustomResourceOptions) {
    super('huaweicloud:Dew/key:Key', name, { region: args.region }, opts);
  }
}

class Stack extends pulumi.ComponentResource {
  constructor(name: string, build: (self: Stack) => void, opts?: pulumi.ComponentResourceOptions) {
    super('test:index:Stack', name, {}, opts);
    build(this);
    this.registerOutputs({});
  }
}

interface OutputInternals<T> {
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  promise(): Promise<T>;
}
async function settle<T>(output: pulumi.Output<T>) {
  const internals = output as unknown as OutputInternals<T>;
  const [known, secret] = await Promise.all([internals.isKnown, internals.isSecret]);
  return { known, secret, value: known ? await internals.promise() : undefined };
}

type Case = [name: string, args: () => pulumi.Inputs, opts: () => pulumi.InvokeOutputOptions];

/** The cases of the issue, built anew under each mocks (their resources register with them). */
function cases(): Case[] {
  let counter = 0;
  const unique = (name: string) => `${name}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  return [
    ['known arguments', () => ({ region: 'cn-north-4' }), () => ({})],
    ['an unknown argument', () => ({ region: pulumi.output(pulumi.unknown as unknown as string) }), () => ({})],
    ['a secret argument', () => ({ region: pulumi.secret('cn-north-4') }), () => ({})],
    ['dependsOn a custom resource', () => ({}), () => ({ dependsOn: [new KmsKey(unique('key'), { region: 'cn-north-4' })] })],
    ['dependsOn a component whose child is a custom resource', () => ({}), () => ({ dependsOn: [new Stack(unique('stack'), (self) => new KmsKey(unique('key'), { region: 'cn-north-4' }, { parent: self }))] })],
    [
      'dependsOn a component, its custom resource a grandchild',
      () => ({}),
      () => ({ dependsOn: new Stack(unique('outer'), (outer) => new Stack(unique('inner'), (inner) => new KmsKey(unique('key'), { region: 'cn-north-4' }, { parent: inner }), { parent: outer })) }),
    ],
    ['an argument taken from a resource', () => ({ region: new KmsKey(unique('key'), { region: 'cn-north-4' }).region }), () => ({})],
    ['dependsOn an Output of a resource', () => ({}), () => ({ dependsOn: pulumi.output(new KmsKey(unique('key'), { region: 'cn-north-4' })) as unknown as pulumi.Input<pulumi.Resource> })],
  ];
}

describe('the Output forms against pulumi.runtime.invokeOutput', () => {
  it('agree on known, unknown and secret in every case, during preview and in an update, and an unknown result sends no request', async () => {
    for (const preview of [true, false]) {
      await useMocks(preview);
      const seen: string[] = [];
      for (const [name, args, opts] of cases()) {
        clearSharedState();
        const before = emulator.requests.kms;
        const ours = await settle(quotas.getKmsQuotasOutput(args() as quotas.GetKmsQuotasOutputArgs, opts()));
        const requested = emulator.requests.kms - before;
        const pulumis = await settle(pulumi.runtime.invokeOutput(KMS, args(), opts()));
        expect({ preview, name, known: ours.known, secret: ours.secret }).toEqual({ preview, name, known: pulumis.known, secret: pulumis.secret });
        if (ours.known) expect({ name, value: ours.value }).toEqual({ name, value: pulumis.value });
        else expect({ name, requested }).toEqual({ name, requested: 0 });
        seen.push(`${name}: ${ours.known ? 'known' : 'unknown'}${ours.secret ? ', secret' : ''}`);
      }
      // What Pulumi gives, so that a change in either shows here.
      expect(seen).toEqual([
        'known arguments: known',
        'an unknown argument: unknown',
        'a secret argument: known, secret',
        `dependsOn a custom resource: ${preview ? 'unknown' : 'known'}`,
        `dependsOn a component whose child is a custom resource: ${preview ? 'unknown' : 'known'}`,
        `dependsOn a component, its custom resource a grandchild: ${preview ? 'unknown' : 'known'}`,
        `an argument taken from a resource: ${preview ? 'unknown' : 'known'}`,
        `dependsOn an Output of a resource: ${preview ? 'unknown' : 'known'}`,
      ]);
    }

    // In an update, the result carries the resources of dependsOn and of the arguments, as invokeOutput's does.
    const key = new KmsKey('dependency-key', { region: 'cn-north-4' });
    const other = new KmsKey('argument-key', { region: 'cn-north-4' });
    const resourcesOf = async (output: pulumi.Output<unknown>) => {
      const all = await (output as unknown as { allResources(): Promise<Set<pulumi.Resource>> }).allResources();
      return Promise.all([...all].map((resource) => (resource.urn as unknown as OutputInternals<string>).promise()));
    };
    const ours = await resourcesOf(quotas.getKmsQuotasOutput({ region: other.region }, { dependsOn: [key] }));
    const pulumis = await resourcesOf(pulumi.runtime.invokeOutput(KMS, { region: other.region }, { dependsOn: [key] }));
    expect(ours.sort()).toEqual(pulumis.sort());
    expect(ours).toHaveLength(2);
  });
});
