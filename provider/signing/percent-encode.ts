/**
 * RFC 3986 percent-encoding, as the API gateway's signer expects: everything but the unreserved characters
 * `A-Z a-z 0-9 - . _ ~` is escaped. `encodeURIComponent` leaves `!'()*` alone, so those are escaped here.
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
