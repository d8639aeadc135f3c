#!/usr/bin/env node
// Writes provider/plugin/schema.json: the provider plugin's package schema (what its GetSchema answers, `version`
// aside, so that a release does not change it), made from the quota API definitions by `buildPluginSchema`
// (provider/plugin/plugin-schema.ts). The plugin builds the same schema when asked; the file is there to be read
// without starting it (docs, the examples' checks, `pulumi package add` reviews). `--check` writes nothing and exits 1
// when the file is not what it would write (test/plugin/plugin-schema-file.test.ts runs it). Run it after adding or
// changing a definition, with `npm run generate`.
'use strict';
const { readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { requireTypeScript } = require('./require-typescript');

const root = join(__dirname, '..');
const target = join(root, 'provider', 'plugin', 'schema.json');

/** The schema builder, from the TypeScript sources as they are. */
function loadSchemaBuilder() {
  return requireTypeScript(join(root, 'provider', 'plugin', 'plugin-schema.ts')).buildPluginSchema;
}

function main() {
  const check = process.argv.includes('--check');
  const { version: _version, ...schema } = loadSchemaBuilder()('0.0.0');
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (check) {
    if (current !== text) console.error(`${target} is not what the definitions make. Run \`node scripts/generate-plugin-schema.js\` and commit what it writes.`);
    process.exitCode = current === text ? 0 : 1;
    return;
  }
  if (current !== text) writeFileSync(target, text);
  console.log(`${Object.keys(schema.functions).length} functions; ${current === text ? 'schema.json unchanged' : 'wrote provider/plugin/schema.json'}`);
}

main();
