import type { HuaweiCloudClient } from '../huawei-cloud-client';
import { expandPath } from '../path-parameters';
import { toQuotaResource, type QuotaResource } from '../quota/quota-resource';
import { IamQuotaList } from './iam-quota-schema';
import { parseResponse } from './parse-response';

/** The account quota types, spelled as the IAM API spells them (`assigment_*` included). */
export const ACCOUNT_QUOTA_TYPES = [
  'user', 'group', 'idp', 'agency', 'policy',
  'assigment_group_mp', 'assigment_agency_mp', 'assigment_group_ep', 'assigment_user_ep', 'mapping',
] as const;

/** One of {@link ACCOUNT_QUOTA_TYPES}. */
export type AccountQuotaType = (typeof ACCOUNT_QUOTA_TYPES)[number];

/** The quotas of an account (IAM domain): users, groups, identity providers, agencies, policies, permissions. */
export interface AccountQuotas {
  /** The account (domain) ID read. */
  readonly domainId: string;
  /** One entry per quota type, in the order IAM lists them. */
  readonly resources: readonly QuotaResource[];
}

/** IAM `GET /v3.0/OS-QUOTA/domains/{domain_id}`, optionally for one `type`. */
export async function fetchAccountQuotas(
  client: HuaweiCloudClient,
  scope: { domainId: string; region?: string; type?: AccountQuotaType; signal?: AbortSignal },
): Promise<AccountQuotas> {
  const { body } = await client.get({
    service: 'iam',
    region: scope.region,
    path: expandPath('/v3.0/OS-QUOTA/domains/{domain_id}', { domain_id: scope.domainId }),
    query: { type: scope.type },
    scope: { domainId: scope.domainId },
    signal: scope.signal,
  });
  const { quotas } = parseResponse(IamQuotaList, body, 'iam', 'GET /v3.0/OS-QUOTA/domains');
  return { domainId: scope.domainId, resources: quotas.resources.map(toQuotaResource) };
}
