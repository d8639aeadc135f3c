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

/** Secrets shorter than this are replaced only whole: replacing a 3-letter "secret" would garble words and protect nothing. */
const MIN_SECRET_LENGTH = 8;

/** No run of this many characters of a secret (raw, URL-encoded or base64) may remain in a text. */
const PIECE_LENGTH = 16;

/**
 * Removes known secret values from a text that may echo them (a service's error message, a proxy's page): each whole
 * value, and any run of 16 characters or more of one, raw, URL-encoded or base64 (a token cut short, split by a
 * control character, or encoded). Scrub a text as received, before cutting or escaping it.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    result = result.split(secret).join(REDACTED);
    if (secret.length >= PIECE_LENGTH) result = removePieces(result, piecesOf(secret));
  }
  return result;
}

/** Whether a text holds a secret: whole, or a run of 16 characters or more of one, in any of the forms above. */
export function holdsSecret(text: string, secrets: readonly (string | undefined)[]): boolean {
  return redactSecrets(text, secrets) !== text;
}

/** Replaces every stretch of the text covered by a 16-character piece of the set. */
function removePieces(text: string, pieces: ReadonlySet<string>): string {
  if (text.length < PIECE_LENGTH) return text;
  const covered = new Uint8Array(text.length);
  let found = false;
  for (let start = 0; start + PIECE_LENGTH <= text.length; start++) {
    if (pieces.has(text.slice(start, start + PIECE_LENGTH))) {
      covered.fill(1, start, start + PIECE_LENGTH);
      found = true;
    }
  }
  if (!found) return text;
  let result = '';
  for (let index = 0; index < text.length; index++) {
    if (!covered[index]) result += text[index];
    else if (index === 0 || !covered[index - 1]) result += REDACTED;
  }
  return result;
}

/** Every 16-character run of a secret's forms, kept for the last few secrets (a client asks for the same ones again). */
const pieceCache = new Map<string, ReadonlySet<string>>();
const PIECE_CACHE_SIZE = 16;

function piecesOf(secret: string): ReadonlySet<string> {
  let pieces = pieceCache.get(secret);
  if (pieces) return pieces;
  const set = new Set<string>();
  for (const form of formsOf(secret)) {
    for (let start = 0; start + PIECE_LENGTH <= form.length; start++) set.add(form.slice(start, start + PIECE_LENGTH));
  }
  if (pieceCache.size >= PIECE_CACHE_SIZE) pieceCache.delete(pieceCache.keys().next().value!);
  pieceCache.set(secret, (pieces = set));
  return pieces;
}

/**
 * The secret as it may appear: raw, URL-encoded, and in base64 and base64url at each of the three alignments it can
 * take inside longer data (the characters that depend on its neighbours left out).
 */
function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret, encodeURIComponent(secret)];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const inner = encoded.slice(offset === 0 ? 0 : 4, encoded.length - 4);
    forms.push(inner, inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}
