import { z } from 'zod';
import { HuaweiCloudError } from '../errors';
import { ACCOUNT_QUOTA_TYPES } from '../services/account-quotas';
import { ProjectName, RegionId, ResourceId } from './field-schemas';

const Region = RegionId;
const Id = ResourceId;
const Signal = z.instanceof(AbortSignal, { message: 'must be an AbortSignal' });

const ProjectScope = {
  /** Region ID such as `cn-north-4`. Default: the client's region (`HW_REGION_NAME`). */
  region: Region.optional(),
  /** Project ID. Default: the client's, or the environment's for its own region, else looked up by name. */
  projectId: Id.optional(),
  /** Project name to look up, such as `cn-north-4_dev`. Default: `HW_PROJECT_NAME` for the environment's region, else the region. */
  projectName: ProjectName.optional(),
  /** Cancels the read. */
  signal: Signal.optional(),
};

/** Arguments of `accountQuotas`. */
export const AccountQuotasArgs = z.object({
  /** Account (domain) ID. Default: the client's, from the environment or profile, else looked up. */
  domainId: Id.optional(),
  /** One quota type, spelled as IAM spells it (`assigment_group_mp`...); default all ten. */
  type: z.enum(ACCOUNT_QUOTA_TYPES).optional(),
  /** Read through this region's IAM endpoint. Default: the client's region, else the global IAM endpoint. */
  region: Region.optional(),
  /** Cancels the read. */
  signal: Signal.optional(),
}).strict();
export type AccountQuotasArgs = z.input<typeof AccountQuotasArgs>;

/** Arguments of `projectQuotas`, `kmsQuotas` and `sfsTurboQuotas`. */
export const ProjectScopeArgs = z.object(ProjectScope).strict();
export type ProjectScopeArgs = z.input<typeof ProjectScopeArgs>;

/** Arguments of `metaStudioUserQuotas`: one user, or every user when `userId` is absent. */
export const MetaStudioArgs = z.object({
  ...ProjectScope,
  /** One IAM user's ID; default every user. */
  userId: Id.optional(),
}).strict();
export type MetaStudioArgs = z.input<typeof MetaStudioArgs>;

/** Validates arguments before any request; the error names the field and what it allows. */
export function checkArgs<T extends z.ZodTypeAny>(schema: T, args: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(args ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = `${prefix}${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '')}` || 'arguments';
  const message = issue.code === 'unrecognized_keys' ? `unknown argument ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
  throw new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` });
}
