import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { parseDuration, parseLatency } from '../../../provider/emulator/durations';
import { parseFaultSpec } from '../../../provider/emulator/parse-fault-spec';
import { clearSharedState } from '../../support/shared-state';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { propertyRuns, propertyTimeoutMs } from '../support/reliability-runs';
import { CheckOutputShape, RESULT_SHAPES, shapeProblem, type ReadName } from '../support/result-shapes';
import { within } from '../support/deadline';
import { cliErrorKind, runCli, TYPED_CLI_KINDS } from '../support/run-cli';
import { hostileString, wellFormedId } from './arbitraries';
import { ACCOUNT_QUOTA_TYPES } from './argument-rules';
import { OutcomeTally } from './outcome-tally';
import { METASTUDIO_USER } from './requirement-arbitraries';
import { useSandbox } from './sandbox';

// `hwquota` through its main(argv), with hostile commands, flags and values: every run exits 0, 1 (check: not met) or 2
// with one typed line (`hwquota: <kind>: ...`, never `internal`), prints valid JSON when it prints JSON, sends nothing
// anywhere it was not told to, and leaks no secret even with --debug.

const sandbox = useSandbox();
const dir = mkdtempSync(join(tmpdir(), 'hwquota-reliability-cli-'));
const requirementsFile = join(dir, 'requirements.json');
writeFileSync(requirementsFile, JSON.stringify([{ service: 'kms', type: 'grant_per_CMK', need: 1 }, { service: 'sfs-turbo', type: 'shares', need: 500 }]));
const tally = new OutcomeTally('Hostile CLI flags: outcomes');
afterAll(() => {
  tally.print();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => clearSharedState());

const ENDPOINT_NAMES = ['iam', 'kms', 'sfs-turbo', 'metastudio', 'account', 'project'];
/** Names of Object.prototype members reach an unguarded lookup: their own test is cli-endpoint-prototype-names.test.ts. */
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));
const EMULATOR = '\u0000emulator\u0000';

const mostly = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: hostileString });
const endpointValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('iam', 'kms', 'sfs-turbo', 'metastudio').map((service) => `${service}=${EMULATOR}/${service}/cn-north-4`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ENDPOINT_NAMES), hostileString).map(([name, url]) => `${name}=${url}`) },
  { weight: 1, arbitrary: hostileString.filter((name) => !OBJECT_MEMBERS.has(name.split('=')[0]!)).map((name) => `${name}=http://endpoint.invalid`) },
  { weight: 1, arbitrary: hostileString.filter((value) => !OBJECT_MEMBERS.has(value.split('=')[0]!)) },
);
const VALUES: Record<string, fc.Arbitrary<string>> = {
  '--region': mostly(fc.constantFrom('cn-north-4', 'eu-west-101', 'ap-southeast-1')),
  '--project-id': mostly(fc.oneof(fc.constantFrom('0dea2644dc80d5d22ff1c01e3ebea6fc', '34bdce22bc00d4d4402427d1aa0ae49a'), wellFormedId)),
  '--project-name': mostly(fc.constantFrom('cn-north-4_dev', 'cn-north-4_absent')),
  '--domain-id': mostly(fc.constant('b933a12c403702918e1c1f0c738433a3')),
  '--type': mostly(fc.constantFrom(...ACCOUNT_QUOTA_TYPES)),
  '--user-id': mostly(fc.constant(METASTUDIO_USER)),
  '--endpoint': endpointValue,
  '--output': mostly(fc.constantFrom('json', 'table')),
  '--timeout': mostly(fc.constantFrom('5', '30', '0.5', '0.001', '0', '-1')),
};

/** A flag as people type it: `--flag value`, `--flag=value`, the flag without its value, a switch, or a made-up one. */
function flagsFrom(names: readonly string[]): fc.Arbitrary<string[]> {
  const flag = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...names).chain((name) => VALUES[name]!.chain((value) => fc.constantFrom([name, value], [`${name}=${value}`]))) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((name) => [name]) },
    { weight: 1, arbitrary: fc.constantFrom(['--debug'], ['--help'], ['-h'], ['--']) },
    { weight: 1, arbitrary: hostileString.map((token) => [token]) },
  );
  return fc.array(flag, { maxLength: 5 }).map((flags) => flags.flat());
}

const EMULATOR_FLAGS = ['port', 'host', 'state', 'write-env', 'env-file', 'https', 'latency', 'fault', 'clock-offset', 'lockout', 'help'];

/** A flag value the emulator refuses (checked with its own parsers, so that it never starts serving in this process). */
const emulatorRefusedFlag = fc.oneof(
  hostileString.filter((value) => !(/^\d{1,5}$/.test(value) && Number(value) <= 65_535)).map((value) => ['--port', value]),
  hostileString.filter((value) => parseLatency(value) === undefined).map((value) => ['--latency', value]),
  hostileString.filter((value) => parseDuration(value, { allowNegative: true }) === undefined).map((value) => ['--clock-offset', value]),
  hostileString.filter((value) => parseDuration(value) === undefined).map((value) => ['--lockout', value]),
  hostileString.filter((value) => { try { parseFaultSpec(value); return false; } catch { return true; } }).map((value) => ['--fault', value]),
  fc.constant(['--state', join(dir, 'absent-state.json')]),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((name) => !EMULATOR_FLAGS.includes(name)).map((name) => [`--${name}`]),
);

