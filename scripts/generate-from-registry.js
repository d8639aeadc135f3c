#!/usr/bin/env node
// Writes what is derived from the quota API definitions (provider/apis/*.ts, each a `defineQuotaApi(...)`):
// the registry that lists them, the Pulumi data sources (getX, getXOutput and their Args and Result types), and the
// README's API and function tables and the `--help` blocks it shows. `--check` writes nothing and exits 1 when a file is not what it would write
// (test/apis/registry.test.ts runs it). Run it after adding or changing a definition: `npm run generate`.
'use strict';
const { readFileSync, readdirSync, writeFileSync, rmSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { requireTypeScript } = require('./require-typescript');

const root = join(__dirname, '..');
const apisDir = join(root, 'provider', 'apis');
const functionsDir = join(root, 'provider', 'pulumi', 'functions');
const HEADER = '// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.\n';

/** Definition files and the constant each exports, found by their `export const x = defineQuotaApi(` line. */
function findDefinitions() {
  return readdirSync(apisDir)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .flatMap((file) => {
      const match = /^export const (\w+) = defineQuotaApi\(/m.exec(readFileSync(join(apisDir, file), 'utf8'));
      return match ? [{ file: file.replace(/\.ts$/, ''), constant: match[1] }] : [];
    });
}

function registrySource(definitions) {
  const imports = definitions.map(({ file, constant }) => `import { ${constant} } from './${file}';\n`).join('');
  const list = definitions.map(({ constant }) => constant).join(', ');
  return `${HEADER}${imports}\n/** Every quota API this package reads, by file name. */\nexport const QUOTA_APIS = [${list}] as const;\n`;
}

/** The registry and scope shapes, from the TypeScript sources as they are. */
function loadRegistry() {
  return {
    apis: requireTypeScript(join(apisDir, 'registry.ts')).QUOTA_APIS,
    scopeShapes: requireTypeScript(join(apisDir, 'scope-args.ts')).SCOPE_SHAPES,
  };
}

const capitalise = (text) => text[0].toUpperCase() + text.slice(1);
const kebab = (text) => text.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const functionName = (api) => `get${capitalise(api.method)}`;
const functionFile = (api) => kebab(functionName(api));

/** The arguments a data source takes besides the connection settings (`region` is one of those). */
function ownArguments(api, scopeShapes) {
  return Object.keys({ ...scopeShapes[api.scope], ...api.args }).filter((name) => name !== 'region' && name !== 'signal');
}

function resultFields(api) {
  const where = { account: ['domainId'], project: ['projectId'], regional: ['projectId', 'region'] }[api.scope];
  return [...where, ...(api.perUser ? ['count', 'users: [{userId, resources}]'] : ['resources'])];
}

const docLines = (text) => text.split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n');

function functionSource(api) {
  const name = functionName(api);
  const type = capitalise(name);
  return `${HEADER}import type * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult } from '../../apis/quota-apis';
import { invokeRead, invokeReadOutput } from '../invoke';
import type { OutputArgs } from '../output-args';
import type { ConnectionArgs } from '../settings';

/** Arguments of {@link ${name}}. Unset settings come from stack config, then the environment. */
export interface ${type}Args extends ConnectionArgs, Omit<QuotaReadArgs<'${api.name}'>, 'region'> {}

/** Arguments of {@link ${name}Output}: the same, each a \`pulumi.Input\`. */
export interface ${type}OutputArgs extends OutputArgs<Omit<${type}Args, 'signal'>> {}

/** The result of {@link ${name}}. */
export interface ${type}Result extends QuotaReadResult<'${api.name}'> {}

/**
${docLines(`Reads ${api.summary} (${api.service.title} \`GET ${api.path}\`).`)}
 *
 * @example
 * \`\`\`ts
 * import * as pulumi from '@pulumi/pulumi';
 * import * as quotas from 'pulumi-huaweicloud-quotas';
 *
${docLines(api.example)}
 * \`\`\`
 */
export function ${name}(args: ${type}Args = {}, opts?: pulumi.InvokeOptions): Promise<${type}Result> {
  return invokeRead('${api.name}', args, opts);
}

/**
 * The Output form of {@link ${name}}: takes Inputs, and waits and goes unknown as \`pulumi.runtime.invokeOutput\`
 * does: for \`opts.dependsOn\`, the resources behind the arguments' Outputs and a component's children; unknown,
 * without a request, while one of them is being created or an input is unknown; secret when an input is.
 */
export function ${name}Output(args: ${type}OutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<${type}Result> {
  return invokeReadOutput('${api.name}', args, opts);
}
`;
}

/**
 * The emulator state's quota lists as interfaces, one documented field per API: the state's types (and its docs)
 * name each API's list, which a type mapped over the registry cannot document.
 */
function quotaListsSource(apis, definitions) {
  const imports = definitions.map(({ file, constant }) => `import type { ${constant} } from '../apis/${file}';\n`).join('');
  // The registry lists the definitions in the order they were found.
  const block = (level, input) =>
    apis
      .filter((api) => api.emulator().level === level)
      .map((api) => {
        const { constant } = definitions[apis.indexOf(api)];
        const doc = `  /** ${api.title}: ${api.service.title} \`GET ${api.path}\`${input ? ' (default none)' : ''}. */\n`;
        return `${doc}  ${api.emulator().stateKey}${input ? '?' : ''}: z.${input ? 'input' : 'output'}<EntryOf<typeof ${constant}>>[];\n`;
      })
      .join('');
  const level = (name, level, what) =>
    `/** The quotas the emulator keeps on ${what}, one list per API, under the API's state key. */\n` +
    `export interface ${name}QuotaLists {\n${block(level, false)}}\n\n` +
    `/** The same as a state file writes them: each list may be left out. */\n` +
    `export interface ${name}QuotaListsInput {\n${block(level, true)}}\n`;
  return `${HEADER}import type { z } from 'zod';\n${imports}
/** The schema of one entry of an API's list. */
type EntryOf<A extends { emulator(): { entry: z.ZodTypeAny } }> = ReturnType<A['emulator']>['entry'];

${level('Project', 'project', 'each project')}
${level('Account', 'account', 'each account')}`;
}

/** The quota client's read methods, one documented method per API. */
function quotaReadsSource(apis) {
  const methods = apis
    .map((api) => `  /** Reads ${api.summary} (${api.service.title} \`GET ${api.path}\`). */\n  ${api.method}(args?: QuotaReadArgs<'${api.name}'>): Promise<QuotaReadResult<'${api.name}'>>;\n`)
    .join('');
  return `${HEADER}import type { QuotaReadArgs, QuotaReadResult } from '../apis/quota-apis';

/** One read per quota API of the registry: its arguments checked before any request, its result normalised. */
export interface QuotaReads {
${methods}}
`;
}

/**
 * What the client knows of each API before its first read (names, scope, service, quota types), and the services'
 * endpoint facts: `/client` loads this, and an API's definition only when it is first read.
 */
function catalogSource(apis, definitions) {
  const literal = (text) => `'${text.replace(/[\\']/g, (character) => `\\${character}`)}'`;
  const list = (values) => `[${values.map(literal).join(', ')}]`;
  const entries = apis.map((api, index) => {
    const { file, constant } = definitions[index];
    const pattern = api.quotaTypePattern;
    return [
      '  {',
      `    name: ${literal(api.name)},`,
      `    method: ${literal(api.method)},`,
      `    title: ${literal(api.title)},`,
      `    scope: ${literal(api.scope)},`,
      `    service: ${literal(api.service.host)},`,
      `    quotaTypes: ${list(Object.keys(api.quotaTypes))},`,
      ...(pattern ? [`    quotaTypePattern: { pattern: ${String(pattern.pattern)}, description: ${literal(pattern.description)} },`] : []),
      ...(api.perUser ? ['    perUser: true,'] : []),
      `    definedIn: { file: ${literal(file)}, constant: ${literal(constant)} },`,
      '  },',
    ].join('\n');
  });
  const services = [...new Map(apis.map((api) => [api.service.host, api.service])).values()]
    .sort((a, b) => Number(b.host === 'iam') - Number(a.host === 'iam'))
    .map(({ host, envName, title, regions }) => `  { host: ${literal(host)}, envName: ${literal(envName)}, title: ${literal(title)}${regions ? `, regions: ${list(regions)}` : ''} },`);
  return `${HEADER}import type { QuotaApiEntry, ServiceEntry } from './quota-apis';

/**
 * What is known of each quota API before its first read: its names, scope, service and quota types, and where its
 * whole definition is (\`loadQuotaApi\` loads it), so that a process loads only the APIs it reads.
 */
export const QUOTA_API_CATALOG: readonly QuotaApiEntry[] = [
${entries.join('\n')}
];

/** The services the APIs are called at, IAM first (the ID look-ups need it), with their endpoint facts. */
export const SERVICE_CATALOG: readonly ServiceEntry[] = [
${services.join('\n')}
];
`;
}

function functionsIndexSource(apis) {
  return `${HEADER}${apis.map((api) => `export * from './${functionFile(api)}';\n`).join('')}`;
}

function readmeTables(apis, scopeShapes) {
  const apiTable = [
    '| API | service | request | `hwquota get` | data source |',
    '|---|---|---|---|---|',
    ...apis.map((api) => `| ${api.title} | ${api.service.title} | \`GET ${api.path}\`${api.perUser ? ' (every page)' : ''} | \`${api.name}\` | \`${functionName(api)}\` |`),
  ].join('\n');
  const functionTable = [
    '| function | args | result |',
    '|---|---|---|',
    ...apis.map((api) => {
      const args = ownArguments(api, scopeShapes).map((name) => `\`${name}?\``).join(', ');
      return `| \`${functionName(api)}\` / \`${functionName(api)}Output\` | ${args || '—'} | \`{${resultFields(api).join(', ')}}\` |`;
    }),
  ].join('\n');
  return { apis: apiTable, functions: functionTable };
}

/** Replaces what is between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
function replaceSection(text, name, content) {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} ... ${end} section`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** Each README block `$ hwquota ... --help` followed by its output, with the output the CLI prints now. */
async function withCurrentHelp(text) {
  const { main: hwquota } = require(join(root, 'provider', 'cli', 'hwquota.ts'));
  let result = text;
  for (const [block, command] of text.matchAll(/```\n\$ hwquota((?: \w+)*) --help\n[\s\S]*?```/g)) {
    let stdout = '';
    const io = { stdout: { write: (chunk) => (stdout += chunk) }, stderr: { write: () => true }, env: {}, color: false };
    await hwquota([...command.trim().split(' ').filter(Boolean), '--help'], io);
    result = result.replace(block, `\`\`\`\n$ hwquota${command} --help\n${stdout}\`\`\``);
  }
  return result;
}

async function main() {
  const check = process.argv.includes('--check');
  const definitions = findDefinitions();
  const files = new Map([[join(apisDir, 'registry.ts'), registrySource(definitions)]]);
  // The registry is written first: the rest is derived from it.
  if (!check) writeFileSync(join(apisDir, 'registry.ts'), files.get(join(apisDir, 'registry.ts')));
  const { apis, scopeShapes } = loadRegistry();
  for (const api of apis) files.set(join(functionsDir, `${functionFile(api)}.ts`), functionSource(api));
  files.set(join(functionsDir, 'index.ts'), functionsIndexSource(apis));
  files.set(join(root, 'provider', 'emulator', 'quota-lists.ts'), quotaListsSource(apis, definitions));
  files.set(join(root, 'provider', 'quota', 'quota-reads.ts'), quotaReadsSource(apis));
  files.set(join(apisDir, 'catalog.ts'), catalogSource(apis, definitions));
  const readmePath = join(root, 'README.md');
  const tables = readmeTables(apis, scopeShapes);
  const readme = replaceSection(replaceSection(readFileSync(readmePath, 'utf8'), 'apis', tables.apis), 'functions', tables.functions);
  files.set(readmePath, await withCurrentHelp(readme));

  const stale = readdirSync(functionsDir).map((file) => join(functionsDir, file)).filter((file) => !files.has(file));
  const different = [...files].filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content).map(([path]) => path);
  if (check) {
    const problems = [...different.map((path) => `${path} is not what the definitions make`), ...stale.map((path) => `${path} comes from no definition`)];
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) console.error('Run `npm run generate` and commit what it writes.');
    process.exitCode = problems.length > 0 ? 1 : 0;
    return;
  }
  for (const path of different) writeFileSync(path, files.get(path));
  for (const path of stale) rmSync(path);
  console.log(`${definitions.length} quota APIs; wrote ${different.length} file(s), removed ${stale.length}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
