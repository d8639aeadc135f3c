'use strict';
// The sweep's IAM part, the official SDK: one client per project (its credentials carry the project ID), the same
// concurrency as this package's.
const { performance } = require('node:perf_hooks');
const { reportOnExit, fail } = require('./report');

const projectIds = process.env.BENCH_PROJECT_IDS.split(',');
const concurrency = Number(process.env.BENCH_CONCURRENCY);
const result = {};
reportOnExit(result);
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
const { IamClient, ShowProjectQuotaRequest } = require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api');
const { env } = process;
const endpoint = env[`HUAWEICLOUD_SDK_REGION_IAM_${env.HW_REGION_NAME.toUpperCase().replace(/-/g, '_')}`];

async function readProject(projectId) {
  const credentials = new BasicCredentials().withAk(env.HUAWEICLOUD_SDK_AK).withSk(env.HUAWEICLOUD_SDK_SK).withProjectId(projectId);
  const client = IamClient.newBuilder().withCredential(credentials).withEndpoint(endpoint).build();
  return client.showProjectQuota(new ShowProjectQuotaRequest());
}

async function sweep() {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  let read = 0;
  const worker = async () => {
    while (next < projectIds.length) {
      const response = await readProject(projectIds[next++]);
      read += response.quotas.resources.length > 0 ? 1 : 0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  result.cpuMs = (used.user + used.system) / 1000;
  result.checks = read;
}

sweep().catch(fail);
