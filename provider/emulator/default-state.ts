import { QUOTA_APIS } from '../apis/registry';
import { SERVICE_NAMES } from '../endpoints/service-names';
import { parseEmulatorState } from './load-state';
import type { EmulatorState, EmulatorStateInput } from './state-schema';

const DOMAIN_ID = 'b933a12c403702918e1c1f0c738433a3';
const ROOT_USER_ID = 'eebb7cce27540af88f4034eb66e4a256';
const IAM_USER_ID = '84cdcdfb56319db6d3d2fc954c3ed24c';
/** The project ID of the KMS reference's example request. */
const CN_NORTH_4 = '0dea2644dc80d5d22ff1c01e3ebea6fc';
const CN_NORTH_4_DEV = '34bdce22bc00d4d4402427d1aa0ae49a';
const EU_WEST_101 = 'fefd03d0f5479c9faf101287fbfd0e17';


/**
 * The built-in state: one account (`Account`) with its root user's keys (the printed `HUAWEICLOUD_SDK_AK`/`_SK`),
 * an IAM user (granted every service) with a key and a temporary key with its security token, an account-scoped and
 * a project-scoped token, the projects `cn-north-4`, its sub-project `cn-north-4_dev` and `eu-west-101`, and each
 * API's default quotas (its definition's `emulator.defaults`: the API references' examples, 250 MetaStudio users). A fresh copy on every call, so that one emulator's changes stay its own.
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
          { id: IAM_USER_ID, name: 'developer', grants: SERVICE_NAMES.filter((name) => name !== 'iam') },
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
            ...defaultQuotas('project', 'cn-north-4'),
          },
          {
            id: CN_NORTH_4_DEV,
            name: 'cn-north-4_dev',
            region: 'cn-north-4',
            parentId: CN_NORTH_4,
            ...defaultQuotas('project', 'cn-north-4_dev'),
          },
          {
            id: EU_WEST_101,
            name: 'eu-west-101',
            region: 'eu-west-101',
            ...defaultQuotas('project', 'eu-west-101'),
          },
        ],
        ...defaultQuotas('account', 'account'),
      },
    ],
  };
}

/** Each API's default entries for an owner of this level, under the API's state key. */
function defaultQuotas(level: 'project' | 'account', owner: string): Record<string, readonly object[]> {
  return Object.fromEntries(QUOTA_APIS.filter((api) => api.emulator().level === level).map((api) => [api.emulator().stateKey, api.emulator().defaults(owner)]));
}
