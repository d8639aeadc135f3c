/** Headers whose values are credentials: never logged, never put in an error. */
const SECRET_HEADERS = new Set(['authorization', 'x-auth-token', 'x-security-token']);

export const REDACTED = '[redacted]';

/** A copy of the headers with credential-bearing values replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return copy;
}

/**
 * Removes known secret values from a text that may echo them (a service's error message, a proxy's page).
 * Short values are left alone: replacing a 3-letter "secret" would garble ordinary words and protect nothing.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) result = result.split(secret).join(REDACTED);
  }
  return result;
}
