'use strict';
// The sweep, this package, at its default concurrency. `iam`: the IAM project quota of every project. `full`: that,
// KMS and SFS Turbo for every project, and every page of MetaStudio user quotas, all at once.
const { performance } = require('node:perf_hooks');
const { reportOnExit, fail } = require('./report');

const part = process.argv[2];
const projectIds = process.env.BENCH_PROJECT_IDS.split(',');
const result = {};
reportOnExit(result);
const { createQuotaClient } = require('pulumi-huaweicloud-quotas/client');

async function sweep() {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const quotas = createQuotaClient();
  const services = part === 'full' ? [['project', 'project'], ['kms', 'CMK'], ['sfs-turbo', 'capacity']] : [['project', 'project']];
  const requirements = projectIds.flatMap((projectId) => services.map(([service, type]) => ({ service, type, need: 1, projectId })));
  const [checks, metaStudio] = await Promise.all([
    quotas.evaluate(requirements),
    part === 'full' ? quotas.metaStudioUserQuotas() : undefined,
  ]);
  result.wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  result.cpuMs = (used.user + used.system) / 1000;
  result.checks = checks.length;
  result.metaStudioUsers = metaStudio ? metaStudio.users.length : 0;
  await quotas.close();
}

sweep().catch(fail);
