import { z } from 'zod';
import type { ApiArgsShape } from '../apis/api-definition';
import type { QuotaApi } from '../apis/quota-apis';
import { SCOPE_SHAPES } from '../apis/scope-args';
import { didYouMean } from '../closest-name';
import { HuaweiCloudError } from '../errors';
import { describeValue } from '../path-parameters';
import { objectKeysAt } from './schema-keys';

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

/** One thing wrong with arguments: the field at fault (`region`, `requirements[0].need`) and what is wrong with it. */
interface ArgumentProblem {
  readonly field: string;
  readonly message: string;
}

/** An error lists this many problems at most, then how many more there are: a file of a thousand bad entries stays readable. */
const MAX_PROBLEMS_SHOWN = 50;

/**
 * Validates arguments before any request. The error names every problem, one line each (`field: what is wrong, what
 * is allowed`), the first {@link MAX_PROBLEMS_SHOWN} of them then how many more; its `field` is the first at fault.
 */
export function checkArgs<T extends z.ZodTypeAny>(schema: T, args: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(args ?? {});
  if (result.success) return result.data;
  const issues = unknownKeysFirst(result.error.issues);
  const problems = issues.slice(0, MAX_PROBLEMS_SHOWN).map((issue) => describeIssue(schema, issue, prefix));
  const lines = problems.map(({ field, message }) => `${field}: ${message}`);
  if (issues.length > MAX_PROBLEMS_SHOWN) lines.push(`and ${issues.length - MAX_PROBLEMS_SHOWN} more problems`);
  throw new HuaweiCloudError({ kind: 'invalid-argument', field: problems[0]!.field, message: lines.join('\n') });
}

function describeIssue(schema: z.ZodTypeAny, issue: z.ZodIssue, prefix: string): ArgumentProblem {
  const field = `${prefix}${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '')}` || 'arguments';
  if (issue.code !== 'unrecognized_keys') return { field, message: issue.message === 'Required' ? 'is required' : issue.message };
  // Arguments of a call keep their short wording; keys of an object in them (a requirement) say what they could be.
  if (issue.path.length === 0) return { field, message: `unknown argument ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}` };
  return { field, message: unknownKeysMessage(issue.keys, objectKeysAt(schema, issue.path) ?? []) };
}

/**
 * An object's unknown keys explain its missing ones (`neeed`, so `need` is missing): they come first. zod lists an
 * object's unknown keys right after the problems of its fields, so only those just before are passed.
 */
function unknownKeysFirst(issues: readonly z.ZodIssue[]): z.ZodIssue[] {
  const ordered: z.ZodIssue[] = [];
  for (const issue of issues) {
    let at = ordered.length;
    const within = (other: z.ZodIssue) => issue.path.every((part, index) => other.path[index] === part);
    if (issue.code === 'unrecognized_keys') while (at > 0 && within(ordered[at - 1]!)) at--;
    ordered.splice(at, 0, issue);
  }
  return ordered;
}

/** `unknown key "neeed" (did you mean "need"?); keys are service, type, need, ...`; a few keys named, the rest counted. */
function unknownKeysMessage(unknown: readonly string[], known: readonly string[]): string {
  const named = unknown.slice(0, 5).map((key) => `${describeValue(key)}${didYouMean(key, known, 1)}`);
  const more = unknown.length > named.length ? ` and ${unknown.length - named.length} more` : '';
  return `unknown key${unknown.length === 1 ? '' : 's'} ${named.join(', ')}${more}${known.length ? `; keys are ${known.join(', ')}` : ''}`;
}
