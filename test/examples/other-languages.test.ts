import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startEmulator, type RunningEmulator } from '../../provider/emulator';
import { withoutSecrets, type Properties } from '../pulumi-runtimes/struct';
import { PLUGIN_NAME, PluginProcess, ROOT } from '../plugin/plugin-process';

// The examples for the languages other than TypeScript (examples/yaml, examples/python) cannot run here: no Pulumi CLI,
// no PyPI. What can be checked is checked: the YAML parses and names only what the plugin's schema has (functions,
// their arguments, the fields its outputs read, the provider and its settings), the Python compiles and calls only
// the functions and arguments the SDK generated from the schema has, and the YAML's invokes, sent to the built plugin
// started from the folder the YAML's `plugins` entry names, answer with what its outputs read.

const PACKAGE = 'huaweicloud-quotas';
const PROVIDER_TYPE = `pulumi:providers:${PACKAGE}`;
const yamlDir = join(ROOT, 'examples', 'yaml');
const pythonDir = join(ROOT, 'examples', 'python');

interface SchemaProperty {
  type?: string;
  $ref?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
}
interface ObjectSpec {
  properties?: Record<string, SchemaProperty>;
  required?: string[];
}
interface Schema {
  name: string;
  language: { python: { packageName: string } };
  provider: { inputProperties: Record<string, SchemaProperty> };
  functions: Record<string, { inputs?: ObjectSpec; outputs: ObjectSpec }>;
  types: Record<string, ObjectSpec>;
}
const schema = JSON.parse(readFileSync(join(ROOT, 'provider', 'plugin', 'schema.json'), 'utf8')) as Schema;

/** Files under `dir` (node_modules and generated SDKs left out) whose names end with one of `extensions`. */
function filesUnder(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'sdks', 'venv', '__pycache__'].includes(entry.name) ? [] : filesUnder(path, extensions);
    return extensions.some((extension) => entry.name.endsWith(extension)) ? [path] : [];
  });
}

/** An object type of the schema, by `$ref`. */
function typeOf(ref: string): ObjectSpec {
  const spec = schema.types[ref.replace('#/types/', '')];
  if (!spec) throw new Error(`the schema has no type ${ref}`);
  return spec;
}

/** A function's token without its package and module: `huaweicloud-quotas:index:getKmsQuotas` → `getKmsQuotas`. */
const functionName = (token: string) => token.split(':')[2]!;
/** The name Pulumi's Python code generator gives a camelCase name: `getSfsTurboQuotas` → `get_sfs_turbo_quotas`. */
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

// --- YAML ---------------------------------------------------------------------------------------------------------

interface Invoke {
  where: string;
  function: string;
  arguments?: Record<string, unknown>;
  options?: { provider?: unknown };
  return?: string;
}

/** Every `fn::invoke` in a YAML document, with where it is. */
function invokesIn(value: unknown, where: string): Invoke[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => invokesIn(item, `${where}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    key === 'fn::invoke' ? [{ where, ...(item as Omit<Invoke, 'where'>) }, ...invokesIn(item, `${where}.${key}`)] : invokesIn(item, `${where}.${key}`),
  );
}

/** What `${name}` stands for, when a whole value is one reference. */
const reference = (value: unknown) => (typeof value === 'string' ? /^\$\{([A-Za-z_][\w-]*)\}$/.exec(value)?.[1] : undefined);

/** Checks an argument value against a schema property: object types field by field, and what is required. */
function checkValue(value: unknown, property: SchemaProperty, where: string, problems: string[]): void {
  if (reference(value)) return;
  if (property.$ref) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${where}: an object is expected`);
    checkObject(value as Record<string, unknown>, typeOf(property.$ref), where, problems);
  } else if (property.type === 'array') {
    if (!Array.isArray(value)) return void problems.push(`${where}: a list is expected`);
    value.forEach((item, index) => checkValue(item, property.items!, `${where}[${index}]`, problems));
  }
}

