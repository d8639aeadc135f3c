'use strict';
const { runChild } = require('../lib/run-child');
const { median } = require('../lib/stats');
const { verdict } = require('../lib/verdict');

/** Scenario 4. Each signer in its own process, alternating, after a warm-up: signatures per second. */
async function signing(options, { progress }) {
  const runs = { ours: [], official: [] };
  for (let iteration = 1; iteration <= options.signingIterations; iteration++) {
    progress(`signing ${iteration}/${options.signingIterations}`);
    for (const which of ['ours', 'official']) {
      const { result } = await runChild('signing.js', [which, String(options.signingDurationMs)], { env: {} });
      if (!result.signed) throw new Error(`signing ${which}: no SDK-HMAC-SHA256 signature came out`);
      runs[which].push(result.signaturesPerSecond);
    }
  }
  const ours = median(runs.ours);
  const official = median(runs.official);
  return {
    figures: { oursPerSecond: ours, officialPerSecond: official },
    rows: [{
      id: 'signing', scenario: '4 signing: signatures per second', unit: '/s', ours, official, ratio: ours / official, target: '≥ 2',
      result: verdict(options, { pass: ours / official >= 2 }),
    }],
  };
}

module.exports = { signing };
