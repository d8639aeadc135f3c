'use strict';
// `hwquota scan --regions all --projects all` in its own process, with adaptive rate limiting on or off (argv[2]).
const { performance } = require('node:perf_hooks');
const { reportOnExit, fail } = require('./report');

const adaptiveRate = process.argv[2];
const result = {};
reportOnExit(result);
const { main } = require('../../dist/cli/hwquota.js');

async function scan() {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text) => (stdout += text) }, stderr: { write: (text) => (stderr += text) }, env: process.env, color: false };
  const started = performance.now();
  const code = await main(['scan', '--regions', 'all', '--projects', 'all', '--output', 'json', '--adaptive-rate', adaptiveRate], io);
  result.wallMs = performance.now() - started;
  if (code === 2) throw new Error(`hwquota scan exited 2:\n${stderr.split('\n').slice(0, 5).join('\n')}`);
  const printed = JSON.parse(stdout);
  result.code = code;
  result.rows = printed.rows.length;
}

scan().catch(fail);
