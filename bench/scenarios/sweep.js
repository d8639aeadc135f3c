'use strict';
const { runChild } = require('../lib/run-child');
const { median } = require('../lib/stats');
const { verdict } = require('../lib/verdict');

const METASTUDIO_PAGE_SIZE = 100;
/** Peak RSS allowed for the whole sweep's process. */
const PEAK_RSS_BUDGET_MB = 150;

const totalRequests = (emulator) => Object.values(emulator.requests).reduce((sum, count) => sum + count, 0);

/**
 * Scenarios 2, 3 and 5. Each sweep runs in its own process, so that its CPU time and peak RSS are the client's alone
 * (the emulator runs in the runner's process): this package's whole sweep and its IAM part, and the official SDK's
 * IAM part at the same concurrency. The emulator's request count checks that each sent exactly what it should.
 */
async function sweep(options, { emulator, projectIds, env, secrets, progress }) {
  const { concurrency, latencyMs } = options.sweep;
  const pages = Math.max(1, Math.ceil(options.sweep.metaStudioUsers / METASTUDIO_PAGE_SIZE));
  const plans = {
    oursFull: { script: 'sweep-ours.js', part: 'full', requests: projectIds.length * 3 + pages },
    oursIam: { script: 'sweep-ours.js', part: 'iam', requests: projectIds.length },
    officialIam: { script: 'sweep-official.js', part: 'iam', requests: projectIds.length },
  };
  const runs = { oursFull: [], oursIam: [], officialIam: [] };
  const childEnv = { ...env, BENCH_PROJECT_IDS: projectIds.join(','), BENCH_CONCURRENCY: String(concurrency) };
  for (let iteration = 1; iteration <= options.sweepIterations; iteration++) {
    for (const [name, plan] of Object.entries(plans)) {
      progress(`sweep ${iteration}/${options.sweepIterations}: ${name}`);
      const before = totalRequests(emulator);
      const { result } = await runChild(plan.script, [plan.part], { env: childEnv, secrets });
      const sent = totalRequests(emulator) - before;
      if (sent !== plan.requests) throw new Error(`sweep ${name}: the emulator received ${sent} requests, not ${plan.requests}`);
      runs[name].push(result);
    }
  }
  const m = (name, read) => median(runs[name].map(read));
  const floorMs = (requests) => Math.ceil(requests / concurrency) * latencyMs;
  const figures = {};
  for (const [name, plan] of Object.entries(plans)) {
    const wallMs = m(name, (run) => run.wallMs);
    figures[name] = {
      requests: plan.requests,
      floorMs: floorMs(plan.requests),
      wallMs,
      wallOverFloor: wallMs / floorMs(plan.requests),
      requestsPerSecond: m(name, (run) => (plan.requests * 1000) / run.wallMs),
      cpuMsPerRequest: m(name, (run) => run.cpuMs / plan.requests),
      peakRssMb: m(name, (run) => run.maxRssMb),
    };
  }
  const { oursFull, oursIam, officialIam } = figures;
  const againstFloor = (wallMs, floor) => {
    const ratio = wallMs / floor;
    return { ratio, ratioOf: '× floor', result: verdict(options, { pass: ratio <= 1.25, near: ratio <= 1.5 }) };
  };
  const cpuRatio = oursIam.cpuMsPerRequest / officialIam.cpuMsPerRequest;
  return {
    figures: { concurrency, latencyMs, metaStudioPages: pages, ...figures },
    rows: [
      {
        id: 'sweep-wall', scenario: `2 sweep: ${projectIds.length} projects × 3 + ${pages} MetaStudio pages, wall`, unit: 'ms',
        ours: oursFull.wallMs, official: null, target: `≤ 1.25 × floor (${oursFull.floorMs} ms), 1.5 at most`, ...againstFloor(oursFull.wallMs, oursFull.floorMs),
      },
      {
        // The peer row: the official SDK does this part only. Its figures against the floor are in the JSON file.
        id: 'sweep-iam-wall', scenario: `2 sweep: IAM part (${projectIds.length} projects), wall`, unit: 'ms',
        ours: oursIam.wallMs, official: officialIam.wallMs, ratio: oursIam.wallMs / oursIam.floorMs, ratioOf: '× floor',
        target: `reported (floor ${oursIam.floorMs} ms)`, result: verdict(options, {}),
      },
      {
        id: 'sweep-requests-per-second', scenario: '2 sweep: whole, requests per second', unit: '/s',
        ours: oursFull.requestsPerSecond, official: null, ratio: null, target: 'reported', result: verdict(options, {}),
      },
      {
        id: 'sweep-iam-requests-per-second', scenario: '2 sweep: IAM part, requests per second', unit: '/s',
        ours: oursIam.requestsPerSecond, official: officialIam.requestsPerSecond, ratio: oursIam.requestsPerSecond / officialIam.requestsPerSecond,
        target: 'reported', result: verdict(options, {}),
      },
      {
        id: 'cpu-per-request', scenario: '3 CPU per request (IAM part, user + system)', unit: 'ms',
        ours: oursIam.cpuMsPerRequest, official: officialIam.cpuMsPerRequest, ratio: cpuRatio, target: '≤ 0.5', result: verdict(options, { pass: cpuRatio <= 0.5 }),
      },
      {
        id: 'sweep-peak-rss', scenario: '5 peak RSS of the sweep (official: IAM part)', unit: 'MB',
        ours: oursFull.peakRssMb, official: officialIam.peakRssMb, ratio: null, target: `≤ ${PEAK_RSS_BUDGET_MB} MB`,
        result: verdict(options, { pass: oursFull.peakRssMb <= PEAK_RSS_BUDGET_MB }),
      },
    ],
  };
}

module.exports = { sweep };