function checkObject(value: Record<string, unknown>, spec: ObjectSpec, where: string, problems: string[]): void {
  const properties = spec.properties ?? {};
  for (const [key, item] of Object.entries(value)) {
    if (!properties[key]) problems.push(`${where}.${key}: not a property in the schema (it has ${Object.keys(properties).join(', ')})`);
    else checkValue(item, properties[key], `${where}.${key}`, problems);
  }
  for (const key of spec.required ?? []) if (!(key in value)) problems.push(`${where}: ${key} is required`);
}

/** A reference path such as `kms.resources[0].headroom` as its steps: `['kms', 'resources', 0, 'headroom']`. */
function pathSteps(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
}

/** Walks the schema along `steps` from a function's outputs; returns a problem, or undefined when every step exists. */
function schemaPathProblem(spec: ObjectSpec, steps: (string | number)[]): string | undefined {
  let current: SchemaProperty | ObjectSpec = spec;
  for (const step of steps) {
    if ('$ref' in current && current.$ref) current = typeOf(current.$ref);
    if (typeof step === 'number') {
      const list = current as SchemaProperty;
      if (list.type !== 'array' || !list.items) return `[${step}] on something that is not a list`;
      current = list.items;
    } else {
      const property: SchemaProperty | undefined = (current as ObjectSpec).properties?.[step];
      if (!property) return `${step} is not a property (it has ${Object.keys((current as ObjectSpec).properties ?? {}).join(', ')})`;
      current = property;
    }
  }
  return undefined;
}

/** The invoke's result as the YAML sees it: the whole result, or the one field `return` names. */
function returnSpec(invoke: Invoke): ObjectSpec | SchemaProperty {
  const outputs = schema.functions[invoke.function]!.outputs;
  return invoke.return ? outputs.properties![invoke.return]! : outputs;
}

interface YamlProgram {
  name: string;
  runtime: string | { name: string };
  plugins?: { providers?: { name: string; path: string }[] };
  config?: Record<string, { default?: unknown }>;
  resources?: Record<string, { type: string; properties?: Record<string, unknown> }>;
  variables?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
const yamlFiles = filesUnder(yamlDir, ['.yaml', '.yml']);
const programs = yamlFiles.map((file) => ({ file: relative(ROOT, file), program: parse(readFileSync(file, 'utf8')) as YamlProgram }));

/** Each output that reads an invoke's result, as the variable's invoke and the steps read after it. */
function outputReads(program: YamlProgram): { output: string; variable: string; invoke: Invoke; steps: (string | number)[] }[] {
  const invokes = new Map(Object.entries(program.variables ?? {}).flatMap(([name, value]) => {
    const invoke = (value as Record<string, unknown> | null)?.['fn::invoke'] as Omit<Invoke, 'where'> | undefined;
    return invoke ? [[name, { where: `variables.${name}`, ...invoke }] as const] : [];
  }));
  return Object.entries(program.outputs ?? {}).flatMap(([output, value]) =>
    [...String(value).matchAll(/\$\{([^}]+)\}/g)].flatMap((match) => {
      const [variable, ...steps] = pathSteps(match[1]!);
      const invoke = invokes.get(String(variable));
      return invoke ? [{ output, variable: String(variable), invoke, steps }] : [];
    }),
  );
}

