import { inspect } from 'node:util';
import { expect } from 'vitest';

// Every scenario of the suite runs with these. Long and unmistakable, so that any copy of one in any output is found,
// and at least 8 characters, the shortest value the package redacts.

/** The root user's permanent secret key. */
export const SECRET_KEY = 'RELIABILITYSECRETKEYrootpermanent00000001';
/** The secret key of the root user's temporary access key. */
export const TEMPORARY_SECRET_KEY = 'RELIABILITYSECRETKEYtemporary00000000001';
/** The security token that goes with the temporary key. */
export const SECURITY_TOKEN = 'RELIABILITYSECURITYTOKEN-gQpjbi1ub3J0aC00iTFlbXVsYXRvci10ZW1wb3Jhcnk';
/** A project-scoped IAM token of the root user. */
export const AUTH_TOKEN = 'RELIABILITYAUTHTOKEN-MIIEemulatorProjectScopedToken-0001';
/** An IAM user's secret key (that user may not read MetaStudio quotas: the 403 case). */
export const USER_SECRET_KEY = 'RELIABILITYSECRETKEYiamuser0000000000001';

export const SECRETS: readonly string[] = [SECRET_KEY, TEMPORARY_SECRET_KEY, SECURITY_TOKEN, AUTH_TOKEN, USER_SECRET_KEY];

/** A secret may be copied as is, percent-encoded (a URL, a query) or base64-encoded (a header, a blob). */
const FORMS: readonly string[] = SECRETS.flatMap((secret) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]);

/** The secrets (in any of their forms) found in a text. */
export function secretsIn(text: string): string[] {
  return FORMS.filter((form) => text.includes(form));
}

/** Every way a value can reach a person: as text, as JSON, inspected, and for errors their stack and causes. */
export function renderings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const texts = [inspect(value, { depth: 20, showHidden: true, getters: true })];
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch {
    // Not JSON-serialisable (a cycle, a BigInt): the inspected form above still shows it.
  }
  for (let cause: unknown = value, depth = 0; cause instanceof Error && depth < 10; cause = cause.cause, depth++) {
    texts.push(cause.message, String(cause.stack), inspect(cause, { depth: 20, showHidden: true }));
  }
  return texts;
}

/** Fails, naming the place, when any recognisable secret appears in any rendering of `value`. */
export function expectNoSecrets(value: unknown, where: string): void {
  for (const text of renderings(value)) {
    const found = secretsIn(text);
    expect(found, `${where} holds a secret: ${text.slice(0, 2000)}`).toEqual([]);
  }
}
