#!/usr/bin/env node
// `npm run demo`: the main job, offline. Starts the local emulator, checks the preflight example's requirements with
// `hwquota check`, then runs the preflight example over a stack's life as `pulumi preview` and `pulumi up` run it:
// Pulumi's own program runner and dynamic-provider server, driven by the test suite's stand-in engine (the Pulumi CLI
// itself cannot be installed here). Exit 0 when every step behaves as expected.
'use strict';
const { execFile } = require('node:child_process');
const { join } = require('node:path');
const { requireTypeScript } = require('../scripts/require-typescript');
const { startEmulator } = require('../dist/emulator.js');

// The stand-in engine is TypeScript (test/pulumi-runtimes): compiled on load.
const { testStack, messages } = requireTypeScript(join(__dirname, '..', 'test', 'pulumi-runtimes', 'test-stack.ts'));

const root = join(__dirname, '..');
const requirementsFile = join('examples', 'preflight', 'requirements.json');

/** Runs hwquota with only the emulator's environment (never the user's own credentials). */
function hwquota(args, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/hwquota.js', ...args], { cwd: root, env: { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const indent = (text) => text.trimEnd().replace(/^/gm, '    ');
const SYMBOLS = { create: '+', update: '~', replace: '+-', delete: '-', same: ' ' };

/** A run as the Pulumi CLI would summarise it: the steps, then the warnings and errors. */
function describeRun(run) {
  const steps = run.steps.map((step) => `${SYMBOLS[step.op] ?? ' '} ${step.type} ${step.name}  ${step.op}`);
  const notes = ['warning', 'error'].flatMap((severity) => messages(run, severity).map((message) => `${severity}: ${message}`));
  return [...steps, ...notes].join('\n') || '(nothing)';
}

async function main() {
  const started = Date.now();
  const emulator = await startEmulator();
  const kms = emulator.state.accounts[0].projects[0].kmsQuotas.find((q) => q.type === 'CMK');
  const stack = testStack(join(__dirname, 'preflight'), { name: 'preflight', emulator });
  process.stdout.write(
    `pulumi-huaweicloud-quotas demo\n\n` +
      `Real:   a local Huawei Cloud emulator at ${emulator.url} (HTTP, SDK-HMAC-SHA256 signatures checked, as the API\n` +
      `        gateway does); Pulumi's own program runner and dynamic-provider server, which run the program and the\n` +
      `        guard's provider as under the Pulumi CLI.\n` +
      `Stand-in: the Pulumi engine (it keeps the stack's state between runs) and the Huawei Cloud provider (creating a\n` +
      `        KMS key raises the emulator's usage). No cloud account, no Pulumi CLI.\n\n` +
      `The preflight example creates 3 KMS keys and guards them with requireHeadroom (${requirementsFile}):\n` +
      `need 3 is what the stack holds once deployed; the guard keeps its claim in the stack's state.\n`,
  );
  const steps = [];
  const record = (title, ok, detail) => {
    steps.push(ok);
    process.stdout.write(`\n${ok ? 'ok  ' : 'FAIL'} ${title}\n${indent(detail)}\n`);
  };
  const check = async (title, expectedCode, expectation) => {
    const result = await hwquota(['check', requirementsFile], emulator.env);
    record(`${title} (exit ${result.code}, expected ${expectedCode})`, result.code === expectedCode && expectation(result.output), result.output);
  };
  const keys = (run) => run.steps.filter((step) => step.type === 'huaweicloud:Dew/key:Key');

  try {
    process.stdout.write(`\n== 1. The account has used ${kms.used} of ${kms.quota} KMS keys in cn-north-4 ==\n`);
    await check('hwquota check reports the shortfall', 1, (out) => /CMK\s+3\s+0\s+3\s+SHORT/.test(out));
    const short = await stack.preview();
    record('pulumi preview stops before declaring any key', !short.ok && keys(short).length === 0 && messages(short, 'error').some((m) => m.includes('short for 1 of 1')), describeRun(short));

    kms.used = 17;
    process.stdout.write(`\n== 2. Three keys are deleted elsewhere: ${kms.used} of ${kms.quota} used ==\n`);
    const first = await stack.up();
    const created = first.update && keys(first.update).filter((step) => step.op === 'create').length === 3;
    record(`pulumi up creates the 3 keys and records the claim (now ${kms.used} of ${kms.quota} used)`, first.preview.ok && first.update?.ok && created, describeRun(first.update ?? first.preview));

    process.stdout.write(`\n== 3. The second run, unchanged, at ${kms.used} of ${kms.quota} used ==\n`);
    await check('hwquota check, which knows no claim, would now say short', 1, (out) => /CMK\s+3\s+0\s+3\s+SHORT/.test(out));
    const second = await stack.up();
    const unchanged = second.update && second.update.steps.every((step) => step.op === 'same');
    record('pulumi up passes: the 3 keys are the stack\'s own claim, nothing changes', second.preview.ok && second.update?.ok && unchanged, describeRun(second.update ?? second.preview));
  } finally {
    stack.remove();
    await emulator.stop();
  }
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
