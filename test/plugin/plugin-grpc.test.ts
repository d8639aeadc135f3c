import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTA_API_CATALOG } from '../../provider/apis/catalog';
import { QUOTA_APIS } from '../../provider/apis/registry';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { createQuotaClient, type QuotaClient } from '../../provider/quota-client';
import { canonical, UNKNOWN, withoutSecrets } from '../pulumi-runtimes/struct';
import { linkBin, PLUGIN_NAME, PluginProcess, ROOT } from './plugin-process';

// The provider plugin as the engine drives it: the built executable named by package.json's `bin`, started by that
// name with the engine's address, then GetPluginInfo, GetSchema, CheckConfig, Configure and Invoke over gRPC, against the emulator.

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const metaschema = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'pulumi-package-metaschema.json'), 'utf8')) as { $id: string };

const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SIG = '1b47061264138c4ac30d75fd1eb44270';
const secret = (value: unknown) => ({ [SIG_KEY]: SIG, value });
const isSecret = (value: unknown) => !!value && typeof value === 'object' && (value as Record<string, unknown>)[SIG_KEY] === SIG;

const ROOT_AK = 'HPUAEMULATORROOT0001';
const ROOT_SK = 'EmulatorRootSecretKey0000000000000000001';
const USER_AK = 'HPUAEMULATORUSER0001';
const WRONG_SK = 'WrongSecretKeyNeverToBeSeen00000000000042';
const token = (name: string) => `huaweicloud-quotas:index:${name}`;
const functionToken = (method: string) => token(`get${method[0]!.toUpperCase()}${method.slice(1)}`);

let emulator: RunningEmulator;
let library: QuotaClient;
const plugins: PluginProcess[] = [];
let plugin: PluginProcess;
let binDir: string;

