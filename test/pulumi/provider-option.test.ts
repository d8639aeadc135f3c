import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import * as quotas from '../../provider/index';
import { setEngineLikeMocks } from '../support/engine-monitor-mocks';
import { clearSharedState } from '../support/shared-state';

// Issue 14: `opts.provider` and `opts.parent` that resolve to a huaweicloud-quotas provider read with its settings;
// any other provider, `version` and `pluginDownloadURL` are errors. The direct read (kept under mocks here, which only
// register the resources). Pulumi mocks and config are process-global: this file owns them.

let emulator: RunningEmulator;
const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
beforeAll(async () => {
  emulator = await startEmulator();
  const { HUAWEICLOUD_SDK_PROJECT_ID: _, ...env } = emulator.env;
  Object.assign(process.env, env);
  await setEngineLikeMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => {
        throw new Error('no invoke should reach the monitor: the functions read directly');
      },
    },
    'provider-tests',
    'dev',
    false,
  );
});
afterAll(async () => {
  for (const name of Object.keys(emulator.env)) delete process.env[name];
  await emulator.stop();
});
beforeEach(() => {
  clearSharedState();
  // The default provider's settings: an explicit provider does not take them.
  pulumi.runtime.setAllConfig({ 'huaweicloud-quotas:region': 'cn-north-4' });
});

/** A provider resource of a package, as a provider SDK declares one (Pulumi's class is abstract). */
class PackageProvider extends pulumi.ProviderResource {
  constructor(pkg: string, name: string, props: pulumi.Inputs = {}) {
    super(pkg, name, props);
  }
}

class Placement extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super('test:index:Placement', name, {}, opts);
  }
}

interface OutputInternals<T> {
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  promise(): Promise<T>;
}
/** The value of an Output; when it fails, its other promises are settled too, as a program's runner does. */
async function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  const internals = output as unknown as OutputInternals<T>;
  await Promise.allSettled([internals.isKnown, internals.isSecret]);
  return internals.promise();
}

async function failure(run: () => Promise<unknown>): Promise<{ runError: boolean; message: string; kind?: string; field?: string }> {
  try {
    await run();
  } catch (error) {
    const { kind, field } = error as { kind?: string; field?: string };
    return { runError: pulumi.RunError.isInstance(error), message: (error as Error).message, kind, field };
  }
  throw new Error('expected a failure');
}

describe('opts.provider and opts.parent', () => {
  it('a huaweicloud-quotas Provider: its region is read, in both forms, over stack config; an argument overrides it', async () => {
    const eu = new quotas.Provider('eu', { region: 'eu-west-101' });
    expect((await quotas.getKmsQuotas({}, { provider: eu })).region).toBe('eu-west-101');
    expect((await valueOf(quotas.getKmsQuotasOutput({}, { provider: eu }))).region).toBe('eu-west-101');
    expect((await quotas.getSfsTurboQuotas({ region: 'cn-north-4' }, { provider: eu })).region).toBe('cn-north-4');
    expect((await quotas.getKmsQuotas()).region).toBe('cn-north-4');
    const checks = await quotas.evaluateRequirements([{ service: 'kms', type: 'CMK', need: 1 }], {}, { provider: eu });
    expect(checks[0]).toMatchObject({ scope: expect.stringContaining('eu-west-101') });
  });

  it('is registered as the provider resource pulumi:providers:huaweicloud-quotas, with its settings as inputs', async () => {
    new quotas.Provider('with-keys', { region: 'eu-west-101', accessKey: 'HPUAEMULATORROOT0001', secretKey: pulumi.output('s3cret-value-000') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const provider = registered.find((resource) => resource.name === 'with-keys');
    expect(provider?.type).toBe('pulumi:providers:huaweicloud-quotas');
    expect(provider?.inputs).toMatchObject({ region: 'eu-west-101', accessKey: 'HPUAEMULATORROOT0001' });
  });

  it('opts.parent: the provider of a component made with it, and of its children, as Pulumi resolves it', async () => {
    const eu = new quotas.Provider('eu-parent', { region: 'eu-west-101' });
    const outer = new Placement('outer', { providers: [eu] });
    const inner = new Placement('inner', { parent: outer });
    expect((await quotas.getKmsQuotas({}, { parent: outer })).region).toBe('eu-west-101');
    expect((await valueOf(quotas.getKmsQuotasOutput({}, { parent: inner }))).region).toBe('eu-west-101');
    // A parent without one: the default provider's settings.
    expect((await quotas.getKmsQuotas({}, { parent: new Placement('plain') })).region).toBe('cn-north-4');
  });

  it('a provider of another package, version and pluginDownloadURL are clean errors naming the option', async () => {
    const huaweicloud = new PackageProvider('huaweicloud', 'hw', { region: 'eu-west-101' });
    const foreign = await failure(() => quotas.getKmsQuotas({}, { provider: huaweicloud }));
    expect(foreign).toMatchObject({ runError: true, kind: 'invalid-argument', field: 'provider' });
    expect(foreign.message).toMatch(/^hwquota: invalid-argument: provider: huaweicloud-quotas:index:getKmsQuotas needs a huaweicloud-quotas provider .*"huaweicloud"/);
    expect(await failure(() => valueOf(quotas.getKmsQuotasOutput({}, { provider: huaweicloud })))).toMatchObject({ runError: true, field: 'provider' });
    const parentWithForeign = new Placement('foreign-parent', { providers: [huaweicloud] });
    // The parent's provider for another package is not this package's: the default provider, as in Pulumi.
    expect((await quotas.getKmsQuotas({}, { parent: parentWithForeign })).region).toBe('cn-north-4');
    expect(await failure(() => quotas.getKmsQuotas({}, { version: '1.2.3' }))).toMatchObject({ runError: true, field: 'version' });
    expect(await failure(() => valueOf(quotas.getKmsQuotasOutput({}, { pluginDownloadURL: 'https://example.com' })))).toMatchObject({ runError: true, field: 'pluginDownloadURL' });
    const madeOtherwise = new PackageProvider('huaweicloud-quotas', 'raw');
    expect(await failure(() => quotas.getKmsQuotas({}, { provider: madeOtherwise }))).toMatchObject({ runError: true, field: 'provider' });
  });

  it('a bad provider setting is a clean error naming it', async () => {
    const bad = new quotas.Provider('bad', { region: 'Europe West' });
    const problem = await failure(() => quotas.getKmsQuotas({}, { provider: bad }));
    expect(problem).toMatchObject({ runError: true, kind: 'invalid-argument', field: 'region' });
    expect(problem.message).toMatch(/^hwquota: invalid-argument: region: /);
  });
});
