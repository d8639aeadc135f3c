// C0 and C1 controls, DEL, and the bidirectional overrides and isolates ("Trojan Source").
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves as it is: all the above but C0, which it escapes itself (its line breaks are layout). */
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text from a response or a file made safe for a terminal: each control character is shown as `\uXXXX`.
 * Why: a quota type, a user ID or a service's error message is printed as it came, and an escape sequence in it would
 * otherwise be run by the terminal (clear the screen, set the title, hide or reorder what follows).
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escaped);
}

/** `JSON.stringify(value, null, 2)`, safe for a terminal in the same way, and still the same JSON. */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNPRINTABLE_IN_JSON, escaped);
}
