import { z } from 'zod';
import { HuaweiCloudError } from '../errors';
import { ACCOUNT_QUOTA_TYPES } from '../services/account-quotas';
import { RegionId, ResourceId } from './field-schemas';

const Region = RegionId;
const Id = ResourceId;
const ProjectName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a project name such as cn-north-4 or cn-north-4_dev');
const Signal = z.instanceof(AbortSignal, { message: 'must be an AbortSignal' });

const ProjectScope = { region: Region.optional(), projectId: Id.optional(), projectName: ProjectName.optional(), signal: Signal.optional() };

/** Arguments of `accountQuotas`. */
export const AccountQuotasArgs = z.object({
  domainId: Id.optional(),
  type: z.enum(ACCOUNT_QUOTA_TYPES).optional(),
  region: Region.optional(),
  signal: Signal.optional(),
}).strict();
export type AccountQuotasArgs = z.input<typeof AccountQuotasArgs>;

/** Arguments of `projectQuotas`, `kmsQuotas` and `sfsTurboQuotas`. */
export const ProjectScopeArgs = z.object(ProjectScope).strict();
export type ProjectScopeArgs = z.input<typeof ProjectScopeArgs>;

/** Arguments of `metaStudioUserQuotas`: one user, or every user when `userId` is absent. */
export const MetaStudioArgs = z.object({ ...ProjectScope, userId: Id.optional() }).strict();
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
