#!/usr/bin/env node
// `npm run test:matrix`: the whole suite on the oldest Node the package supports and on the newer lines, each fetched
// with `npx -y node@VERSION`; then the install check with the oldest @pulumi/pulumi the peer range allows.
// Expects a fresh build (the npm script builds first). Exit 1 when any run fails.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const NODE_VERSIONS = ['20.18.1', '22', '24'];
const OLDEST_PULUMI = '3.141.0';
const vitest = join(__dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');

function run(label, command, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n=== ${label}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { label, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) };
}

const results = [
  ...NODE_VERSIONS.map((version) => run(`Node ${version}: npm test's suite`, 'npx', ['-y', `node@${version}`, vitest, 'run'])),
  run(`Node ${process.versions.node}: install check with @pulumi/pulumi@${OLDEST_PULUMI}`, process.execPath, [vitest, 'run', 'test/package/installed-package.test.ts'], { INSTALL_CHECK_PULUMI: OLDEST_PULUMI }),
];

process.stdout.write('\n');
for (const { label, ok, seconds } of results) process.stdout.write(`${ok ? 'pass' : 'FAIL'}  ${String(seconds).padStart(4)} s  ${label}\n`);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
