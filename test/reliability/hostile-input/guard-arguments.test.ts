import fc from 'fast-check';
import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { HuaweiCloudError } from '../../../provider/client';
import * as quotas from '../../../provider/index';
import { clearSharedState } from '../../support/shared-state';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { propertyRuns, propertyTimeoutMs } from '../support/reliability-runs';
import { QuotaCheckShape, shapeProblem } from '../support/result-shapes';
import { settle, type Outcome } from '../support/settle';
import { isTypedError } from '../support/typed-error';
import { hostileString, hostileValue, wellFormedId } from './arbitraries';
import { OutcomeTally } from './outcome-tally';
import { hostileNeed, hostileRequirements } from './requirement-arbitraries';
import { useSandbox } from './sandbox';
import { setEngineLikeMocks } from '../../support/engine-monitor-mocks';

// The guards (requireHeadroom, pickPlacement, hasHeadroom, the QuotaGuard provider) with hostile requirements, margins,
// candidates and settings. Each ends in a valid result or a typed error: a HuaweiCloudError, or pulumi.RunError (the
// guards' way to fail a run) saying why. Pulumi mocks and process.env are process-wide: this file owns them.

const sandbox = useSandbox();
const savedEnv = { ...process.env };
/** What `requireHeadroom({warnOnly})` tells the engine's log: scanned for secrets, not shown. */
const warnings: string[] = [];
beforeAll(async () => {
  Object.assign(process.env, sandbox().env);
  vi.spyOn(pulumi.log, 'warn').mockImplementation(async (message: string) => void warnings.push(message));
  await setEngineLikeMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, 'reliability', 'dev', false);
});
afterAll(() => {
  process.env = savedEnv;
  vi.restoreAllMocks();
  expect(warnings.length).toBeGreaterThan(0);
  expectNoSecrets(warnings.join('\n'), 'the warnings logged');
});

const tally = new OutcomeTally('Hostile guard arguments: outcomes');
afterAll(() => tally.print());

// Hostile values go where the types would refuse them (`as never`): a JavaScript program, or an Output that resolved
// to something unexpected, hands the guards whatever it has.

const RUN_ERROR_MESSAGE = /^(hwquota: (invalid-argument|missing-credentials|network|timeout|response-invalid|service): |Huawei Cloud quota headroom is short for \d+ of \d+ requirements?:\n|No candidate placement has enough Huawei Cloud quota headroom:\n)/;

/** A guard's outcome is its checks, or pulumi.RunError with a reason, or a HuaweiCloudError: nothing else. */
function judge(guard: string, outcome: Outcome<unknown>, checksOf: (value: unknown) => unknown[]): void {
  if (outcome.ok) {
    for (const check of checksOf(outcome.value)) expect(shapeProblem(QuotaCheckShape, check)).toBeUndefined();
    tally.add(`${guard}: checks`);
  } else if (pulumi.RunError.isInstance(outcome.error)) {
    expect((outcome.error as Error).message).toMatch(RUN_ERROR_MESSAGE);
    tally.add(`${guard}: RunError ${/^[^:\n]+(: [a-z-]+)?/.exec((outcome.error as Error).message)![0]}`);
  } else {
    expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
    tally.add(`${guard}: HuaweiCloudError ${(outcome.error as HuaweiCloudError).kind}`);
  }
  expectNoSecrets(outcome.ok ? outcome.value : outcome.error, guard);
  expect(outcome.elapsedMs).toBeLessThan(5_000);
}

const margins = fc.option(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ absolute: fc.integer({ min: 0, max: 5 }), percentOfQuota: fc.double({ min: 0, max: 100, noNaN: true }) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record({ absolute: hostileNeed, percentOfQuota: hostileNeed }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: hostileValue },
  ),
  { freq: 2 },
);
const connections = fc.record(
  {
    region: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('cn-north-4', 'eu-west-101') }, { weight: 1, arbitrary: hostileString }),
    cloud: fc.oneof({ weight: 4, arbitrary: fc.constant('myhuaweicloud.com') }, { weight: 1, arbitrary: hostileString }),
  },
  { requiredKeys: [] },
);

it('requireHeadroom', { timeout: propertyTimeoutMs(200) }, async () => {
  const prototypes = prototypeSnapshot();
  await fc.assert(
    fc.asyncProperty(hostileRequirements, margins, fc.option(connections, { freq: 3 }), fc.boolean(), async (requirements, margin, connection, warnOnly) => {
      clearSharedState();
      const mark = sandbox().mark();
      const outcome = await settle(() => quotas.requireHeadroom(requirements as never, { ...connection, margin: margin as never, warnOnly }));
      judge('requireHeadroom', outcome, (checks) => checks as unknown[]);
      mark.expectContained('requireHeadroom');
      expectPrototypesUntouched(prototypes, 'requireHeadroom');
    }),
    propertyRuns(),
  );
});

const candidates = fc.array(
  fc.record(
    {
      region: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('cn-north-4', 'eu-west-101', 'ap-southeast-1') }, { weight: 1, arbitrary: hostileString }),
      projectId: fc.oneof({ weight: 3, arbitrary: fc.constant('34bdce22bc00d4d4402427d1aa0ae49a') }, { weight: 1, arbitrary: wellFormedId }, { weight: 1, arbitrary: hostileString }),
      projectName: fc.oneof(fc.constantFrom('cn-north-4_dev', 'eu-west-101'), hostileString),
    },
    { requiredKeys: ['region'] },
  ),
  { maxLength: 3 },
);

