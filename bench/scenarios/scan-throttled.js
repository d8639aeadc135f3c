'use strict';
const { setTimeout: sleep } = require('node:timers/promises');
const { runChild } = require('../lib/run-child');
const { median } = require('../lib/stats');
const { verdict } = require('../lib/verdict');

/** The routes of the emulator's request counts that each endpoint service answers. */
const IAM_ROUTES = ['account', 'project', 'projects', 'domains'];

const sum = (values) => values.reduce((total, value) => total + value, 0);

/** Requests per endpoint service since `before` (counts per route), IAM's routes together. */
function perService(requests, before) {
  const counts = {};
  for (const [route, count] of Object.entries(requests)) {
    const service = IAM_ROUTES.includes(route) ? 'iam' : route === 'ecs-flavors' ? 'ecs' : route;
    counts[service] = (counts[service] ?? 0) + count - (before[route] ?? 0);
  }
  return counts;
}

/**
 * Scenario 7: `hwquota scan` of every API over 3 regions × N projects against the emulator throttled to `rate`
 * requests per second per service, as the gateway throttles: with adaptive rate limiting (the default) and without
 * (the peer). The floor is the busiest service's answered requests at its allowed rate.
 */
async function scanThrottled(options, { emulator, env, secrets, progress }) {
  const { rate, projectsPerRegion } = options.scan;
  const runs = { on: [], off: [] };
  for (let iteration = 1; iteration <= options.scanIterations; iteration++) {
    for (const mode of ['on', 'off']) {
      progress(`scan ${iteration}/${options.scanIterations}: adaptive rate ${mode}`);
      const requestsBefore = { ...emulator.requests };
      const throttledBefore = { ...emulator.throttled };
      // A fresh second: the gateway's buckets are full again, as for any scan that starts after a pause.
      await sleep(1_100);
      const { result } = await runChild('scan.js', [mode], { env, secrets });
      const sent = perService(emulator.requests, requestsBefore);
      const throttled = Object.fromEntries(Object.keys(sent).map((service) => [service, (emulator.throttled[service] ?? 0) - (throttledBefore[service] ?? 0)]));
      const answered = Object.fromEntries(Object.entries(sent).map(([service, count]) => [service, count - throttled[service]]));
      const busiest = Math.max(...Object.values(answered));
      runs[mode].push({ ...result, floorMs: (busiest * 1000) / rate, requests: sum(Object.values(sent)), throttled: sum(Object.values(throttled)) });
    }
  }
  const figures = {};
  for (const mode of ['on', 'off']) {
    const m = (read) => median(runs[mode].map(read));
    figures[mode] = {
      wallMs: m((run) => run.wallMs),
      floorMs: m((run) => run.floorMs),
      wallOverFloor: m((run) => run.wallMs / run.floorMs),
      requests: m((run) => run.requests),
      throttledShare: m((run) => run.throttled / run.requests),
      peakRssMb: m((run) => run.maxRssMb),
      rows: runs[mode][0].rows,
    };
  }
  const { on, off } = figures;
  const size = `3 regions × ${projectsPerRegion} projects × every API, ${rate}/s per service`;
  return {
    figures: { rate, projectsPerRegion, ...figures },
    rows: [
      {
        id: 'scan-wall', scenario: `7 scan: ${size}, wall (peer: --adaptive-rate off)`, unit: 'ms', ours: on.wallMs, official: off.wallMs,
        ratio: on.wallOverFloor, ratioOf: '× floor', target: `≤ 1.15 × floor (${Math.round(on.floorMs)} ms); adaptive rate off beside it`,
        result: verdict(options, { pass: on.wallOverFloor <= 1.15, near: on.wallOverFloor <= 1.3 }),
      },
      {
        id: 'scan-throttled', scenario: '7 scan: requests answered 429', unit: '%', ours: on.throttledShare * 100, official: off.throttledShare * 100,
        ratio: null, target: '≤ 2 %; adaptive rate off beside it', result: verdict(options, { pass: on.throttledShare <= 0.02, near: on.throttledShare <= 0.04 }),
      },
      {
        id: 'scan-peak-rss', scenario: '7 scan: peak RSS', unit: 'MB', ours: on.peakRssMb, official: off.peakRssMb,
        ratio: null, target: 'reported', result: verdict(options, {}),
      },
    ],
  };
}

module.exports = { scanThrottled };
