import { createHash } from 'node:crypto';
import { defaultState, type EmulatorProject, type EmulatorState } from '../../../provider/emulator';
import { AUTH_TOKEN, SECRET_KEY, SECURITY_TOKEN, TEMPORARY_SECRET_KEY, USER_SECRET_KEY } from './recognisable-secrets';

export const ROOT_ACCESS_KEY = 'HPUAEMULATORROOT0001';
export const TEMPORARY_ACCESS_KEY = 'HPUAEMULATORTEMP0001';
export const USER_ACCESS_KEY = 'HPUAEMULATORUSER0001';
export const REGION = 'cn-north-4';

/**
 * The emulator's built-in state with the recognisable secrets in place of its own, so that every scenario signs and
 * authenticates with them. The temporary key and the project-scoped token belong to the root user, so that either can
 * read every API (MetaStudio answers only the account's root credentials). `subProjects` adds sub-projects of
 * cn-north-4, each with its own quotas, for the load test.
 */
export function reliabilityState(options: { subProjects?: number } = {}): EmulatorState {
  const state = defaultState();
  const account = state.accounts[0]!;
  const root = account.users.find((user) => user.root)!;
  const mainProject = account.projects.find((project) => project.name === REGION)!;
  for (const key of account.accessKeys) {
    if (key.accessKey === ROOT_ACCESS_KEY) key.secretKey = SECRET_KEY;
    if (key.accessKey === USER_ACCESS_KEY) key.secretKey = USER_SECRET_KEY;
    if (key.accessKey === TEMPORARY_ACCESS_KEY) Object.assign(key, { secretKey: TEMPORARY_SECRET_KEY, securityToken: SECURITY_TOKEN, userId: root.id });
  }
  const projectToken = account.tokens.find((token) => 'projectId' in token.scope)!;
  Object.assign(projectToken, { token: AUTH_TOKEN, userId: root.id, scope: { projectId: mainProject.id } });
  for (let index = 0; index < (options.subProjects ?? 0); index++) account.projects.push(subProject(mainProject, index));
  return state;
}

/** A sub-project of cn-north-4 with a stable ID and quotas that differ per project, so that a mixed-up read shows. */
function subProject(parent: EmulatorProject, index: number): EmulatorProject {
  return {
    // The parent's quotas of every API, then those the suite reads with counts that differ per project.
    ...structuredClone(parent),
    id: createHash('md5').update(`reliability-project-${index}`).digest('hex'),
    name: `${REGION}_load${String(index).padStart(3, '0')}`,
    region: REGION,
    enabled: true,
    parentId: parent.id,
    iamQuotas: [{ type: 'project', quota: 10, used: index % 10, min: 0, max: 50 }],
    kmsQuotas: [{ type: 'CMK', quota: 20, used: index % 20 }, { type: 'grant_per_CMK', quota: 100, used: 0 }],
    sfsTurboQuotas: [{ type: 'shares', quota: 400, used: index }, { type: 'capacity', quota: 20, used: 0, unit: 'GB' }],
  };
}
