import { z } from 'zod';
import type { ApiArgsShape } from '../apis/api-definition';
import type { QuotaApi } from '../apis/quota-apis';
import { SCOPE_SHAPES } from '../apis/scope-args';
import { HuaweiCloudError } from '../errors';

/** The strict zod object of an API's read arguments, as a type. */
export type ArgsObject<A extends QuotaApi> = ApiArgsShape<A> extends infer Shape extends z.ZodRawShape ? z.ZodObject<Shape, 'strict'> : never;

/** The arguments of an API's read: its scope (`region`, `projectId`, `projectName`, or `domainId`), its own, `signal`. */
export type ReadArgs<A extends QuotaApi> = z.input<ArgsObject<A>>;

/** The same, checked (what `read` hooks and the cache key see). */
export type CheckedReadArgs<A extends QuotaApi> = z.output<ArgsObject<A>>;

const schemas = new Map<string, z.AnyZodObject>();

/** The strict schema of an API's read arguments: unknown arguments are refused by name. Built once per API. */
export function readArgsSchema(api: QuotaApi): z.AnyZodObject {
  let schema = schemas.get(api.name);
  if (!schema) schemas.set(api.name, (schema = z.object({ ...SCOPE_SHAPES[api.scope], ...api.args }).strict()));
  return schema;
}

/** Validates arguments before any request; the error names the field and what it allows. */
export function checkArgs<T extends z.ZodTypeAny>(schema: T, args: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(args ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = `${prefix}${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '')}` || 'arguments';
  const message = issue.code === 'unrecognized_keys' ? `unknown argument ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
  throw new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` });
}
