'use strict';
const { runChild } = require('../lib/run-child');
const { verdict } = require('../lib/verdict');

const METASTUDIO_PAGE_SIZE = 100;

/**
 * Scenario 6. The program's environment names neither the project nor the account, so both are looked up: the right
 * count is one request per ID lookup (2), one per read of account, project, KMS and SFS Turbo quotas (4), and one per
 * MetaStudio page, however many times each data source is called.
 */
async function requestsPerProgram(options, { emulator, env, secrets, progress }) {
  const { HUAWEICLOUD_SDK_PROJECT_ID: _project, HUAWEICLOUD_SDK_DOMAIN_ID: _domain, ...programEnv } = env;
  const pages = Math.ceil(emulator.state.accounts[0].metaStudioUsers.length / METASTUDIO_PAGE_SIZE);
  const expected = 2 + 4 + pages;
  const counts = [];
  for (let iteration = 1; iteration <= options.programIterations; iteration++) {
    progress(`requests per program ${iteration}/${options.programIterations}`);
    for (const route of Object.keys(emulator.requests)) emulator.requests[route] = 0;
    const { result } = await runChild('pulumi-program.js', [], { env: programEnv, secrets });
    if (result.reads !== 25) throw new Error(`requests per program: ${result.reads} of 25 reads came back`);
    counts.push({ ...emulator.requests });
  }
  const totals = counts.map((byRoute) => Object.values(byRoute).reduce((sum, count) => sum + count, 0));
  const worst = Math.max(...totals);
  return {
    figures: { expected, byRoute: counts[counts.length - 1], totals },
    rows: [{
      id: 'requests-per-program', scenario: '6 requests: 5 data sources × 5 reads under mocks', unit: '', ours: worst, official: null,
      ratio: worst / expected, ratioOf: '× expected', target: `= ${expected} (1 per page, 1 per ID lookup)`, result: verdict(options, { pass: worst === expected }),
    }],
  };
}

module.exports = { requestsPerProgram };
