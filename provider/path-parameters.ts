import { invalidArgument } from './errors';

export const PATH_PARAMETER_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A project's name: a region's own project (`cn-north-4`) or a sub-project (`cn-north-4_dev`). */
export const PROJECT_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export const PATH_PARAMETER_RULE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'";

/**
 * Checks an ID that goes into a URL path (`project_id`, `domain_id`, ...). Only `[A-Za-z0-9_-]`, 1 to 64 of them,
 * so that `../`, `%2F`, `/`, `?` and `#` can never steer a signed request to another API.
 */
export function checkPathParameter(field: string, value: unknown): string {
  if (typeof value !== 'string' || !PATH_PARAMETER_PATTERN.test(value)) {
    throw invalidArgument(field, `${PATH_PARAMETER_RULE}; got ${describeValue(value)}`);
  }
  return value;
}

/** Fills `{name}` placeholders of a path template with checked parameters. */
export function expandPath(template: string, parameters: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in parameters)) throw new Error(`path template ${template} needs ${name}`);
    return checkPathParameter(name, parameters[name]);
  });
}

/** A short, printable description of a rejected value (never the whole of a huge string). */
export function describeValue(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? 'nothing' : typeof value;
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value.length > 40 ? `${shown} (${value.length} characters)` : shown;
}
