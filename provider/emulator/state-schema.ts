import { z } from 'zod';
import { QUOTA_APIS } from '../apis/registry';
import { REGION_PATTERN } from '../endpoints/region';
import { PROJECT_NAME_PATTERN } from '../path-parameters';
import type { AccountQuotaLists, AccountQuotaListsInput, ProjectQuotaLists, ProjectQuotaListsInput } from './quota-lists';
import { SERVICE_NAMES, type ServiceName } from '../endpoints/service-names';

/** IDs as the cloud gives them: 32 lower-case hexadecimal characters. */
const CloudId = z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lower-case hexadecimal characters, like the IDs Huawei Cloud gives');
const RegionId = z.string().regex(REGION_PATTERN, 'must be a region ID such as cn-north-4 or eu-west-101');
/** ISO 8601 date-time, as IAM writes `expires_at`. */
const Instant = z.string().datetime({ offset: true });

/** Services a user can be granted: all but IAM, whose quota APIs any user of the account may call. */
const GRANTABLE = SERVICE_NAMES.filter((name) => name !== 'iam');

/** The quota lists of one level of the state, one per API kept there, each under the API's `stateKey`. */
function quotaListsShape(level: 'project' | 'account'): Record<string, z.ZodDefault<z.ZodArray<z.ZodTypeAny>>> {
  const apis = QUOTA_APIS.filter((api) => api.emulator().level === level);
  return Object.fromEntries(apis.map((api) => [api.emulator().stateKey, z.array(api.emulator().entry).default([]).describe(`${api.title}: ${api.service.title} GET ${api.path}`)]));
}

const User = z
  .object({
    /** The user ID. */
    id: CloudId,
    /** The user name (the root user's is the account name). */
    name: z.string().min(1),
    /** The account's own (root) user: it may call every API (and is the only one MetaStudio user quotas answer to). */
    root: z.boolean().default(false),
    /**
     * An IAM user's permissions: the services (`kms`, `ecs`...) it may read quotas of. Any other service answers it
     * with its own "no permission" error. IAM's quotas need no permission. Default none.
     */
    grants: z.array(z.enum(GRANTABLE as [ServiceName, ...ServiceName[]])).default([]),
  })
  .strict();

const AccessKey = z
  .object({
    /** The access key ID (AK). */
    accessKey: z.string().regex(/^[A-Za-z0-9]{1,128}$/, 'must be letters and digits, like the access keys Huawei Cloud gives'),
    /** The secret access key (SK) the gateway checks signatures with. */
    secretKey: z.string().min(1),
    /** The user the key belongs to, in the same account. */
    userId: CloudId,
    /** Temporary keys only: the request must carry it as `X-Security-Token`. */
    securityToken: z.string().min(1).optional(),
    /** Temporary keys only: refused from then on. */
    expiresAt: Instant.optional(),
  })
  .strict();

const TokenScope = z.union([
  z
    .object({
      /** An account-scoped token: the account's ID. */
      domainId: CloudId,
    })
    .strict(),
  z
    .object({
      /** A project-scoped token: the project's ID. */
      projectId: CloudId,
    })
    .strict(),
]);

const Token = z
  .object({
    /** The value sent as `X-Auth-Token`. */
    token: z.string().min(1),
    /** The user the token was issued to, in the same account. */
    userId: CloudId,
    /** An account-scoped token (`domainId`) or a project-scoped one (`projectId`). */
    scope: TokenScope,
    /** Refused from then on (ISO 8601). Default: never. */
    expiresAt: Instant.optional(),
  })
  .strict();

/** A project's own fields, without its quotas. */
export const EmulatorProjectFields = z
  .object({
    /** The project ID. */
    id: CloudId,
    /** The region ID for a region's main project; `{region}_{name}` for a sub-project. */
    name: z.string().regex(PROJECT_NAME_PATTERN, 'must be a project name such as cn-north-4 or cn-north-4_dev'),
    /** The region the project is in; every region of some project is served. */
    region: RegionId,
    /** Listed by `GET /v3/projects` as `enabled`. Default `true`. */
    enabled: z.boolean().default(true),
    /** Sub-projects only: the region's main project. */
    parentId: CloudId.optional(),
  })
  .strict();

/** A project, with the quotas of the project-level APIs, each under its `stateKey` (`kmsQuotas`, `ecsQuotas`...). */
const Project = EmulatorProjectFields.extend(quotaListsShape('project'));

