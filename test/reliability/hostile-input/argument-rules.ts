// The argument rules as the README states them, written here independently of the code under test: a property
// compares what the package does with what these say.

export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,3}$/;
export const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
export const ACCOUNT_QUOTA_TYPES = [
  'user', 'group', 'idp', 'agency', 'policy', 'assigment_group_mp', 'assigment_agency_mp', 'assigment_group_ep', 'assigment_user_ep', 'mapping',
];

type Rule = (value: unknown) => boolean;
const matches = (pattern: RegExp): Rule => (value) => typeof value === 'string' && pattern.test(value);

const PROJECT_SCOPE: Record<string, Rule> = { region: matches(REGION), projectId: matches(ID), projectName: matches(PROJECT_NAME) };

/** The arguments each read takes, and what each accepts. */
export const READ_ARGUMENT_RULES: Record<string, Record<string, Rule>> = {
  accountQuotas: { domainId: matches(ID), type: (value) => typeof value === 'string' && ACCOUNT_QUOTA_TYPES.includes(value), region: matches(REGION) },
  projectQuotas: PROJECT_SCOPE,
  kmsQuotas: PROJECT_SCOPE,
  sfsTurboQuotas: PROJECT_SCOPE,
  metaStudioUserQuotas: { ...PROJECT_SCOPE, userId: matches(ID) },
};

/** Whether a read accepts these arguments: only its own keys, each absent (undefined) or valid. */
export function argumentsAreValid(read: string, args: Record<string, unknown>): boolean {
  const rules = READ_ARGUMENT_RULES[read]!;
  return Object.keys(args).every((key) => Object.hasOwn(rules, key) && (args[key] === undefined || rules[key]!(args[key])));
}
