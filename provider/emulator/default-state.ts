import { parseEmulatorState } from './load-state';
import { generateMetaStudioUsers } from './metastudio-users';
import type { EmulatorState, EmulatorStateInput } from './state-schema';

const DOMAIN_ID = 'b933a12c403702918e1c1f0c738433a3';
const ROOT_USER_ID = 'eebb7cce27540af88f4034eb66e4a256';
const IAM_USER_ID = '84cdcdfb56319db6d3d2fc954c3ed24c';
/** The project ID of the KMS reference's example request. */
const CN_NORTH_4 = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const CN_NORTH_4_DEV = '34bdce22bc00d4d4402427d1aa0ae49a';
const EU_WEST_101 = 'fefd03d0f5479c9faf101287fbfd0e17';

/** Users listed by the default MetaStudio user quotas: more than two pages of 100. */
const METASTUDIO_USER_COUNT = 250;
const METASTUDIO_SEED = 20_260_101;

/**
 * The built-in state: one account (`Account`) with its root user's keys (the printed `HUAWEICLOUD_SDK_AK`/`_SK`),
 * an IAM user's key, a temporary key with its security token, an account-scoped and a project-scoped token, the
 * projects `cn-north-4`, its sub-project `cn-north-4_dev` and `eu-west-101`, the quotas of the API references'
 * examples, and 250 MetaStudio users. A fresh copy on every call, so that one emulator's changes stay its own.
 */
export function defaultState(): EmulatorState {
  return parseEmulatorState(defaultStateInput(), 'the default state');
}

function defaultStateInput(): EmulatorStateInput {
  return {
    accounts: [
      {
        id: DOMAIN_ID,
        name: 'Account',
        users: [
          { id: ROOT_USER_ID, name: 'Account', root: true },
          { id: IAM_USER_ID, name: 'developer' },
        ],
        accessKeys: [
          { accessKey: 'HPUAEMULATORROOT0001', secretKey: 'EmulatorRootSecretKey0000000000000000001', userId: ROOT_USER_ID },
          { accessKey: 'HPUAEMULATORUSER0001', secretKey: 'EmulatorUserSecretKey0000000000000000001', userId: IAM_USER_ID },
          {
            accessKey: 'HPUAEMULATORTEMP0001',
            secretKey: 'EmulatorTempSecretKey0000000000000000001',
            userId: IAM_USER_ID,
            securityToken: 'gQpjbi1ub3J0aC00iTFlbXVsYXRvci10ZW1wb3Jhcnkta2V5LXNlY3VyaXR5LXRva2Vu',
          },
        ],
        tokens: [
          { token: 'MIIEemulatorAccountScopedToken0001', userId: ROOT_USER_ID, scope: { domainId: DOMAIN_ID } },
          { token: 'MIIEemulatorProjectScopedToken0001', userId: IAM_USER_ID, scope: { projectId: CN_NORTH_4 } },
        ],
        projects: [
          {
            id: CN_NORTH_4,
            name: 'cn-north-4',
            region: 'cn-north-4',
            iamQuotas: [{ type: 'project', quota: 10, used: 4, min: 0, max: 50 }],
            kmsQuotas: [
              { type: 'CMK', quota: 20, used: 20 },
              { type: 'grant_per_CMK', quota: 100, used: 0 },
            ],
            sfsTurboQuotas: [
              { type: 'shares', quota: 400, used: 5 },
              { type: 'capacity', quota: 20, used: 0, unit: 'GB' },
            ],
          },
          {
            id: CN_NORTH_4_DEV,
            name: 'cn-north-4_dev',
            region: 'cn-north-4',
            parentId: CN_NORTH_4,
            iamQuotas: [{ type: 'project', quota: 10, used: 0, min: 0, max: 50 }],
            kmsQuotas: [
              { type: 'CMK', quota: 20, used: 3 },
              { type: 'grant_per_CMK', quota: 100, used: 12 },
            ],
            sfsTurboQuotas: [
              { type: 'shares', quota: 400, used: 1 },
              { type: 'capacity', quota: 20, used: 4, unit: 'GB' },
            ],
          },
          {
            id: EU_WEST_101,
            name: 'eu-west-101',
            region: 'eu-west-101',
            iamQuotas: [{ type: 'project', quota: 10, used: 1, min: 0, max: 50 }],
            kmsQuotas: [
              { type: 'CMK', quota: 20, used: 2 },
              { type: 'grant_per_CMK', quota: 100, used: 0 },
            ],
            sfsTurboQuotas: [
              { type: 'shares', quota: 400, used: 0 },
              { type: 'capacity', quota: 20, used: 0, unit: 'GB' },
            ],
          },
        ],
        iamQuotas: [
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
        metaStudioUsers: generateMetaStudioUsers(METASTUDIO_USER_COUNT, METASTUDIO_SEED),
      },
    ],
  };
}
