'use strict';
const { join } = require('node:path');

const SCENARIOS = ['cold-start', 'sweep', 'signing', 'requests', 'scan', 'plugin-start'];

const USAGE = `usage: node bench/run.js [--iterations N] [--smoke] [--only SCENARIO,...] [--out FILE] [--markdown]
  --iterations N  runs of each measurement, medians reported (default: 10 cold starts, 5 sweeps, 3 signing runs,
                  1 program, 1 scan, 10 plugin starts); BENCH_ITERATIONS sets it too
  --smoke         one iteration at tiny sizes, to check that every scenario still runs; no verdicts
  --only LIST     run only these of ${SCENARIOS.join(', ')} (while optimising one of them)
  --out FILE      where to write the JSON figures (default bench/results/latest.json)
  --markdown      print the table in Markdown (for bench/README.md and the issue note)`;

/** Sizes and counts of one run; `--smoke` shrinks everything so that the test suite can run it in seconds. */
function parseOptions(argv, env) {
  const options = { smoke: false, markdown: false, iterations: env.BENCH_ITERATIONS ? Number(env.BENCH_ITERATIONS) : undefined, out: join(__dirname, '..', 'results', 'latest.json') };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--iterations') options.iterations = Number(argv[++index]);
    else if (arg === '--out') options.out = argv[++index];
    else if (arg === '--only') options.only = (argv[++index] ?? '').split(',');
    else if (arg === '--help' || arg === '-h') return { help: USAGE };
    else return { error: `unknown argument ${arg}\n${USAGE}` };
  }
  if (options.iterations !== undefined && !(Number.isInteger(options.iterations) && options.iterations >= 1)) {
    return { error: `--iterations: must be a whole number ≥ 1\n${USAGE}` };
  }
  if (!options.out) return { error: `--out: needs a file\n${USAGE}` };
  const only = options.only ?? SCENARIOS;
  const unknown = only.filter((name) => !SCENARIOS.includes(name));
  if (unknown.length > 0) return { error: `--only: unknown scenario ${unknown.join(', ')}\n${USAGE}` };
  const iterations = options.smoke ? 1 : options.iterations;
  return {
    smoke: options.smoke,
    markdown: options.markdown,
    out: options.out,
    scenarios: new Set(only),
    coldStartIterations: iterations ?? 10,
    sweepIterations: iterations ?? 5,
    signingIterations: iterations ?? 3,
    programIterations: iterations ?? 1,
    scanIterations: iterations ?? 1,
    pluginStartIterations: iterations ?? 10,
    signingDurationMs: options.smoke ? 50 : 1000,
    // `concurrency` is this package's default (`evaluate`'s, and `connections` per origin), given to the official
    // SDK's workers too; the sweep itself runs with the defaults.
    sweep: options.smoke
      ? { projects: 3, metaStudioUsers: 150, latencyMs: 1, concurrency: 8 }
      : { projects: 200, metaStudioUsers: 10_000, latencyMs: 20, concurrency: 8 },
    // The scan of issue 15: every API over 3 regions of this many projects, the gateway allowing `rate` per service.
    scan: options.smoke ? { projectsPerRegion: 3, rate: 200 } : { projectsPerRegion: 200, rate: 50 },
  };
}

module.exports = { parseOptions };
