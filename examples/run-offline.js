#!/usr/bin/env node
// Runs an example Pulumi program offline, as `pulumi preview` would but without the Pulumi CLI: the program's
// resources are registered with `pulumi.runtime.setMocks` (mocked), while its quota reads go over the network to
// whatever the environment points at (the local emulator in the demo and tests).
//
// Usage: node examples/run-offline.js EXAMPLE_DIR [--json]
// Exit 0 when the program finishes, 1 when it fails (a quota guard stopping it), 2 on a usage error.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { resolve } = require('node:path');
const ts = require('typescript');
const requireFromString = require('require-from-string');

async function runOffline(exampleDir) {
  const file = resolve(exampleDir, 'index.ts');
  // The Pulumi the program itself resolves (from its own node_modules when it has one): the mocks must be set there.
  const pulumi = createRequire(file)('@pulumi/pulumi');
  const registered = [];
  await pulumi.runtime.setMocks(
    {
      // During preview the engine knows no ID for a resource it would create.
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name });
        return { id: undefined, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'examples',
    'offline',
    true,
  );
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const program = requireFromString(outputText, file);
  try {
    const outputs = await settle(pulumi, await program());
    return { ok: true, registered, outputs };
  } catch (error) {
    const runError = pulumi.RunError.isInstance(error);
    return { ok: false, registered, error: runError ? error.message : String(error && error.stack ? error.stack : error) };
  }
}

/** Waits for every Output in the program's result (unknown ones, during preview, become "<unknown>"). */
async function settle(pulumi, value) {
  if (pulumi.Output.isInstance(value)) {
    const known = await value.isKnown;
    return known ? settle(pulumi, await value.promise()) : '<unknown>';
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => settle(pulumi, item)));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await settle(pulumi, item)]));
    return Object.fromEntries(entries);
  }
  return value;
}

if (require.main === module) {
  const [exampleDir, flag] = process.argv.slice(2);
  if (!exampleDir) {
    process.stderr.write('usage: node examples/run-offline.js EXAMPLE_DIR [--json]\n');
    process.exit(2);
  }
  // A failed read inside an Output rejects outside the program's own promise: report it as the run's failure.
  let reported = false;
  process.on('unhandledRejection', (error) => {
    if (reported) return;
    reported = true;
    process.stdout.write(flag === '--json' ? `${JSON.stringify({ ok: false, registered: [], error: String(error && error.message) })}\n` : `${error && error.message}\n`);
    process.exitCode = 1;
  });
  runOffline(exampleDir).then((result) => {
    if (reported) return;
    reported = true;
    if (flag === '--json') {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else if (result.ok) {
      process.stdout.write(`registered (mocked): ${result.registered.map((r) => `${r.type} "${r.name}"`).join(', ') || 'nothing'}\n`);
      process.stdout.write(`outputs: ${JSON.stringify(result.outputs)}\n`);
    } else {
      process.stdout.write(`${result.error}\n`);
      process.stdout.write(`registered (mocked): ${result.registered.map((r) => `${r.type} "${r.name}"`).join(', ') || 'nothing'}\n`);
    }
    process.exitCode = result.ok ? 0 : 1;
  });
}

module.exports = { runOffline };