it('pickPlacement', { timeout: propertyTimeoutMs(200) }, async () => {
  const prototypes = prototypeSnapshot();
  await fc.assert(
    fc.asyncProperty(candidates, hostileRequirements, margins, async (places, requirements, margin) => {
      clearSharedState();
      const mark = sandbox().mark();
      const outcome = await settle(() => quotas.pickPlacement(places, requirements as never, { margin: margin as never }));
      judge('pickPlacement', outcome, (placement) => [...(placement as quotas.Placement).checks]);
      mark.expectContained('pickPlacement');
      expectPrototypesUntouched(prototypes, 'pickPlacement');
    }),
    propertyRuns(),
  );
});

it('hasHeadroom, on every service’s real result', { timeout: propertyTimeoutMs(20) }, async () => {
  const results = await Promise.all([quotas.getAccountQuotas(), quotas.getProjectQuotas(), quotas.getKmsQuotas(), quotas.getSfsTurboQuotas()]);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...results), fc.oneof(fc.constantFrom('CMK', 'shares', 'user', 'project', 'mapping'), hostileString), hostileNeed, async (result, type, need) => {
      const answer = quotas.hasHeadroom(result, type, need as number);
      expect(typeof answer).toBe('boolean');
      // The README's rule: a listed quota that is unlimited, or whose known headroom is at least the need (NaN never is).
      const resource = result.resources.find((candidate) => candidate.type === type);
      if (!resource) expect(answer).toBe(false);
      else if (typeof need === 'number') expect(answer).toBe(resource.unlimited || (resource.headroom !== null && resource.headroom >= need));
    }),
    propertyRuns(),
  );
});

/**
 * What the engine hands `check()`: the requirements and margin possibly anything, but as JSON values (inputs travel
 * as protobuf structs: no BigInt, no undefined), own `__proto__` keys included.
 */
const guardInputs = fc
  .record({ requirements: hostileRequirements, margin: margins.map((margin) => margin ?? undefined) }, { requiredKeys: [] })
  .map((inputs) => JSON.parse(JSON.stringify(inputs, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))) as unknown);
const configValues = fc.dictionary(
  fc.constantFrom('huaweicloud-quotas:region', 'huaweicloud:region', 'huaweicloud-quotas:projectId', 'huaweicloud-quotas:domainId', 'huaweicloud-quotas:cloud', 'huaweicloud:endpoints', 'huaweicloud-quotas:endpoints', 'huaweicloud-quotas:projectName'),
  fc.oneof(hostileString, fc.json({ maxDepth: 2 })),
  { maxKeys: 2 },
);

it('the QuotaGuard provider: configure() and check()', { timeout: propertyTimeoutMs(200) }, async () => {
  const prototypes = prototypeSnapshot();
  try {
    await fc.assert(
      fc.asyncProperty(fc.option(configValues, { freq: 2 }), guardInputs, async (config, news) => {
        clearSharedState();
        const mark = sandbox().mark();
        const configured = await settle(() => quotas.quotaGuardProvider.configure!({ config: { get: (key: string) => config?.[key], require: (key: string) => config![key]! } } as never));
        if (!configured.ok) {
          expect(isTypedError(configured.error), String(configured.error)).toBe(true);
          tally.add(`QuotaGuard configure(): ${(configured.error as HuaweiCloudError).kind}`);
          return;
        }
        const outcome = await settle(() => quotas.quotaGuardProvider.check!({} as never, news as never));
        if (outcome.ok) {
          // The engine's contract: the inputs back (with the claim recorded beside them when it passes), and failures
          // (if any) with a reason.
          const { inputs, failures = [] } = outcome.value as { inputs: Record<string, unknown>; failures?: { property: string; reason: string }[] };
          if (failures.length > 0) expect(inputs).toBe(news);
          else {
            expect(inputs).toMatchObject(news as object);
            expect(inputs).toEqual(expect.objectContaining({ claims: expect.any(Array), warnings: expect.any(Array) }));
            for (const check of inputs.checks as unknown[]) expect(shapeProblem(QuotaCheckShape, check)).toBeUndefined();
          }
          for (const failure of failures) expect(failure).toEqual({ property: '', reason: expect.stringMatching(/^(hwquota: [a-z-]+: |Huawei Cloud quota headroom is short)/) });
          tally.add(`QuotaGuard check(): ${failures.length ? 'failure' : 'passes'}`);
        } else {
          expect(isTypedError(outcome.error), String(outcome.error)).toBe(true);
          tally.add(`QuotaGuard check(): HuaweiCloudError ${(outcome.error as HuaweiCloudError).kind}`);
        }
        expectNoSecrets(outcome.ok ? outcome.value : outcome.error, 'check()');
        mark.expectContained('QuotaGuard check()');
        expectPrototypesUntouched(prototypes, 'QuotaGuard');
      }),
      propertyRuns(),
    );
  } finally {
    await quotas.quotaGuardProvider.configure!({ config: { get: () => undefined, require: () => '' } } as never);
  }
});