const command = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(mostly(fc.constantFrom('account', 'project', 'kms', 'sfs-turbo', 'metastudio')), flagsFrom(Object.keys(VALUES))).map(([service, flags]) => ['get', service, ...flags]) },
  { weight: 3, arbitrary: fc.tuple(mostly(fc.constant(requirementsFile)), flagsFrom(['--region', '--endpoint', '--output', '--timeout'])).map(([file, flags]) => ['check', file, ...flags]) },
  // The refused flag comes last, so that no valid value of the same flag overrides it.
  { weight: 1, arbitrary: fc.tuple(emulatorRefusedFlag, fc.array(fc.constantFrom(['--https'], ['--host', '127.0.0.1'], ['--help']), { maxLength: 2 })).map(([refused, others]) => ['emulator', ...others.flat(), ...refused]) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, fc.constantFrom('--help', '-h', '--version', 'get', 'check')), { maxLength: 3 }) },
);

/** Whether argv holds an `--endpoint` this package cannot use (no `SERVICE=`, or a service it does not know). */
function hasUnusableEndpoint(argv: readonly string[]): boolean {
  const values = argv.flatMap((token, index) => (token === '--endpoint' && index + 1 < argv.length ? [argv[index + 1]!] : token.startsWith('--endpoint=') ? [token.slice('--endpoint='.length)] : []));
  return values.some((value) => {
    const equals = value.indexOf('=');
    return equals < 1 || !ENDPOINT_NAMES.includes(value.slice(0, equals));
  });
}

/** Hosts the arguments name as endpoints: requests may go there (through the refusing proxy). */
function namedHosts(argv: readonly string[]): string[] {
  return argv.flatMap((token) => {
    try {
      // `SVC=URL`, or `--endpoint=SVC=URL`: the URL follows the service name and its `=`.
      const value = token.replace(/^--[a-z-]+=/, '');
      const url = new URL(value.slice(value.indexOf('=') + 1));
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.hostname] : [];
    } catch {
      return [];
    }
  });
}

it('hwquota with hostile flags: exit 0, 1 or 2 with a typed error, JSON when JSON, nothing sent elsewhere', { timeout: propertyTimeoutMs(200) }, async () => {
  const prototypes = prototypeSnapshot();
  const { emulator, env } = sandbox();
  await fc.assert(
    fc.asyncProperty(command, async (generated) => {
      const argv = generated.map((token) => token.split(EMULATOR).join(emulator.url));
      const mark = sandbox().mark();
      clearSharedState();
      const run = await within(15_000, `hwquota ${fc.stringify(argv).slice(0, 200)}`, runCli(argv, env));
      const [verb, subject] = argv;
      const helpAsked = argv.some((token) => token.startsWith('-h') || token.includes('help'));

      expect([0, 1, 2]).toContain(run.code);
      if (run.code === 1) expect(verb).toBe('check');
      // `check` prints what it could check beside the entries it could not (named on stderr, and in JSON's `errors`).
      const partialCheck = verb === 'check' && run.code === 2 && run.stdout !== '';
      if (partialCheck) {
        expect(run.stderr).toMatch(/requirements\[\d+\]/);
        if (run.stdout.startsWith('{')) expect((JSON.parse(run.stdout) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
      }
      if (run.code === 2) {
        if (!partialCheck) expect(run.stdout).toBe('');
        if (verb === 'emulator') expect(run.stderr).toMatch(/^hwquota emulator: /);
        // No command at all: the usage, on stderr.
        else if (verb === undefined) expect(run.stderr).toMatch(/^Usage: hwquota <command>/);
        else expect(TYPED_CLI_KINDS, run.stderr.slice(0, 300)).toContain(cliErrorKind(run.stderr));
      }
      // An unusable --endpoint is never ignored (check may find its file unreadable first).
      if (verb !== 'emulator' && hasUnusableEndpoint(argv) && !helpAsked) {
        expect(run.code).toBe(2);
        expect(verb === 'check' ? ['usage', 'invalid-argument'] : ['usage']).toContain(cliErrorKind(run.stderr));
      }
      if ((run.code !== 2 || partialCheck) && run.stdout.startsWith('{')) {
        const printed = JSON.parse(run.stdout) as unknown;
        const shape = verb === 'check' ? CheckOutputShape : RESULT_SHAPES[subject as ReadName];
        expect(shape && shapeProblem(shape, printed)).toBeUndefined();
      }
      expect(run.elapsedMs).toBeLessThan(10_000);
      mark.expectContained(fc.stringify(argv).slice(0, 300), (line) => namedHosts(argv).some((host) => line.includes(host)));
      expectNoSecrets(run.stdout + run.stderr, 'the CLI output');
      expectPrototypesUntouched(prototypes, 'hwquota');
      const named = verb === 'get' || verb === 'check' || verb === 'emulator' ? verb : verb === undefined ? 'no command' : 'other';
      const kind = verb === 'emulator' || verb === undefined ? 'usage' : cliErrorKind(run.stderr);
      tally.add(`${named}: exit ${run.code}${run.code === 2 ? ` ${kind}` : ''}`);
    }),
    propertyRuns(),
  );
});
