'use strict';
// Cold start, the official SDK: a fresh process loads it and makes the same read (IAM ShowProjectQuota).
const { performance } = require('node:perf_hooks');
const { reportOnExit, fail } = require('./report');

const result = {};
reportOnExit(result);
const started = performance.now();
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
// The package's main entry is broken; its public API file is what works.
const { IamClient, ShowProjectQuotaRequest } = require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api');
const { env } = process;
const credentials = new BasicCredentials().withAk(env.HUAWEICLOUD_SDK_AK).withSk(env.HUAWEICLOUD_SDK_SK).withProjectId(env.HUAWEICLOUD_SDK_PROJECT_ID);
const endpoint = env[`HUAWEICLOUD_SDK_REGION_IAM_${env.HW_REGION_NAME.toUpperCase().replace(/-/g, '_')}`];
const client = IamClient.newBuilder().withCredential(credentials).withEndpoint(endpoint).build();
client
  .showProjectQuota(new ShowProjectQuotaRequest())
  .then((response) => {
    result.importToResultMs = performance.now() - started;
    result.resources = response.quotas.resources.length;
  })
  .catch(fail);