/** The plugin's environment: the emulator's endpoints and project, and no credentials (those come from Configure). */
function pluginEnv(): NodeJS.ProcessEnv {
  const { HUAWEICLOUD_SDK_AK: _ak, HUAWEICLOUD_SDK_SK: _sk, ...endpoints } = emulator.env;
  return { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent/hwquota-test/credentials', ...endpoints };
}

async function startPluginProcess(): Promise<PluginProcess> {
  const started = await PluginProcess.start(pluginEnv(), binDir);
  plugins.push(started);
  return started;
}

beforeAll(async () => {
  binDir = linkBin().binDir;
  emulator = await startEmulator();
  library = createQuotaClient({ env: emulator.env, cacheTtlMs: 0 });
  plugin = await startPluginProcess();
});

afterAll(async () => {
  await Promise.all(plugins.map((started) => started.stop()));
  await library?.close();
  await emulator?.stop();
  if (binDir) rmSync(binDir, { recursive: true, force: true });
});

describe('the plugin executable', () => {
  it('is package.json\'s bin, a node script, and prints its port as its first line', () => {
    const bin = manifest.bin[PLUGIN_NAME];
    expect(bin).toBe('dist/plugin/pulumi-resource-huaweicloud-quotas.js');
    expect(readFileSync(join(ROOT, bin!), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(plugin.output().split('\n')[0]).toBe(String(plugin.port));
  });

  it('GetPluginInfo gives the package\'s version', async () => {
    expect(await plugin.pluginInfo()).toBe(manifest.version);
  });
});

describe('GetSchema', () => {
  let schema: {
    name: string;
    version: string;
    language: Record<string, unknown>;
    config: { variables: Record<string, { secret?: boolean; description?: string }> };
    provider: { inputProperties: Record<string, { secret?: boolean }> };
    types: Record<string, unknown>;
    functions: Record<string, { description: string; inputs: { properties: Record<string, { description?: string; secret?: boolean }> }; outputs: { properties: Record<string, unknown> } }>;
  };
  beforeAll(async () => {
    schema = JSON.parse(await plugin.schema()) as typeof schema;
  });

  it('is valid against Pulumi\'s package metaschema, language sections included', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('regex', (text: string) => {
      try {
        new RegExp(text, 'u');
        return true;
      } catch {
        return false;
      }
    });
    ajv.addFormat('uri-reference', true);
    const validate = ajv.compile(metaschema);
    expect(validate(schema), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The metaschema lets `language` be any object; its own definitions say what each language's section holds.
    const languageSpec = ajv.getSchema(`${metaschema.$id}#/$defs/languageSpec`)!;
    expect(languageSpec(schema.language), JSON.stringify(languageSpec.errors, null, 2)).toBe(true);
    expect(Object.keys(schema.language).sort()).toEqual(['csharp', 'go', 'java', 'nodejs', 'python']);
    expect(schema).toMatchObject({ name: 'huaweicloud-quotas', version: manifest.version });
  });

  it('is provider/plugin/schema.json, with the package\'s version', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'provider', 'plugin', 'schema.json'), 'utf8')) as object;
    expect(schema).toEqual({ ...file, version: manifest.version });
  });

  it('has a function per API of the registry, with the definition\'s summary, plus evaluateRequirements', () => {
    expect(Object.keys(schema.functions).sort()).toEqual([...QUOTA_APIS.map((api) => functionToken(api.method)), token('evaluateRequirements')].sort());
    for (const api of QUOTA_APIS) {
      const spec = schema.functions[functionToken(api.method)]!;
      expect(spec.description).toContain(api.summary);
      for (const type of Object.keys(api.quotaTypes)) expect(spec.description).toContain(`\`${type}\``);
      for (const [name, property] of Object.entries(spec.inputs.properties)) expect(property.description, `${api.name}.${name}`).toBeTruthy();
      expect(Object.keys(spec.inputs.properties)).toEqual(expect.arrayContaining(['region', 'accessKey', 'secretKey', ...Object.keys(api.args)]));
      expect(spec.inputs.properties.secretKey!.secret).toBe(true);
      expect(Object.keys(spec.outputs.properties)).toEqual(expect.arrayContaining(api.perUser ? ['users', 'count'] : ['resources']));
    }
    // Every type named is defined.
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/types\/([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(schema.types, ref).toHaveProperty([ref]);
  });

  it('declares the provider\'s settings, the secret ones marked secret', () => {
    const names = ['region', 'accessKey', 'secretKey', 'securityToken', 'authToken', 'cloud', 'endpoints', 'projectId', 'projectName', 'domainId'];
    for (const section of [schema.config.variables, schema.provider.inputProperties]) {
      expect(Object.keys(section).sort()).toEqual([...names].sort());
      const secrets = Object.entries(section).filter(([, spec]) => spec.secret).map(([name]) => name);
      expect(secrets.sort()).toEqual(['authToken', 'secretKey', 'securityToken']);
    }
  });
});

describe('CheckConfig and Configure', () => {
  it('CheckConfig fails a bad region, naming it, and an unknown setting with its likely name', async () => {
    const { failures } = await plugin.checkConfig({ region: 'Mars-1', regoin: 'cn-north-4', secretKey: secret(42) });
    expect(failures).toEqual([
      { property: 'region', reason: expect.stringMatching(/^must be a Huawei Cloud region ID such as cn-north-4 or eu-west-101; got "Mars-1"$/) },
      { property: 'regoin', reason: expect.stringMatching(/^unknown setting "regoin" \(did you mean "region"\?\)/) },
      { property: 'secretKey', reason: 'must be a string' },
    ]);
  });

  it('CheckConfig passes good settings, the secret ones marked secret', async () => {
    const endpoints = JSON.stringify({ kms: 'http://127.0.0.1:1/kms' });
    const { inputs, failures } = await plugin.checkConfig({ region: 'eu-west-101', accessKey: USER_AK, secretKey: WRONG_SK, endpoints });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ region: 'eu-west-101', accessKey: USER_AK, secretKey: secret(WRONG_SK), endpoints });
    // An explicit provider's endpoints may come as an object, as a language sends it.
    expect((await plugin.checkConfig({ endpoints: { kms: 'http://127.0.0.1:1/kms' } })).failures).toEqual([]);
    expect((await plugin.checkConfig({ endpoints: { kms: 42 } })).failures).toEqual([{ property: 'endpoints', reason: expect.stringMatching(/must be a JSON object of service name to URL/) }]);
  });

  it('CheckConfig leaves a setting not known yet (preview) as it is', async () => {
    const { inputs, failures } = await plugin.checkConfig({ region: UNKNOWN, accessKey: USER_AK });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ region: UNKNOWN, accessKey: USER_AK });
  });

  it('Configure fails a bad setting with a message naming it', async () => {
    const error = await plugin.failure(plugin.configure({ region: 'cn-north-4', endpoints: '[1]' }));
    expect(error.details).toMatch(/^endpoints: must be a JSON object of service name to URL/);
  });

  it('Configure takes settings and secrets (args, as the engine sends them), and Invoke reads with them', async () => {
    // Before Configure, the plugin has no credentials: the environment has none.
    const before = await plugin.failure(plugin.invoke(functionToken('kmsQuotas')));
    expect(before.details).toMatch(/credential/i);
    const response = await plugin.configure({ region: 'cn-north-4', accessKey: ROOT_AK, secretKey: ROOT_SK }, { region: 'cn-north-4', accessKey: ROOT_AK, secretKey: secret(ROOT_SK) });
    expect(response.getAcceptsecrets()).toBe(true);
    const { result, failures } = await plugin.invoke(functionToken('kmsQuotas'));
    expect(failures).toEqual([]);
    expect(result).toEqual(JSON.parse(JSON.stringify(await library.read('kms'))));
  });

  it('DiffConfig: a change of settings is an update, never a replacement; secrecy alone is no change', async () => {
    expect(await plugin.diffConfig({ region: 'cn-north-4', secretKey: ROOT_SK }, { secretKey: secret(ROOT_SK), region: 'cn-north-4' })).toBe('none');
    expect(await plugin.diffConfig({ region: 'cn-north-4' }, { region: 'eu-west-101' })).toBe('some');
  });

  it('with no Configure, the engine\'s PULUMI_CONFIG and the environment\'s credentials are used, as the library uses them', async () => {
    const started = await PluginProcess.start({ ...pluginEnv(), ...emulator.env, PULUMI_CONFIG: JSON.stringify({ region: 'eu-west-101' }) }, binDir);
    plugins.push(started);
    const { result } = await started.invoke(functionToken('kmsQuotas'));
    expect(result).toEqual(JSON.parse(JSON.stringify(await library.read('kms', { region: 'eu-west-101' }))));
  });

  it('an explicit provider\'s settings (variables only) give its region', async () => {
    const eu = await startPluginProcess();
    expect((await eu.checkConfig({ region: 'eu-west-101' })).failures).toEqual([]);
    await eu.configure({ region: 'eu-west-101', accessKey: ROOT_AK, secretKey: ROOT_SK });
    const { result } = await eu.invoke(functionToken('kmsQuotas'));
    expect(result.region).toBe('eu-west-101');
    expect(result).toEqual(JSON.parse(JSON.stringify(await library.read('kms', { region: 'eu-west-101' }))));
  });
});

