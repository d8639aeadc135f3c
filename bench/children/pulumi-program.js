'use strict';
// Requests per program: a Pulumi program (resources mocked, as in `pulumi preview`) that reads each of the five data
// sources five times, all at once, in both forms. The runner counts what reaches the emulator.
const pulumi = require('@pulumi/pulumi');
const { reportOnExit, fail } = require('./report');

const READS_PER_DATA_SOURCE = 5;
const result = {};
reportOnExit(result);

/** The value of an Output, as a program's later code would see it. */
const outputValue = (output) => new Promise((resolve) => output.apply(resolve));

/**
 * Resources mocked as in `pulumi preview`, behind a monitor that is not Pulumi's `MockMonitor`, as an engine's is: under
 * `setMocks` itself the data sources go to `mocks.call` (so users' unit tests can answer them), and this program
 * measures the reads they make under an engine.
 */
async function engineLikeMocks() {
  await pulumi.runtime.setMocks({ newResource: (args) => ({ id: undefined, state: args.inputs }), call: (args) => args.inputs }, 'bench', 'dev', true);
  const store = require('@pulumi/pulumi/runtime/state').getStore();
  const mockMonitor = store.settings.monitor;
  const monitor = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(mockMonitor))) {
    if (name !== 'constructor' && typeof mockMonitor[name] === 'function') monitor[name] = mockMonitor[name].bind(mockMonitor);
  }
  store.settings.monitor = monitor;
}

async function program() {
  await engineLikeMocks();
  const quotas = require('pulumi-huaweicloud-quotas');
  const dataSources = ['getAccountQuotas', 'getProjectQuotas', 'getKmsQuotas', 'getSfsTurboQuotas', 'getMetaStudioUserQuotas'];
  const reads = [];
  for (let round = 0; round < READS_PER_DATA_SOURCE; round++) {
    for (const name of dataSources) reads.push(round % 2 ? outputValue(quotas[`${name}Output`]({})) : quotas[name]({}));
  }
  const results = await Promise.all(reads);
  result.reads = results.filter((value) => value && Array.isArray(value.resources ?? value.users)).length;
  result.metaStudioUsers = results[4].users.length;
}

program().catch(fail);
