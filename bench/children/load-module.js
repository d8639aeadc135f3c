'use strict';
// How long loading modules takes in a fresh process, one after the other: `@pulumi/pulumi`, then the package root,
// which then adds only what is its own (what a Pulumi program, which has loaded @pulumi/pulumi anyway, pays for it).
const { performance } = require('node:perf_hooks');
const { reportOnExit } = require('./report');

const loadMs = [];
reportOnExit({ loadMs });
for (const specifier of process.argv.slice(2)) {
  const started = performance.now();
  require(specifier);
  loadMs.push(performance.now() - started);
}
