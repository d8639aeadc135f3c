/** Checks one query parameter's value; `true` when acceptable. */
export type QueryRule = (value: string) => boolean;

/**
 * The first problem with a request's query, or `undefined`: a parameter given twice (unless `repeatable`), or a value
 * out of range.
 * Parameters the API does not take are ignored, as the services ignore them.
 */
export function queryProblem(query: URLSearchParams, rules: Readonly<Record<string, QueryRule>>, repeatable: readonly string[] = []): string | undefined {
  const seen = new Set<string>();
  for (const [name, value] of query) {
    if (!Object.hasOwn(rules, name)) continue;
    if (seen.has(name) && !repeatable.includes(name)) return `query parameter ${name} is given more than once`;
    seen.add(name);
    if (!rules[name]!(value)) return `query parameter ${name} has an invalid value ${JSON.stringify(value)}`;
  }
  return undefined;
}
