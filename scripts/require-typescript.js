'use strict';
// Lets a plain Node script require this repository's TypeScript sources as they are: each `.ts` file is compiled on
// require, and `./x.js` in a source means `./x.ts` when that file exists (the sources import as their build does).
const { existsSync, readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const ts = require('typescript');

let installed = false;

/** `require(path)` of a TypeScript source (the hooks are installed on the first call). */
function requireTypeScript(path) {
  if (!installed) {
    installed = true;
    require.extensions['.ts'] = (module, filename) => {
      const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
      module._compile(ts.transpileModule(readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions }).outputText, filename);
    };
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function resolveTs(request, parent, ...rest) {
      const typescript = request.startsWith('.') && request.endsWith('.js') && parent?.filename?.endsWith('.ts') ? request.replace(/\.js$/, '.ts') : undefined;
      return resolve.call(this, typescript && existsSync(join(parent.path, typescript)) ? typescript : request, parent, ...rest);
    };
  }
  return require(path);
}

module.exports = { requireTypeScript };
