import { BasicCredentials, GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { Logger4jInstance } from '@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger';
import { IamClient, ShowDomainQuotaRequest, ShowProjectQuotaRequest } from '@huaweicloud/huaweicloud-sdk-iam/v3/public-api';
import { describe, expect, it } from 'vitest';
import { credentialsOf, projectsOf, useEmulator } from './harness';

const { start } = useEmulator();

// The official Node SDK, pointed at the emulator with its printed endpoints: proof that the emulator's gateway checks
// signatures the way the cloud does, and not merely the way our own signer makes them.
describe('the official Huawei Cloud SDK against the emulator', () => {
  it('showDomainQuota with GlobalCredentials (X-Domain-Id) on the global IAM endpoint', async () => {
    const emulator = await start();
    const { root } = credentialsOf(emulator);
    const domainId = emulator.env.HUAWEICLOUD_SDK_DOMAIN_ID!;
    const credentials = new GlobalCredentials().withAk(root.accessKey).withSk(root.secretKey).withDomainId(domainId);
    const client = IamClient.newBuilder().withCredential(credentials).withEndpoint(emulator.env.HUAWEICLOUD_SDK_IAM_ENDPOINT!).build();
    const all = await client.showDomainQuota(new ShowDomainQuotaRequest().withDomainId(domainId));
    expect(all.httpStatusCode).toBe(200);
    expect(all.quotas?.resources).toHaveLength(10);
    const agencies = await client.showDomainQuota(new ShowDomainQuotaRequest().withDomainId(domainId).withType('agency'));
    expect(agencies.quotas?.resources).toEqual([{ type: 'agency', quota: 50, used: 12, min: 10, max: 300 }]);
    expect(emulator.requests.account).toBe(2);
  });

  it('showProjectQuota with BasicCredentials (X-Project-Id) on the regional IAM endpoint, and a wrong secret refused', async () => {
    const emulator = await start();
    const { root } = credentialsOf(emulator);
    const { main } = projectsOf(emulator);
    const iamEndpoint = emulator.env.HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4!;
    const credentials = new BasicCredentials().withAk(root.accessKey).withSk(root.secretKey).withProjectId(main.id);
    const client = IamClient.newBuilder().withCredential(credentials).withEndpoint(iamEndpoint).build();
    const quotas = await client.showProjectQuota(new ShowProjectQuotaRequest());
    expect(quotas.quotas?.resources).toEqual([{ type: 'project', quota: 10, used: 4, min: 0, max: 50 }]);

    const wrong = new BasicCredentials().withAk(root.accessKey).withSk('not-the-secret').withProjectId(main.id);
    // The SDK prints every failed request to stdout, headers and all: quiet it for the expected failure.
    const level = Logger4jInstance.level;
    Logger4jInstance.level = 'off';
    const refused = await IamClient.newBuilder().withCredential(wrong).withEndpoint(iamEndpoint).build().showProjectQuota(new ShowProjectQuotaRequest()).catch((e: unknown) => e);
    Logger4jInstance.level = level;
    expect(refused).toMatchObject({ httpStatusCode: 401, errorCode: 'APIGW.0301', requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});