describe('examples/yaml', () => {
  it('has a Pulumi YAML program that calls the plugin\'s functions with fn::invoke, and a README that says it is not run here', () => {
    expect(programs.map(({ file }) => file)).toContain(join('examples', 'yaml', 'Pulumi.yaml'));
    const main = programs.find(({ file }) => file === join('examples', 'yaml', 'Pulumi.yaml'))!.program;
    expect(main.runtime).toBe('yaml');
    const tokens = invokesIn(main, 'Pulumi.yaml').map((invoke) => invoke.function);
    expect(tokens).toContain(`${PACKAGE}:index:getKmsQuotas`);
    expect(tokens).toContain(`${PACKAGE}:index:evaluateRequirements`);
    expect(readFileSync(join(yamlDir, 'README.md'), 'utf8')).toMatch(/not run here|cannot be run here|cannot run here/i);
  });

  it.each(yamlFiles.map((file) => relative(ROOT, file)))('%s parses as YAML', (file) => {
    expect(() => parse(readFileSync(join(ROOT, file), 'utf8'))).not.toThrow();
  });

  it('declares the plugin as a project plugin whose folder is where npm links the package\'s executable', () => {
    for (const { file, program } of programs) {
      if (!invokesIn(program, file).length) continue;
      const declared = program.plugins?.providers?.find((plugin) => plugin.name === PACKAGE);
      expect(declared, `${file}: plugins.providers has ${PACKAGE}`).toBeDefined();
      // The engine looks for `pulumi-resource-<name>` in that folder (sdk/go/common/workspace/plugins.go, getPluginPath).
      expect(declared!.path).toBe('./node_modules/.bin');
      const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
      expect(Object.keys(manifest.bin)).toContain(`pulumi-resource-${PACKAGE}`);
      const project = JSON.parse(readFileSync(join(yamlDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      expect(resolve(yamlDir, project.dependencies['pulumi-huaweicloud-quotas']!.replace(/^file:/, ''))).toBe(ROOT);
      expect(project.dependencies['@pulumi/pulumi']).toBeDefined();
      expect(readFileSync(join(yamlDir, '.npmrc'), 'utf8')).toMatch(/^install-links=true$/m);
    }
  });

  it('names only functions the schema has, with arguments that are the functions\' inputs', () => {
    const problems: string[] = [];
    let count = 0;
    for (const { file, program } of programs) {
      for (const invoke of invokesIn(program, file)) {
        count += 1;
        const where = `${invoke.where} (${invoke.function})`;
        const fn = schema.functions[invoke.function];
        if (!fn) {
          problems.push(`${where}: the schema has no function ${invoke.function}`);
          continue;
        }
        checkObject(invoke.arguments ?? {}, fn.inputs ?? {}, `${where} arguments`, problems);
        if (invoke.return && !fn.outputs.properties?.[invoke.return]) problems.push(`${where}: return ${invoke.return} is not an output of the function`);
        if (invoke.options?.provider !== undefined) {
          const name = reference(invoke.options.provider);
          if (program.resources?.[name ?? '']?.type !== PROVIDER_TYPE) problems.push(`${where}: options.provider is not a ${PROVIDER_TYPE} resource`);
        }
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('declares this package\'s resources only as its provider, with the provider\'s settings', () => {
    const problems: string[] = [];
    for (const { file, program } of programs) {
      for (const [name, resource] of Object.entries(program.resources ?? {})) {
        if (!resource.type.startsWith(`${PACKAGE}:`) && !resource.type.endsWith(`:${PACKAGE}`)) continue;
        if (resource.type !== PROVIDER_TYPE) problems.push(`${file} resources.${name}: the schema has no resource ${resource.type}`);
        else checkObject(resource.properties ?? {}, { properties: schema.provider.inputProperties }, `${file} resources.${name}.properties`, problems);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads in its outputs only fields the functions\' results have', () => {
    const problems: string[] = [];
    let count = 0;
    for (const { file, program } of programs) {
      for (const read of outputReads(program)) {
        count += 1;
        const problem = schemaPathProblem(returnSpec(read.invoke) as ObjectSpec, read.steps);
        if (problem) problems.push(`${file} outputs.${read.output}: ${read.variable}: ${problem}`);
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

// --- The YAML's invokes, through the plugin -------------------------------------------------------------------------

/** A value of the YAML with `${config}` references replaced by the config's defaults. */
function resolveConfig(value: unknown, config: Record<string, { default?: unknown }>): unknown {
  const name = reference(value);
  if (name !== undefined) {
    if (!config[name] || config[name].default === undefined) throw new Error(`\${${name}} is not a config value with a default`);
    return config[name].default;
  }
  if (Array.isArray(value)) return value.map((item) => resolveConfig(item, config));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveConfig(item, config)]));
  return value;
}

/** The value at `steps` in a result. */
function read(value: unknown, steps: (string | number)[]): unknown {
  return steps.reduce<unknown>((current, step) => (current as Record<string | number, unknown> | undefined)?.[step], value);
}

describe('examples/yaml through the plugin, as the engine would run it', () => {
  let emulator: RunningEmulator;
  let project: string;
  const plugins: PluginProcess[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    // The example's folder after `npm install`: its Pulumi.yaml, and the package's executable linked into
    // node_modules/.bin, executable, as npm links a package's bins.
    project = mkdtempSync(join(tmpdir(), 'hwquota-yaml-example-'));
    execFileSync('cp', [join(yamlDir, 'Pulumi.yaml'), project]);
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    symlinkSync(join(ROOT, manifest.bin[PLUGIN_NAME]!), join(project, 'node_modules', '.bin', PLUGIN_NAME));
  });

  afterAll(async () => {
    await Promise.all(plugins.map((plugin) => plugin.stop()));
    await emulator?.stop();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('answers each fn::invoke with its arguments, and the results have what the outputs read', { timeout: 60_000 }, async () => {
    const program = parse(readFileSync(join(project, 'Pulumi.yaml'), 'utf8')) as YamlProgram;
    // Where the engine looks for the plugin: the folder of the project's `plugins` entry, relative to the project.
    const folder = resolve(project, program.plugins!.providers!.find((plugin) => plugin.name === PACKAGE)!.path);
    expect(existsSync(join(folder, PLUGIN_NAME))).toBe(true);
    const env = { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent/hwquota-test/credentials', ...emulator.env };

    // The default provider, configured from the stack's settings (`pulumi config set huaweicloud-quotas:region ...`).
    const defaultProvider = await PluginProcess.start(env, folder);
    plugins.push(defaultProvider);
    await defaultProvider.configure({ region: 'cn-north-4' }, { region: 'cn-north-4' });
    // Each explicit provider resource: one plugin process, checked and configured with the resource's properties.
    const providers = new Map<string, PluginProcess>();
    for (const [name, resource] of Object.entries(program.resources ?? {})) {
      if (resource.type !== PROVIDER_TYPE) continue;
      const explicit = await PluginProcess.start(env, folder);
      plugins.push(explicit);
      const properties = resolveConfig(resource.properties ?? {}, program.config ?? {}) as Properties;
      expect((await explicit.checkConfig(properties)).failures).toEqual([]);
      await explicit.configure(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])), properties);
      providers.set(name, explicit);
    }

    const results = new Map<string, unknown>();
    for (const [name, value] of Object.entries(program.variables ?? {})) {
      const invoke = (value as Record<string, unknown> | null)?.['fn::invoke'] as Omit<Invoke, 'where'> | undefined;
      if (!invoke) continue;
      const providerName = reference(invoke.options?.provider);
      const plugin = providerName ? providers.get(providerName)! : defaultProvider;
      const { result, failures } = await plugin.invoke(invoke.function, resolveConfig(invoke.arguments ?? {}, program.config ?? {}) as Properties);
      expect(failures, `${name}: ${invoke.function}`).toEqual([]);
      results.set(name, withoutSecrets(invoke.return ? result[invoke.return] : result));
    }
    expect(results.size).toBeGreaterThan(0);

    const reads = outputReads(program);
    expect(reads.length).toBeGreaterThan(0);
    for (const { output, variable, steps } of reads) {
      const value = read(results.get(variable), steps);
      expect(value, `outputs.${output}: ${variable}.${steps.join('.')} in ${JSON.stringify(results.get(variable))}`).not.toBeUndefined();
    }
    // What the emulator's built-in state holds: 20 of 20 KMS keys used, so 3 more do not fit; the EU provider read EU.
    const kms = results.get('kms') as { region: string; resources: { type: string; quota: number; used: number }[] };
    expect(kms.region).toBe('cn-north-4');
    expect(kms.resources).toContainEqual(expect.objectContaining({ type: 'CMK', quota: 20, used: 20 }));
    const checks = results.get('preflight') as { met: boolean; shortfall: number }[];
    expect(checks[0]).toMatchObject({ met: false, shortfall: 3 });
    expect(Array.isArray(results.get('euKmsResources'))).toBe(true);
  });
});

// --- Python ---------------------------------------------------------------------------------------------------------

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
const pythonFiles = filesUnder(pythonDir, ['.py']);

/** Python's own parser lists the calls of the SDK module (by the name it is imported as) and their keyword names. */
const LIST_CALLS = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1]).read())
aliases = {}
for node in ast.walk(tree):
    if isinstance(node, ast.Import):
        for name in node.names:
            aliases[name.asname or name.name] = name.name
calls = []
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id in aliases:
        calls.append({"module": aliases[node.func.value.id], "name": node.func.attr, "keywords": [k.arg for k in node.keywords], "line": node.lineno})
print(json.dumps({"imports": sorted(set(aliases.values())), "calls": calls}))
`;

describe('examples/python', () => {
  it('has a Python program, a requirements.txt and a README that says it is not run here', () => {
    expect(pythonFiles.map((file) => relative(pythonDir, file))).toContain('__main__.py');
    expect(existsSync(join(pythonDir, 'requirements.txt'))).toBe(true);
    expect((parse(readFileSync(join(pythonDir, 'Pulumi.yaml'), 'utf8')) as YamlProgram).plugins?.providers?.[0]).toEqual({ name: PACKAGE, path: './node_modules/.bin' });
    expect(readFileSync(join(pythonDir, 'README.md'), 'utf8')).toMatch(/not run here|cannot be run here|cannot run here/i);
  });

  it.skipIf(!hasPython).each(pythonFiles.map((file) => relative(ROOT, file)))('%s compiles (python3 -m py_compile)', (file) => {
    // The byte code goes to a temporary folder, not into examples/.
    const cache = mkdtempSync(join(tmpdir(), 'hwquota-pycache-'));
    try {
      const compiled = spawnSync('python3', ['-m', 'py_compile', join(ROOT, file)], { encoding: 'utf8', env: { PATH: process.env.PATH, PYTHONPYCACHEPREFIX: cache } });
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasPython)('calls only functions the schema has (snake_case, or their _output form), with their inputs as arguments', () => {
    const module = schema.language.python.packageName;
    const byName = new Map(Object.entries(schema.functions).flatMap(([token, fn]) => {
      const name = snake(functionName(token));
      return [[name, fn.inputs ?? {}], [`${name}_output`, fn.inputs ?? {}]] as const;
    }));
    byName.set('Provider', { properties: schema.provider.inputProperties });
    const problems: string[] = [];
    let count = 0;
    for (const file of pythonFiles) {
      const listed = spawnSync('python3', ['-c', LIST_CALLS, file], { encoding: 'utf8' });
      expect(listed.status, listed.stderr).toBe(0);
      const { imports, calls } = JSON.parse(listed.stdout) as { imports: string[]; calls: { module: string; name: string; keywords: (string | null)[]; line: number }[] };
      expect(imports, relative(ROOT, file)).toContain(module);
      for (const call of calls.filter((call) => call.module === module)) {
        count += 1;
        const where = `${relative(ROOT, file)}:${call.line} ${call.name}`;
        const inputs = byName.get(call.name);
        if (!inputs) {
          problems.push(`${where}: the schema has no function that generates ${call.name}`);
          continue;
        }
        const allowed = new Set([...Object.keys(inputs.properties ?? {}).map(snake), 'opts', ...(call.name === 'Provider' ? ['resource_name'] : [])]);
        for (const keyword of call.keywords) if (keyword && !allowed.has(keyword)) problems.push(`${where}: ${keyword} is not an input (${[...allowed].join(', ')})`);
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it.runIf(!hasPython)('skips the Python checks: python3 is not on PATH', () => {
    console.warn('examples/python: python3 is missing, so the py_compile and function-name checks were skipped');
  });
});
