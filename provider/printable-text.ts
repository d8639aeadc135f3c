// C0 and C1 controls, DEL, and the bidirectional overrides and isolates ("Trojan Source").
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a response or a file made safe for a terminal: each control character is shown as `\uXXXX`.
 * Why: a quota type, a user ID or a service's error message is printed as it came, and an escape sequence in it would
 * otherwise be run by the terminal (clear the screen, set the title, hide or reorder what follows).
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
