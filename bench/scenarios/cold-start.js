'use strict';
const { runChild } = require('../lib/run-child');
const { median } = require('../lib/stats');
const { verdict } = require('../lib/verdict');

/** Loading the package root may add this much to loading @pulumi/pulumi alone. */
const ROOT_LOAD_BUDGET_MS = 60;

/**
 * Scenario 1. Fresh processes, interleaved so that load from elsewhere on the machine falls on each alike: a bare
 * `node`, a one-shot IAM project-quota read through `/client`, the same through the official SDK, and loading
 * `@pulumi/pulumi`, then the package root, in one process: the second figure is what the root adds.
 */
async function coldStart(options, { env, secrets, progress }) {
  const runs = { bare: [], ours: [], official: [], load: [] };
  for (let iteration = 1; iteration <= options.coldStartIterations; iteration++) {
    progress(`cold start ${iteration}/${options.coldStartIterations}`);
    runs.bare.push(await runChild('bare-node.js', [], { env: {} }));
    runs.ours.push(await runChild('cold-start-ours.js', [], { env, secrets }));
    runs.official.push(await runChild('cold-start-official.js', [], { env, secrets }));
    runs.load.push(await runChild('load-module.js', ['@pulumi/pulumi', 'pulumi-huaweicloud-quotas'], { env: {} }));
  }
  const m = (name, read) => median(runs[name].map(read));
  const wall = (run) => run.wallMs;
  const rss = (run) => run.result.maxRssMb;
  const toResult = (run) => run.result.importToResultMs;
  const figures = {
    bareWallMs: m('bare', wall), bareRssMb: m('bare', rss),
    oursWallMs: m('ours', wall), officialWallMs: m('official', wall),
    oursImportToResultMs: m('ours', toResult), officialImportToResultMs: m('official', toResult),
    oursRssMb: m('ours', rss), officialRssMb: m('official', rss),
    pulumiLoadMs: m('load', (run) => run.result.loadMs[0]), rootAfterPulumiLoadMs: m('load', (run) => run.result.loadMs[1]),
  };
  const halfOf = (ours, official, unit, scenario) => ({
    id: scenario.id, scenario: scenario.name, unit, ours, official, ratio: ours / official, target: '≤ 0.5',
    result: verdict(options, { pass: ours / official <= 0.5 }),
  });
  const oursRssAdded = figures.oursRssMb - figures.bareRssMb;
  const officialRssAdded = figures.officialRssMb - figures.bareRssMb;
  const rootAdded = figures.rootAfterPulumiLoadMs;
  return {
    figures,
    rows: [
      halfOf(figures.oursWallMs, figures.officialWallMs, 'ms', { id: 'cold-start-wall', name: '1 cold start: whole process' }),
      halfOf(figures.oursImportToResultMs, figures.officialImportToResultMs, 'ms', { id: 'cold-start-import-to-result', name: '1 cold start: first import → parsed result' }),
      halfOf(oursRssAdded, officialRssAdded, 'MB', { id: 'cold-start-rss', name: '1 cold start: RSS over bare node' }),
      {
        id: 'root-load', scenario: '1 package root load over @pulumi/pulumi', unit: 'ms', ours: rootAdded, official: null, ratio: null,
        target: `≤ ${ROOT_LOAD_BUDGET_MS} ms`, result: verdict(options, { pass: rootAdded <= ROOT_LOAD_BUDGET_MS }),
      },
    ],
  };
}

module.exports = { coldStart };
