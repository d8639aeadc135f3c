import { z } from 'zod';
import { ACCOUNT_QUOTA_TYPES } from './account-quota-types';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { IAM, IamQuotaList } from './iam-service';
import { readQuotaList } from './quota-list';

const Count = z.number().int().nonnegative();

/** IAM `GET /v3.0/OS-QUOTA/domains/{domain_id}[?type=]`: the quotas of an account. */
export const account = defineQuotaApi({
  name: 'account',
  method: 'accountQuotas',
  title: 'IAM account quotas',
  summary: 'the IAM quotas of the account: users, groups, identity providers, agencies, policies and permission assignments',
  reference: 'IAM API reference, "Querying the Quotas of an Account"',
  service: IAM,
  scope: 'account',
  path: '/v3.0/OS-QUOTA/domains/{domain_id}',
  args: {
    /** One quota type, spelled as IAM spells it (`assigment_group_mp`...); default all ten. */
    type: z.enum(ACCOUNT_QUOTA_TYPES).optional().describe('One quota type (default: all)'),
  },
  quotaTypes: {
    user: { description: 'IAM users' },
    group: { description: 'user groups' },
    idp: { description: 'identity providers' },
    agency: { description: 'agencies' },
    policy: { description: 'custom policies' },
    assigment_group_mp: { description: 'permissions that can be assigned to a user group for an IAM project' },
    assigment_agency_mp: { description: 'permissions that can be assigned to an agency' },
    assigment_group_ep: { description: 'permissions that can be assigned to a user group for an enterprise project' },
    assigment_user_ep: { description: 'permissions that can be assigned to a user for an enterprise project' },
    mapping: { description: 'mapping rules of all identity providers (IAM reports no usage)' },
  },
  read: readQuotaList(IamQuotaList, (args) => ({ type: args.type })),
  countedBy: {
    'huaweicloud:Iam/user:User': [{ type: 'user' }],
    'huaweicloud:Iam/group:Group': [{ type: 'group' }],
    'huaweicloud:Iam/agency:Agency': [{ type: 'agency' }],
  },
  emulator: emulatorPart(() => ({
    level: 'account',
    stateKey: 'iamQuotas',
    entry: z
      .object({
        /** The quota type, as IAM spells it. */
        type: z.enum(ACCOUNT_QUOTA_TYPES),
        /** The current quota. */
        quota: Count,
        /** `null` where IAM does not count usage (`mapping`). */
        used: Count.nullable(),
        /** The lowest value the quota can be set to. */
        min: Count,
        /** The highest value the quota can be set to. */
        max: Count,
      })
      .strict(),
    defaults: (owner) =>
      owner !== 'account'
        ? []
        : [
            { type: 'user', quota: 50, used: 10, min: 50, max: 1000 },
            { type: 'group', quota: 20, used: 8, min: 10, max: 300 },
            { type: 'idp', quota: 10, used: 9, min: 10, max: 20 },
            { type: 'agency', quota: 50, used: 12, min: 10, max: 300 },
            { type: 'policy', quota: 200, used: 8, min: 128, max: 300 },
            { type: 'assigment_group_mp', quota: 200, used: 8, min: 50, max: 500 },
            { type: 'assigment_agency_mp', quota: 200, used: 8, min: 50, max: 500 },
            { type: 'assigment_group_ep', quota: 500, used: 8, min: 50, max: 5000 },
            { type: 'assigment_user_ep', quota: 500, used: 8, min: 50, max: 5000 },
            { type: 'mapping', quota: 10, used: null, min: 10, max: 100 },
          ],
    query: { type: (value) => (ACCOUNT_QUOTA_TYPES as readonly string[]).includes(value) },
    answer: (entries, request) => {
      const type = request.query.get('type');
      return { quotas: { resources: entries.filter((entry) => type === null || entry.type === type) } };
    },
  })),
  example: `const account = await quotas.getAccountQuotas({ type: 'user' });
const users = account.resources[0];`,
});
