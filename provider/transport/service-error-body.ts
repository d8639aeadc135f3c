import { printable } from '../printable-text';

/** What a failed response says about itself, whatever the service's error shape; safe to print. */
export interface ServiceErrorBody {
  code?: string;
  message?: string;
}

/**
 * How much is kept, whatever the body's size: of a service's own code or message (the gateway's signature errors quote
 * the canonical request, a few hundred characters worth reading), and of a text or HTML body's summary.
 */
const MAX_MESSAGE_LENGTH = 1_000;
const MAX_SUMMARY_LENGTH = 200;

/**
 * Reads the error code and message from every shape the quota services use: `{error_code, error_msg}` (IAM, API
 * gateway, MetaStudio), `{error: {error_code, error_msg}}` (KMS), `{error: {code, message}}`, `{errCode, errMsg}`
 * (SFS Turbo) and `{errorCode, errorMsg}`. A body that is not JSON (a proxy's HTML page) is summarised as text.
 * Each text is scrubbed (`scrub`: known secrets removed) as received, then cut, then escaped.
 */
export function readServiceErrorBody(text: string, scrub: (text: string) => string): ServiceErrorBody {
  const json = tryParseJson(text);
  if (isObject(json)) {
    for (const candidate of [json, json.error]) {
      if (!isObject(candidate)) continue;
      const code = firstString(candidate, ['error_code', 'errCode', 'errorCode', 'code']);
      const message = firstString(candidate, ['error_msg', 'errMsg', 'errorMsg', 'message']);
      if (code !== undefined || message !== undefined) return { code: code && shown(code, scrub, MAX_MESSAGE_LENGTH), message: message && shown(message, scrub, MAX_MESSAGE_LENGTH) };
    }
  }
  return { message: summariseText(text, scrub) };
}

/** Scrubbed before it is cut (a cut secret would escape a whole-value scrub) and escaped (control characters). */
function shown(text: string, scrub: (text: string) => string, maxLength: number): string {
  // Cut first to a bound the scrub can afford; the scrub still catches any 16 characters of a secret at the edge.
  const clean = scrub(text.length > 4 * maxLength ? text.slice(0, 4 * maxLength) : text);
  return printable(clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean);
}

function summariseText(text: string, scrub: (text: string) => string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const isHtml = /^\s*<(!doctype|html)/i.test(text);
  const readable = (title ?? (isHtml ? text.replace(/<[^>]*>/g, ' ') : text)).replace(/\s+/g, ' ').trim();
  if (!readable) return undefined;
  const short = shown(readable, scrub, MAX_SUMMARY_LENGTH);
  return isHtml ? `the response is an HTML page, not JSON: "${short}"` : short;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(object: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}