/** An account's own fields, without its projects and quotas. */
export const EmulatorAccountFields = z
  .object({
    /** The account (domain) ID. */
    id: CloudId,
    /** The account name. */
    name: z.string().min(1),
    /** Listed by `GET /v3/auth/domains` as `enabled`. Default `true`. */
    enabled: z.boolean().default(true),
    /** The account's users: its root user and IAM users. */
    users: z.array(User).min(1),
    /** Access keys of the account's users, permanent or temporary. */
    accessKeys: z.array(AccessKey).default([]),
    /** IAM tokens of the account's users, sent as `X-Auth-Token`. */
    tokens: z.array(Token).default([]),
  })
  .strict();

/**
 * An account, with its projects and the quotas of the account-level APIs, each under its `stateKey`: IAM's account
 * quotas (`iamQuotas`) and MetaStudio's users (`metaStudioUsers`, whichever of the account's projects is asked).
 */
const Account = EmulatorAccountFields.extend({ projects: z.array(Project).default([]), ...quotaListsShape('account') });

/**
 * Everything the emulator serves: accounts, their IAM users, access keys and tokens, their projects (each in a
 * region), and per-service quotas and usage. The first account's first project names the region printed as
 * `HW_REGION_NAME`, and the first account's first permanent key of a root user is printed as `HUAWEICLOUD_SDK_AK`.
 *
 * Besides each field's own rules, IDs, access keys and tokens are unique, every reference (a key's or token's user,
 * a token's scope, a sub-project's parent) points inside the same account, and quota types are not repeated.
 */
export const EmulatorStateSchema: z.ZodType<EmulatorState, z.ZodTypeDef, EmulatorStateInput> = z
  .object({
    /** At least one account; the first is the one whose key and project the printed environment names. */
    accounts: z.array(Account).min(1),
  })
  .strict()
  // The quota lists are built from the registry: their types come from the generated `quota-lists.ts`.
  .superRefine((state, context) => checkReferences(state as unknown as EmulatorState, context)) as unknown as z.ZodType<EmulatorState, z.ZodTypeDef, EmulatorStateInput>;

/** The state as the emulator holds it (defaults filled in). The running emulator's `state` is this, live. */
export interface EmulatorState {
  /** At least one account; the first is the one whose key and project the printed environment names. */
  accounts: EmulatorAccount[];
}
/** The state as written in a state file or passed to `startEmulator` (fields with defaults may be left out). */
export interface EmulatorStateInput {
  /** At least one account; the first is the one whose key and project the printed environment names. */
  accounts: EmulatorAccountInput[];
}
/** An account of the state: its users, keys, tokens, projects and account-level quotas. */
export type EmulatorAccount = z.output<typeof EmulatorAccountFields> & AccountQuotaLists & {
  /** The account's projects: a main project per region, and sub-projects. */
  projects: EmulatorProject[];
};
/** An account as a state file writes it. */
export type EmulatorAccountInput = z.input<typeof EmulatorAccountFields> & AccountQuotaListsInput & {
  /** The account's projects: a main project per region, and sub-projects. Default none. */
  projects?: EmulatorProjectInput[];
};
/** A project as a state file writes it. */
export type EmulatorProjectInput = z.input<typeof EmulatorProjectFields> & ProjectQuotaListsInput;
/** A user of an account: the root user, or an IAM user. */
export type EmulatorUser = EmulatorAccount['users'][number];
/** An access key of a user, permanent or temporary (with a `securityToken`). */
export type EmulatorAccessKey = EmulatorAccount['accessKeys'][number];
/** An IAM token of a user, scoped to the account or to one project. */
export type EmulatorToken = EmulatorAccount['tokens'][number];
/** A project of an account, in one region: a main project, or a sub-project, with its quotas. */
export type EmulatorProject = z.output<typeof EmulatorProjectFields> & ProjectQuotaLists;
/** One IAM user's MetaStudio quotas and usage, as `GET /v1/{project_id}/user/quotas` lists them. */
export type EmulatorMetaStudioUser = EmulatorAccount['metaStudioUsers'][number];

