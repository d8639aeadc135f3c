// Preloaded into the program runner (node -r). On Node 20.20, util.inspect loops for about 30 s when it colours a stack
// frame under a scoped package (node_modules/@pulumi/...), which cmd/run does for every uncaught error, a RunError
// included. Inspecting errors without colours avoids it; nothing else changes.
'use strict';
const util = require('node:util');
const inspect = util.inspect;
function inspectWithoutColoursForErrors(value, options, ...rest) {
  if (value instanceof Error && options && typeof options === 'object') return inspect(value, { ...options, colors: false }, ...rest);
  return inspect(value, options, ...rest);
}
Object.assign(inspectWithoutColoursForErrors, inspect);
util.inspect = inspectWithoutColoursForErrors;
