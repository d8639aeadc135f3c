import { z } from 'zod';

// What a valid result is, written from the README's model rather than from the code under test, so that a result
// that merely has the right keys (a NaN, an Infinity, a function where a number belongs) is caught.

const finite = z.number().finite();

/** A normalised quota: `quota: null` exactly when unlimited; `headroom = quota - used` when both are known, else null. */
export const QuotaResourceShape = z
  .object({
    type: z.string(),
    quota: finite.nullable(),
    used: finite.nullable(),
    headroom: z.number().nullable(),
    unlimited: z.boolean(),
    min: finite.optional(),
    max: finite.optional(),
    unit: z.string().optional(),
  })
  .strict()
  .superRefine((resource, context) => {
    if (resource.unlimited !== (resource.quota === null)) context.addIssue({ code: 'custom', message: 'unlimited must mean quota null' });
    const expected = resource.quota === null || resource.used === null ? null : resource.quota - resource.used;
    if (!Object.is(resource.headroom, expected)) context.addIssue({ code: 'custom', message: `headroom ${resource.headroom} is not quota - used (${expected})` });
  });

const Resources = z.array(QuotaResourceShape);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,3}$/);

export const RESULT_SHAPES = {
  account: z.object({ domainId: Id, resources: Resources }).strict(),
  project: z.object({ projectId: Id, resources: Resources }).strict(),
  kms: z.object({ projectId: Id, region: Region, resources: Resources }).strict(),
  'sfs-turbo': z.object({ projectId: Id, region: Region, resources: Resources }).strict(),
  metastudio: z
    .object({
      projectId: Id,
      region: Region,
      count: z.number().int().nonnegative(),
      users: z.array(z.object({ userId: z.string(), resources: Resources }).strict()),
    })
    .strict(),
} as const;

export type ReadName = keyof typeof RESULT_SHAPES;
export const READ_NAMES = Object.keys(RESULT_SHAPES) as ReadName[];

/** A check as `evaluate` and `hwquota check --output json` give it. */
export const QuotaCheckShape = z
  .object({
    requirement: z.object({ service: z.string(), type: z.string(), need: finite }).passthrough(),
    scope: z.string(),
    quota: finite.nullable(),
    used: finite.nullable(),
    headroom: z.number().nullable(),
    unlimited: z.boolean(),
    met: z.boolean(),
    margin: finite.optional(),
    claimed: finite.optional(),
    shortfall: z.number().nullable(),
    note: z.string().optional(),
  })
  .strict();

/** `hwquota check --output json`. */
/** An entry `hwquota check` could not check: named, with its error's kind and message (and a service's code). */
const CheckErrorShape = z
  .object({ entry: z.string().regex(/^requirements\[\d+\]$/), kind: z.string(), message: z.string().min(1), field: z.string().optional(), code: z.string().optional(), status: z.number().optional(), requestId: z.string().optional() })
  .strict();

export const CheckOutputShape = z.object({ ok: z.boolean(), checks: z.array(QuotaCheckShape), errors: z.array(CheckErrorShape).min(1).optional() }).strict();

/** The first problem of a value against a shape, or `undefined` when it is valid. */
export function shapeProblem(shape: z.ZodTypeAny, value: unknown): string | undefined {
  const result = shape.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
