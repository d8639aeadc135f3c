'use strict';
const { createHash } = require('node:crypto');
const { defaultState } = require('pulumi-huaweicloud-quotas/emulator');
// Not part of the package's API, but the same seeded generator as the built-in state's 250 users.
const { generateMetaStudioUsers } = require('../../dist/apis/metastudio-users');

const SEED = 20_260_601;

/**
 * The emulator state the sweep reads: the built-in account with `projects` sub-projects of cn-north-4 (each with the
 * main project's IAM, KMS and SFS Turbo quotas) and `metaStudioUsers` MetaStudio users.
 */
function sweepState({ projects, metaStudioUsers }) {
  const state = defaultState();
  const [account] = state.accounts;
  const main = account.projects.find((project) => project.name === 'cn-north-4');
  const added = Array.from({ length: projects }, (_, index) => ({
    id: createHash('sha256').update(`bench-project-${index}`).digest('hex').slice(0, 32),
    name: `cn-north-4_bench${String(index).padStart(3, '0')}`,
    region: main.region,
    parentId: main.id,
    iamQuotas: main.iamQuotas.map((quota) => ({ ...quota })),
    kmsQuotas: main.kmsQuotas.map((quota) => ({ ...quota })),
    sfsTurboQuotas: main.sfsTurboQuotas.map((quota) => ({ ...quota })),
  }));
  account.projects.push(...added);
  account.metaStudioUsers = generateMetaStudioUsers(metaStudioUsers, SEED);
  return { state, projectIds: added.map((project) => project.id) };
}

/** Every secret in a state, to mask in anything a child process prints. */
function secretsOf(state) {
  return state.accounts.flatMap((account) => [
    ...account.accessKeys.flatMap((key) => [key.secretKey, key.securityToken]),
    ...account.tokens.map((token) => token.token),
  ]);
}

module.exports = { sweepState, secretsOf };
