#!/usr/bin/env node
// `npm run demo`: the main job, offline. Starts the local emulator, checks the preflight example's requirements with
// `hwquota check`, then runs the preflight example as `pulumi preview` would, once short of KMS keys and once with
// room. Exit 0 when every step behaves as expected.
'use strict';
const { execFile } = require('node:child_process');
const { join } = require('node:path');
const { startEmulator } = require('../dist/emulator.js');

const root = join(__dirname, '..');
const requirementsFile = join('examples', 'preflight', 'requirements.json');

/** Runs a command with only the emulator's environment (never the user's own credentials). */
function run(args, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const indent = (text) => text.trimEnd().replace(/^/gm, '    ');

async function main() {
  const started = Date.now();
  const emulator = await startEmulator();
  const kms = emulator.state.accounts[0].projects[0].kmsQuotas.find((q) => q.type === 'CMK');
  process.stdout.write(
    `pulumi-huaweicloud-quotas demo\n\n` +
      `Real:   a local Huawei Cloud emulator at ${emulator.url} (HTTP, SDK-HMAC-SHA256 signatures checked, as the API\n` +
      `        gateway does); every quota read below is a signed request to it.\n` +
      `Mocked: resource registration. The Pulumi program runs in preview mode with pulumi.runtime.setMocks, so no\n` +
      `        cloud account, no Pulumi CLI, and nothing is created anywhere.\n\n` +
      `The preflight example creates 3 KMS keys and guards them with requireHeadroom (${requirementsFile}).\n`,
  );
  const steps = [];
  const step = async (title, args, expectedCode, expectation) => {
    const result = await run(args, emulator.env);
    const ok = result.code === expectedCode && expectation(result.output);
    steps.push(ok);
    process.stdout.write(`\n${ok ? 'ok  ' : 'FAIL'} ${title} (exit ${result.code}, expected ${expectedCode})\n${indent(result.output)}\n`);
  };

  process.stdout.write(`\n== 1. The account has used ${kms.used} of ${kms.quota} KMS keys in cn-north-4 ==\n`);
  await step('hwquota check reports the shortfall', ['dist/cli/hwquota.js', 'check', requirementsFile], 1, (out) => /CMK\s+3\s+0\s+3\s+SHORT/.test(out));
  await step('the preflight preview stops before declaring any key', ['examples/run-offline.js', 'examples/preflight'], 1, (out) => out.includes('short for 1 of 1') && out.includes('registered (mocked): nothing'));

  kms.used = 10;
  process.stdout.write(`\n== 2. Ten keys are deleted: ${kms.used} of ${kms.quota} used ==\n`);
  await step('hwquota check passes', ['dist/cli/hwquota.js', 'check', requirementsFile], 0, (out) => out.includes('All 1 requirements are met.'));
  await step('the preflight preview declares the 3 keys', ['examples/run-offline.js', 'examples/preflight'], 0, (out) => (out.match(/huaweicloud:Dew\/key:Key "app-key-\d"/g) ?? []).length === 3);

  await emulator.stop();
  const passed = steps.every(Boolean);
  process.stdout.write(`\n${passed ? 'Demo passed' : 'Demo FAILED'}: ${steps.filter(Boolean).length} of ${steps.length} steps as expected, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return passed ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`demo: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