describe('Invoke', () => {
  it.each(QUOTA_API_CATALOG.map((entry) => [entry.name, entry.method] as const))('%s: the same result as the library', async (name, method) => {
    const { result, failures } = await plugin.invoke(functionToken(method));
    expect(failures).toEqual([]);
    expect(canonical(result)).toBe(canonical(JSON.parse(JSON.stringify(await library.read(name)))));
  });

  it('with arguments: a sub-project by name, one type, one user', async () => {
    for (const [name, method, args] of [
      ['kms', 'kmsQuotas', { projectName: 'cn-north-4_dev' }],
      ['vpc', 'vpcQuotas', { type: 'vpc', region: 'cn-north-4' }],
      ['account', 'accountQuotas', { type: 'user' }],
    ] as const) {
      const { result } = await plugin.invoke(functionToken(method), args);
      expect(canonical(result), name).toBe(canonical(JSON.parse(JSON.stringify(await library.read(name, args as never)))));
    }
    const { users } = await library.read('metastudio');
    const userId = users[7]!.userId;
    const { result } = await plugin.invoke(functionToken('metaStudioUserQuotas'), { userId });
    expect(canonical(result)).toBe(canonical(JSON.parse(JSON.stringify(await library.read('metastudio', { userId })))));
  });

  it('evaluateRequirements: the same checks as the library, unmet ones included', async () => {
    const requirements = [
      { service: 'kms', type: 'CMK', need: 1 },
      { service: 'kms', type: 'CMK', need: 1, region: 'eu-west-101' },
      { service: 'ecs', type: 'cores', need: 4 },
      { service: 'account', type: 'user', need: 2 },
    ];
    const { result, failures } = await plugin.invoke(token('evaluateRequirements'), { requirements });
    expect(failures).toEqual([]);
    const checks = JSON.parse(JSON.stringify(await library.evaluate(requirements as never))) as { met: boolean }[];
    expect(canonical(result)).toBe(canonical({ checks }));
    expect(checks.some((check) => !check.met)).toBe(true);
  });

  it('bad arguments: failures naming each field', async () => {
    expect((await plugin.invoke(functionToken('kmsQuotas'), { region: 'nowhere' })).failures).toEqual([
      { property: 'region', reason: expect.stringMatching(/must be a Huawei Cloud region ID/) },
    ]);
    expect((await plugin.invoke(functionToken('kmsQuotas'), { regoin: 'cn-north-4' })).failures).toEqual([{ property: 'regoin', reason: 'unknown argument "regoin"' }]);
    expect((await plugin.invoke(functionToken('accountQuotas'), { type: 'users' })).failures).toEqual([{ property: 'type', reason: expect.stringContaining("'user'") }]);
    expect((await plugin.invoke(functionToken('kmsQuotas'), { secretKey: 42 })).failures).toEqual([{ property: 'secretKey', reason: 'must be a string' }]);
    const evaluate = await plugin.invoke(token('evaluateRequirements'), { requirements: [{ service: 'kms', type: 'CMK', need: -1 }, { service: 'kms', type: 'CMKs', need: 1 }] });
    expect(evaluate.failures.map((failure) => failure.property)).toEqual(['requirements[0].need', 'requirements[1].type']);
    expect((await plugin.invoke(token('evaluateRequirements'), {})).failures).toEqual([{ property: 'requirements', reason: expect.stringMatching(/^is required/) }]);
  });

  it('an unknown token: an error naming it and the likely one', async () => {
    const error = await plugin.failure(plugin.invoke(token('getKmsQuota')));
    expect(error.code).toBe(3); // INVALID_ARGUMENT
    expect(error.details).toMatch(/^unknown function "huaweicloud-quotas:index:getKmsQuota" \(did you mean "huaweicloud-quotas:index:getKmsQuotas"\?\)/);
  });

  it('secret inputs are unwrapped, and make every result property secret', async () => {
    const { result } = await plugin.invoke(functionToken('kmsQuotas'), { projectName: secret('cn-north-4_dev') });
    expect(Object.keys(result).length).toBeGreaterThan(0);
    for (const value of Object.values(result)) expect(isSecret(value)).toBe(true);
    expect(withoutSecrets(result)).toEqual(JSON.parse(JSON.stringify(await library.read('kms', { projectName: 'cn-north-4_dev' }))));
    // Credentials given to the function itself, as secrets, over the provider's.
    const own = await plugin.invoke(functionToken('vpcQuotas'), { accessKey: ROOT_AK, secretKey: secret(ROOT_SK) });
    expect(isSecret(own.result.resources)).toBe(true);
    const plain = await plugin.invoke(functionToken('vpcQuotas'));
    expect(isSecret(plain.result.resources)).toBe(false);
  });

  it('a service failure is a clean message, without the secret key', async () => {
    const error = await plugin.failure(plugin.invoke(functionToken('kmsQuotas'), { accessKey: USER_AK, secretKey: secret(WRONG_SK) }));
    expect(error.details).toMatch(/^APIGW\.0301: .*credentials sent: access key HPUAEMULATORUSER0001 from function arguments accessKey and secretKey$/s);
    expect(error.details).not.toMatch(/\n\s+at /);
    // Configured credentials are named as the stack config keys a user sets.
    const configured = await startPluginProcess();
    await configured.configure({ region: 'cn-north-4', accessKey: USER_AK, secretKey: WRONG_SK }, { region: 'cn-north-4', accessKey: USER_AK, secretKey: secret(WRONG_SK) });
    const fromConfig = await configured.failure(configured.invoke(functionToken('kmsQuotas')));
    expect(fromConfig.details).toMatch(/^APIGW\.0301: .*from provider settings huaweicloud-quotas:accessKey and huaweicloud-quotas:secretKey$/s);
  });
});

it('no secret appears in any response or in the plugin\'s output', () => {
  const texts = [...plugins.flatMap((started) => started.responses), ...plugins.map((started) => started.output())];
  expect(texts.length).toBeGreaterThan(20);
  for (const text of texts) {
    for (const secretText of [ROOT_SK, WRONG_SK]) expect(text).not.toContain(secretText);
  }
});
