#!/usr/bin/env node
// The benchmark: this package against the official Huawei Cloud Node SDK, in the same run, on the built dist/.
// Prints one table and writes the same figures as JSON. See bench/README.md.
//
// Usage: node bench/run.js [--iterations N] [--smoke] [--only SCENARIO,...] [--out FILE] [--markdown]
// Exit 0 when every target holds (a smoke run judges none), 1 when one does not, 2 on an error.
'use strict';
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { cpus } = require('node:os');
const { dirname, join } = require('node:path');
const { parseOptions } = require('./lib/options');
const { scanState } = require('./lib/scan-state');
const { sweepState, secretsOf } = require('./lib/sweep-state');
const { formatMarkdown, formatTable } = require('./lib/table');
const { coldStart } = require('./scenarios/cold-start');
const { pluginStart } = require('./scenarios/plugin-start');
const { requestsPerProgram } = require('./scenarios/requests-per-program');
const { scanThrottled } = require('./scenarios/scan-throttled');
const { signing } = require('./scenarios/signing');
const { sweep } = require('./scenarios/sweep');

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) return process.stdout.write(`${options.help}\n`), 0;
  if (options.error) return process.stderr.write(`${options.error}\n`), 2;
  if (!existsSync(join(__dirname, '..', 'dist', 'client.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm run build` first (`npm run bench` does)\n');
    return 2;
  }
  const progress = (line) => process.stderr.write(`bench: ${line}\n`);
  const { startEmulator } = require('pulumi-huaweicloud-quotas/emulator');
  const { SERVICE_NAMES } = require('pulumi-huaweicloud-quotas/client');
  // Two emulators in this process, so that a measured child's CPU and memory are its own: the built-in state without
  // latency, and the sweep's state with the sweep's latency.
  const plain = await startEmulator();
  const { state, projectIds } = sweepState(options.sweep);
  const latency = { minMs: options.sweep.latencyMs, maxMs: options.sweep.latencyMs };
  const slow = await startEmulator({ state, latency });
  const secrets = [...secretsOf(plain.state), ...secretsOf(slow.state)];
  const results = [];
  try {
    const run = options.scenarios;
    if (run.has('cold-start')) results.push(['coldStart', await coldStart(options, { env: plain.env, secrets, progress })]);
    if (run.has('sweep')) results.push(['sweep', await sweep(options, { emulator: slow, projectIds, env: slow.env, secrets, progress })]);
    if (run.has('signing')) results.push(['signing', await signing(options, { progress })]);
    if (run.has('requests')) results.push(['requestsPerProgram', await requestsPerProgram(options, { emulator: plain, env: plain.env, secrets, progress })]);
    if (run.has('plugin-start')) results.push(['pluginStart', await pluginStart(options, { env: plain.env, secrets, progress })]);
    if (run.has('scan')) {
      // Throttled as the gateway throttles: every service at the same rate, its bucket shared by the regions.
      const state = scanState(options.scan);
      const throttle = Object.fromEntries(SERVICE_NAMES.map((service) => [service, options.scan.rate]));
      const throttled = await startEmulator({ state, throttle });
      try {
        results.push(['scan', await scanThrottled(options, { emulator: throttled, env: throttled.env, secrets: [...secrets, ...secretsOf(throttled.state)], progress })]);
      } finally {
        await throttled.stop();
      }
    }
  } finally {
    await Promise.all([plain.stop(), slow.stop()]);
  }

  // In the order (scenario numbers lead the names); the sort is stable within a scenario.
  const rows = results.flatMap(([, result]) => result.rows).sort((a, b) => parseInt(a.scenario, 10) - parseInt(b.scenario, 10));
  process.stdout.write(`${options.markdown ? formatMarkdown(rows) : formatTable(rows)}\n`);
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    smoke: options.smoke,
    iterations: { coldStart: options.coldStartIterations, sweep: options.sweepIterations, signing: options.signingIterations, program: options.programIterations, scan: options.scanIterations, pluginStart: options.pluginStartIterations },
    scenarios: [...options.scenarios],
    sweepSizes: options.sweep,
    rows,
    figures: Object.fromEntries(results.map(([name, result]) => [name, result.figures])),
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`bench: figures written to ${options.out}\n`);
  return rows.some((row) => row.result === 'FAIL' || row.result === 'near') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
