import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError, type QuotaClient } from '../../../provider/client';
import { credentialOptions } from '../support/credential-modes';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { propertyRuns, propertyTimeoutMs } from '../support/reliability-runs';
import { RESULT_SHAPES, shapeProblem, type ReadName } from '../support/result-shapes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { settle } from '../support/settle';
import { hostileKey, hostileValue, wellFormedId } from './arbitraries';
import { ACCOUNT_QUOTA_TYPES, argumentsAreValid, READ_ARGUMENT_RULES } from './argument-rules';
import { OutcomeTally } from './outcome-tally';
import { useSandbox } from './sandbox';

// Every read of createQuotaClient with hostile arguments: each case ends in a valid result or a typed error; invalid
// arguments are refused before any request; no request goes to another path or host; no prototype changes.

const sandbox = useSandbox();
const tally = new OutcomeTally('Hostile read arguments (createQuotaClient): outcomes');
let client: QuotaClient;
beforeAll(() => {
  client = createQuotaClient({ ...credentialOptions('temporary keys'), ...FAST_TIMINGS, cacheTtlMs: 0, env: sandbox().env });
});
afterAll(() => client.close());

const READS: Record<string, ReadName> = {
  accountQuotas: 'account', projectQuotas: 'project', kmsQuotas: 'kms', sfsTurboQuotas: 'sfs-turbo', metaStudioUserQuotas: 'metastudio',
};

const MAIN_PROJECT = '0dea2644dc80d5d22ff1c01e3ebea6fc';
/** Mostly what the read expects (known or merely well-formed), sometimes anything at all. */
const mostly = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: hostileValue });
const VALUES: Record<string, fc.Arbitrary<unknown>> = {
  region: mostly(fc.constantFrom('cn-north-4', 'eu-west-101', 'ap-southeast-1')),
  projectId: mostly(fc.oneof(fc.constantFrom(MAIN_PROJECT, '34bdce22bc00d4d4402427d1aa0ae49a', '0'.repeat(32)), wellFormedId)),
  projectName: mostly(fc.oneof(fc.constantFrom('cn-north-4', 'cn-north-4_dev', 'cn-north-4_absent', 'eu-west-101'), fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/))),
  domainId: mostly(fc.oneof(fc.constant('b933a12c403702918e1c1f0c738433a3'), wellFormedId)),
  type: mostly(fc.constantFrom(...ACCOUNT_QUOTA_TYPES)),
  userId: mostly(fc.oneof(fc.constantFrom('absent-user'), wellFormedId)),
};

/** A read and its arguments: some of its own keys, now and then a key it does not take (`__proto__` among them). */
const readCall = fc.constantFrom(...Object.keys(READS)).chain((read) =>
  fc.record({
    read: fc.constant(read),
    own: fc.subarray(Object.keys(READ_ARGUMENT_RULES[read]!)).chain((keys) => fc.tuple(...keys.map((key) => VALUES[key]!.map((value) => [key, value] as const)))),
    extra: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.oneof(hostileKey, fc.constantFrom(...Object.keys(VALUES))), hostileValue) }),
  }),
);

it('every read, hostile arguments: a valid result or a typed error, sent only where it should go', { timeout: propertyTimeoutMs(200) }, async () => {
  const prototypes = prototypeSnapshot();
  await fc.assert(
    fc.asyncProperty(readCall, async ({ read, own, extra }) => {
      const given: Record<string, unknown> = Object.fromEntries(own);
      // Defined, not assigned: `__proto__` becomes an own key, as JSON.parse or a spread of user data would make it.
      if (extra) Object.defineProperty(given, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      const valid = argumentsAreValid(read, given);
      const mark = sandbox().mark();
      const requestsBefore = { ...sandbox().emulator.requests };
      const proxiedBefore = sandbox().proxy.seen.length;
      const outcome = await settle(() => (client[read as keyof QuotaClient] as (args: unknown) => Promise<unknown>)(given));

      tally.add(outcome.ok ? 'valid result' : `${(outcome.error as HuaweiCloudError).kind}${valid ? ' (valid arguments)' : ''}`);
      if (outcome.ok) {
        expect(valid, 'accepted invalid arguments').toBe(true);
        expect(shapeProblem(RESULT_SHAPES[READS[read]!], outcome.value)).toBeUndefined();
      } else {
        expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
        if (!valid) {
          // Refused before any request, naming the argument.
          expect(outcome.error).toMatchObject({ kind: 'invalid-argument', attempts: 0 });
          expect(sandbox().emulator.requests).toEqual(requestsBefore);
          expect(sandbox().proxy.seen.length).toBe(proxiedBefore);
        }
      }
      expect(outcome.elapsedMs).toBeLessThan(5_000);
      mark.expectContained(`${read}(${fc.stringify(given).slice(0, 200)})`);
      expectNoSecrets(outcome.ok ? outcome.value : outcome.error, 'the outcome');
      expectPrototypesUntouched(prototypes, read);
    }),
    propertyRuns(),
  );
  tally.print();
});