function checkReferences(state: EmulatorState, context: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => context.addIssue({ code: z.ZodIssueCode.custom, path, message });
  const unique = new Map<string, Set<string>>();
  const once = (kind: string, value: string, path: (string | number)[]) => {
    const seen = unique.get(kind) ?? new Set<string>();
    unique.set(kind, seen);
    if (seen.has(value)) issue(path, `${kind} ${value} appears twice`);
    seen.add(value);
  };

  state.accounts.forEach((account, a) => {
    const at = (...path: (string | number)[]) => ['accounts', a, ...path];
    once('account ID', account.id, at('id'));
    const userIds = new Set(account.users.map((user) => user.id));
    const projectsById = new Map(account.projects.map((project) => [project.id, project]));
    account.users.forEach((user, u) => once('user ID', user.id, at('users', u, 'id')));
    account.accessKeys.forEach((key, k) => {
      once('access key', key.accessKey, at('accessKeys', k, 'accessKey'));
      if (!userIds.has(key.userId)) issue(at('accessKeys', k, 'userId'), `no user with ID ${key.userId} in this account`);
      if (key.expiresAt && !key.securityToken) issue(at('accessKeys', k, 'expiresAt'), 'only temporary keys (with a securityToken) expire');
    });
    account.tokens.forEach((token, t) => {
      once('token', token.token, at('tokens', t, 'token'));
      if (!userIds.has(token.userId)) issue(at('tokens', t, 'userId'), `no user with ID ${token.userId} in this account`);
      if ('domainId' in token.scope && token.scope.domainId !== account.id) {
        issue(at('tokens', t, 'scope', 'domainId'), 'must be the ID of the account the token belongs to');
      }
      if ('projectId' in token.scope && !projectsById.has(token.scope.projectId)) {
        issue(at('tokens', t, 'scope', 'projectId'), `no project with ID ${token.scope.projectId} in this account`);
      }
    });
    account.projects.forEach((project, p) => {
      once('project ID', project.id, at('projects', p, 'id'));
      checkProjectName(project, projectsById, (path, message) => issue(at('projects', p, ...path), message));
      noRepeatedEntries('project', project, (path, message) => issue(at('projects', p, ...path), message));
    });
    noRepeatedEntries('account', account, (path, message) => issue(at(...path), message));
  });

  // The emulator prints these as the environment a client needs (HW_REGION_NAME, HUAWEICLOUD_SDK_AK...).
  const [first] = state.accounts;
  if (first && first.projects.length === 0) issue(['accounts', 0, 'projects'], 'the first account needs a project: its region is printed as HW_REGION_NAME');
  if (first && !primaryAccessKey(first)) {
    issue(['accounts', 0, 'accessKeys'], 'the first account needs a permanent access key of a root user: it is printed as HUAWEICLOUD_SDK_AK');
  }
}

function checkProjectName(
  project: EmulatorProject,
  projectsById: ReadonlyMap<string, EmulatorProject>,
  issue: (path: string[], message: string) => void,
): void {
  if (project.parentId === undefined) {
    if (project.name !== project.region) issue(['name'], `a region's main project is named after its region (${project.region}); a sub-project needs a parentId`);
    return;
  }
  const parent = projectsById.get(project.parentId);
  if (!parent) return issue(['parentId'], `no project with ID ${project.parentId} in this account`);
  if (parent.parentId !== undefined || parent.region !== project.region) {
    issue(['parentId'], `must be the main project of region ${project.region}`);
  }
  if (!project.name.startsWith(`${project.region}_`)) issue(['name'], `a sub-project's name starts with its region and '_' (${project.region}_...)`);
}

/** No two entries of a quota list share their API's unique field (`type`, or MetaStudio's `user_id`). */
function noRepeatedEntries(level: 'project' | 'account', owner: object, issue: (path: (string | number)[], message: string) => void): void {
  for (const api of QUOTA_APIS) {
    if (api.emulator().level !== level) continue;
    const field = api.emulator().uniqueBy ?? 'type';
    const seen = new Set<unknown>();
    ((owner as Record<string, Record<string, unknown>[]>)[api.emulator().stateKey] ?? []).forEach((entry, index) => {
      if (seen.has(entry[field])) issue([api.emulator().stateKey, index, field], `${field === 'type' ? 'quota type' : field} ${String(entry[field])} appears twice`);
      seen.add(entry[field]);
    });
  }
}

/** The key the emulator prints as `HUAWEICLOUD_SDK_AK`: the account's first permanent key of a root user. */
export function primaryAccessKey(account: EmulatorAccount): EmulatorAccessKey | undefined {
  const rootIds = new Set(account.users.filter((user) => user.root).map((user) => user.id));
  return account.accessKeys.find((key) => rootIds.has(key.userId) && key.securityToken === undefined);
}
