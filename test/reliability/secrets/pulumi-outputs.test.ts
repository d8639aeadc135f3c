import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as quotas from '../../../provider/index';
import type { RunningEmulator } from '../../../provider/emulator';
import { startEmulator } from '../../../provider/emulator';
import { clearSharedState } from '../../support/shared-state';
import { emulatorEndpoints } from '../support/data-source-read';
import { AUTH_TOKEN, expectNoSecrets, SECURITY_TOKEN, TEMPORARY_SECRET_KEY } from '../support/recognisable-secrets';
import { reliabilityState, TEMPORARY_ACCESS_KEY } from '../support/reliability-state';
import { settle } from '../support/settle';
import { setEngineLikeMocks } from '../../support/engine-monitor-mocks';

// The Pulumi layer with credentials in stack config, as secrets: what the data sources and guards give back (Outputs,
// results, RunError messages, warnings, registered resources) never holds one, and a secret passed in as an Output
// keeps the result secret. Pulumi mocks and config are process-wide: this file owns them.

let emulator: RunningEmulator;
const registered: pulumi.runtime.MockResourceArgs[] = [];
const warnings: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ state: reliabilityState() });
  await setEngineLikeMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'reliability',
    'dev',
    false,
  );
  vi.spyOn(pulumi.log, 'warn').mockImplementation(async (message: string) => void warnings.push(message));
});
afterAll(async () => {
  vi.restoreAllMocks();
  pulumi.runtime.setAllConfig({});
  await emulator.stop();
});
beforeEach(() => {
  clearSharedState();
  // The temporary key's secret key and security token, set as secrets, as `pulumi config set --secret` does.
  pulumi.runtime.setAllConfig(
    {
      'huaweicloud-quotas:region': 'cn-north-4',
      'huaweicloud-quotas:accessKey': TEMPORARY_ACCESS_KEY,
      'huaweicloud-quotas:secretKey': TEMPORARY_SECRET_KEY,
      'huaweicloud-quotas:securityToken': SECURITY_TOKEN,
      'huaweicloud-quotas:projectId': emulator.env.HUAWEICLOUD_SDK_PROJECT_ID!,
      'huaweicloud-quotas:domainId': emulator.env.HUAWEICLOUD_SDK_DOMAIN_ID!,
      'huaweicloud-quotas:endpoints': JSON.stringify(emulatorEndpoints(emulator)),
    },
    ['huaweicloud-quotas:secretKey', 'huaweicloud-quotas:securityToken'],
  );
});

interface OutputInternals<T> {
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  promise(): Promise<T>;
}
async function settleOutput<T>(output: pulumi.Output<T>) {
  const internals = output as unknown as OutputInternals<T>;
  const [known, secret] = await Promise.all([internals.isKnown, internals.isSecret]);
  return { known, secret, value: known ? await internals.promise() : undefined };
}

const OUTPUT_FORMS = {
  account: () => quotas.getAccountQuotasOutput({}),
  project: () => quotas.getProjectQuotasOutput({}),
  kms: () => quotas.getKmsQuotasOutput({}),
  'sfs-turbo': () => quotas.getSfsTurboQuotasOutput({}),
  metastudio: () => quotas.getMetaStudioUserQuotasOutput({}),
};

describe('the data sources, credentials from secret stack config', () => {
  it.each(Object.entries(OUTPUT_FORMS))('%s: a known result that holds no secret', async (_name, read) => {
    const result = await settleOutput(read() as pulumi.Output<unknown>);
    expect(result.known).toBe(true);
    expect(result.value).toBeDefined();
    expectNoSecrets(result.value, 'the Output value');
  });

  it('a secret passed in as an Output keeps the result secret, and out of it', async () => {
    const config = new pulumi.Config('huaweicloud-quotas');
    const fromSecretKey = await settleOutput(quotas.getKmsQuotasOutput({ secretKey: config.requireSecret('secretKey') }));
    expect(fromSecretKey).toMatchObject({ known: true, secret: true, value: { region: 'cn-north-4' } });
    // Empty strings set aside the access key from config, so that the token is used.
    const fromToken = await settleOutput(quotas.getSfsTurboQuotasOutput({ authToken: pulumi.secret(AUTH_TOKEN), accessKey: '', secretKey: '', securityToken: '' }));
    expect(fromToken).toMatchObject({ known: true, secret: true });
    for (const result of [fromSecretKey, fromToken]) expectNoSecrets(result.value, 'a secret Output value');
  });

  it('a refused read fails without a secret in its error', async () => {
    const refused = await settle(() => quotas.getKmsQuotas({ secretKey: `${TEMPORARY_SECRET_KEY}-wrong` }));
    expect(refused.ok ? refused.value : refused.error).toMatchObject({ kind: 'service', status: 401 });
    expectNoSecrets(refused.ok ? refused.value : refused.error, 'the error');
  });
});

describe('the guards, credentials from secret stack config', () => {
  it('requireHeadroom: checks, shortfall RunError and warning hold no secret', async () => {
    expectNoSecrets(await quotas.requireHeadroom([{ service: 'kms', type: 'grant_per_CMK', need: 1 }]), 'the checks');
    const short = await settle(() => quotas.requireHeadroom([{ service: 'kms', type: 'CMK', need: 3 }]));
    expect(pulumi.RunError.isInstance(short.ok ? short.value : short.error)).toBe(true);
    expectNoSecrets(short.ok ? short.value : short.error, 'the RunError');
    await quotas.requireHeadroom([{ service: 'kms', type: 'CMK', need: 3 }], { warnOnly: true });
    expect(warnings.join('\n')).toContain('short for 1 of 1');
    expectNoSecrets(warnings.join('\n'), 'the warning');
  });

  it('pickPlacement: the placement and the RunError hold no secret', async () => {
    expectNoSecrets(await quotas.pickPlacement([{ region: 'cn-north-4', projectName: 'cn-north-4_dev' }], [{ service: 'kms', type: 'CMK', need: 3 }]), 'the placement');
    const none = await settle(() => quotas.pickPlacement([{ region: 'cn-north-4' }], [{ service: 'kms', type: 'CMK', need: 50 }]));
    expect(pulumi.RunError.isInstance(none.ok ? none.value : none.error)).toBe(true);
    expectNoSecrets(none.ok ? none.value : none.error, 'the RunError');
  });

  it('QuotaGuard: what is registered with the engine holds no secret', async () => {
    const guard = new quotas.QuotaGuard('headroom', { requirements: [{ service: 'kms', type: 'grant_per_CMK', need: 1 }] });
    await settleOutput(guard.urn);
    const inputs = registered.find((resource) => resource.name === 'headroom')?.inputs as Record<string, unknown>;
    // The serialized provider goes into the state as an input; under the test runner's transform it is not the text a
    // user's program makes (secrets/serialized-quota-guard.test.ts checks that one), but it must not hold a secret either.
    expect(typeof inputs.__provider).toBe('string');
    expectNoSecrets(inputs, 'the registered inputs');
  });
});
