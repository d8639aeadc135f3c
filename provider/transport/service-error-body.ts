import { printable } from '../printable-text';

/** What a failed response says about itself, whatever the service's error shape; safe to print. */
export interface ServiceErrorBody {
  code?: string;
  message?: string;
}

/**
 * Reads the error code and message from every shape the quota services use: `{error_code, error_msg}` (IAM, API
 * gateway, MetaStudio), `{error: {error_code, error_msg}}` (KMS), `{error: {code, message}}`, `{errCode, errMsg}`
 * (SFS Turbo) and `{errorCode, errorMsg}`. A body that is not JSON (a proxy's HTML page) is summarised as text.
 */
export function readServiceErrorBody(text: string): ServiceErrorBody {
  const json = tryParseJson(text);
  if (isObject(json)) {
    for (const candidate of [json, json.error]) {
      if (!isObject(candidate)) continue;
      const code = firstString(candidate, ['error_code', 'errCode', 'errorCode', 'code']);
      const message = firstString(candidate, ['error_msg', 'errMsg', 'errorMsg', 'message']);
      if (code !== undefined || message !== undefined) return { code: code && printable(code), message: message && printable(message) };
    }
  }
  return { message: summariseText(text) };
}

function summariseText(text: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const isHtml = /^\s*<(!doctype|html)/i.test(text);
  const readable = (title ?? (isHtml ? text.replace(/<[^>]*>/g, ' ') : text)).replace(/\s+/g, ' ').trim();
  if (!readable) return undefined;
  // Control characters from a hostile or broken body must not reach a terminal.
  const short = printable(readable.length > 200 ? `${readable.slice(0, 200)}…` : readable);
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
