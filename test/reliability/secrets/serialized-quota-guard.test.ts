import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../provider/emulator';
import { environmentWithSecrets } from '../support/credential-modes';
import { emulatorEndpoints } from '../support/data-source-read';
import { AUTH_TOKEN, expectNoSecrets, SECRETS, SECURITY_TOKEN, TEMPORARY_SECRET_KEY } from '../support/recognisable-secrets';
import { reliabilityState, TEMPORARY_ACCESS_KEY } from '../support/reliability-state';

// The QuotaGuard provider as the engine keeps it: serialized into the state by Pulumi's closure serializer, from the
// built package in a plain Node process (under the test runner's module transform the serializer would see other
// code), after configure() was handed every credential in stack config and with every secret in the environment.
// Neither the text, nor what check() and create() return, nor the inputs a program registers hold one.

const root = join(__dirname, '..', '..', '..');
const FITS = { requirements: [{ service: 'kms', type: 'grant_per_CMK', need: 10 }] };
const SHORT = { requirements: [{ service: 'kms', type: 'CMK', need: 3 }] };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ state: reliabilityState() });
});
afterAll(() => emulator.stop());

const SCRIPT = `
  const pulumi = require('@pulumi/pulumi');
  const requireFromString = require('require-from-string');
  const { quotaGuardProvider, QuotaGuard } = require('pulumi-huaweicloud-quotas');
  const [configJson, fitsJson, shortJson, loadPath] = process.argv.slice(1);
  const config = { get: (key) => JSON.parse(configJson)[key], require: (key) => JSON.parse(configJson)[key] };
  (async () => {
    await quotaGuardProvider.configure({ config });
    const serialized = await pulumi.runtime.serializeFunction(() => quotaGuardProvider, { allowSecrets: true });
    const provider = requireFromString(serialized.text, loadPath)[serialized.exportName]();
    await provider.configure({ config });
    const fits = await provider.check({}, JSON.parse(fitsJson));
    const short = await provider.check({}, JSON.parse(shortJson));
    const created = await provider.create(JSON.parse(fitsJson));
    const registered = [];
    await pulumi.runtime.setMocks({ newResource: (args) => { registered.push(args.inputs); return { id: args.name + '-id', state: args.inputs }; }, call: (args) => args.inputs }, 'reliability', 'dev', false);
    const guard = new QuotaGuard('headroom', JSON.parse(fitsJson));
    await new Promise((resolve) => guard.urn.apply(resolve));
    process.stdout.write(JSON.stringify({ text: serialized.text, fits, short, created, registered }));
  })().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
`;

it('the serialized provider, its verdicts and the registered inputs hold no secret', { timeout: 60_000 }, async () => {
  const config = {
    'huaweicloud-quotas:accessKey': TEMPORARY_ACCESS_KEY,
    'huaweicloud-quotas:secretKey': TEMPORARY_SECRET_KEY,
    'huaweicloud-quotas:securityToken': SECURITY_TOKEN,
    'huaweicloud:token': AUTH_TOKEN,
    'huaweicloud-quotas:region': 'cn-north-4',
    'huaweicloud-quotas:endpoints': JSON.stringify(emulatorEndpoints(emulator)),
  };
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['-e', SCRIPT, JSON.stringify(config), JSON.stringify(FITS), JSON.stringify(SHORT), join(root, 'serialized-quota-guard.js')],
    { cwd: root, env: { PATH: process.env.PATH, ...environmentWithSecrets(emulator) }, maxBuffer: 64 * 1024 * 1024 },
  );
  const { text, fits, short, created, registered } = JSON.parse(stdout) as {
    text: string;
    fits: { failures?: unknown[] };
    short: { failures: { reason: string }[] };
    created: { outs: { checks: { met: boolean }[] } };
    registered: Record<string, unknown>[];
  };
  // It really ran, with those credentials, against the emulator.
  expect(fits.failures).toBeUndefined();
  expect(short.failures[0]!.reason).toMatch(/short for 1 of 1 requirement:[\s\S]*SHORT/);
  expect(created.outs.checks).toEqual([expect.objectContaining({ met: true })]);
  const provider = registered.find((inputs) => typeof inputs.__provider === 'string');
  expect(provider).toBeDefined();

  expectNoSecrets(text, 'the serialized provider');
  expectNoSecrets({ fits, short, created, registered }, 'the verdicts and registered inputs');
  expectNoSecrets(stderr, 'stderr');
  // A figure for the README: the text is small, and every secret was around to be captured.
  console.log(`serialized QuotaGuard provider: ${text.length} characters, ${SECRETS.length} recognisable secrets absent`);
  expect(text.length).toBeLessThan(50_000);
});
