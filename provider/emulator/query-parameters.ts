/** Checks one query parameter's value; `true` when acceptable. */
export type QueryRule = (value: string) => boolean;

/**
 * The first problem with a request's query, or `undefined`: a parameter the API does not take, one given twice, or a
 * value out of range. Unknown parameters are refused rather than ignored, so that a client's typo shows.
 */
export function queryProblem(query: URLSearchParams, rules: Readonly<Record<string, QueryRule>>): string | undefined {
  const seen = new Set<string>();
  for (const [name, value] of query) {
    const rule = rules[name];
    if (!rule) return `unknown query parameter ${name}`;
    if (seen.has(name)) return `query parameter ${name} is given more than once`;
    seen.add(name);
    if (!rule(value)) return `query parameter ${name} has an invalid value ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** A whole number in [min, max], written in plain digits. */
export function integerBetween(min: number, max: number): QueryRule {
  return (value) => /^\d{1,10}$/.test(value) && Number(value) >= min && Number(value) <= max;
}
