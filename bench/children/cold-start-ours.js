'use strict';
// Cold start, this package: a fresh process loads the core client and makes one signed IAM project-quota read.
const { performance } = require('node:perf_hooks');
const { reportOnExit, fail } = require('./report');

const result = {};
reportOnExit(result);
const started = performance.now();
const { createQuotaClient } = require('pulumi-huaweicloud-quotas/client');
const quotas = createQuotaClient();
quotas
  .projectQuotas()
  .then(async (quotaResult) => {
    result.importToResultMs = performance.now() - started;
    result.resources = quotaResult.resources.length;
    await quotas.close();
  })
  .catch(fail);
