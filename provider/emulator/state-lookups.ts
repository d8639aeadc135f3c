import type { EmulatorAccessKey, EmulatorAccount, EmulatorProject, EmulatorState, EmulatorToken, EmulatorUser } from './state-schema';

// Lookups read the live state on every request, so that changes made through `emulator.state` apply at once.

/** An access key with its account and user; `undefined` for an unknown key (or one whose user was removed). */
export function findAccessKey(state: EmulatorState, accessKey: string): { account: EmulatorAccount; key: EmulatorAccessKey; user: EmulatorUser } | undefined {
  for (const account of state.accounts) {
    const key = account.accessKeys.find((candidate) => candidate.accessKey === accessKey);
    const user = key && account.users.find((candidate) => candidate.id === key.userId);
    if (key && user) return { account, key, user };
  }
  return undefined;
}

/** An IAM token with its account and user. */
export function findToken(state: EmulatorState, value: string): { account: EmulatorAccount; token: EmulatorToken; user: EmulatorUser } | undefined {
  for (const account of state.accounts) {
    const token = account.tokens.find((candidate) => candidate.token === value);
    const user = token && account.users.find((candidate) => candidate.id === token.userId);
    if (token && user) return { account, token, user };
  }
  return undefined;
}

/** A project with its account, whichever account holds it. */
export function findProject(state: EmulatorState, projectId: string): { account: EmulatorAccount; project: EmulatorProject } | undefined {
  for (const account of state.accounts) {
    const project = account.projects.find((candidate) => candidate.id === projectId);
    if (project) return { account, project };
  }
  return undefined;
}

export function findAccount(state: EmulatorState, domainId: string): EmulatorAccount | undefined {
  return state.accounts.find((account) => account.id === domainId);
}

/** Every region some project lives in: each service is served there. */
export function servedRegions(state: EmulatorState): Set<string> {
  return new Set(state.accounts.flatMap((account) => account.projects.map((project) => project.region)));
}
