import { z } from 'zod';

/**
 * The keys the object schema at `path` inside `schema` takes (`[0]` of a list of requirements: `service`, `type`,
 * `need`...), or `undefined` when no object schema is there. Lets an "unknown key" message say what is allowed.
 */
export function objectKeysAt(schema: z.ZodTypeAny, path: readonly (string | number)[]): string[] | undefined {
  let current: z.ZodTypeAny | undefined = unwrap(schema);
  for (const part of path) {
    if (current instanceof z.ZodArray && typeof part === 'number') current = unwrap(current.element);
    else if (current instanceof z.ZodObject && typeof part === 'string' && Object.hasOwn(current.shape, part)) current = unwrap(current.shape[part]);
    else return undefined;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
}

/** The schema under refinements, defaults and optional or nullable wrappers. */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current.removeDefault();
    else return current;
  }
}
