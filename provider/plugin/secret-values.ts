/** The key and value that mark a secret in the engine's property values (`{<key>: <value>, value: ...}`). */
const SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';

/** The value with every secret wrapper taken off, and whether there was one. */
export function unwrapSecrets(value: unknown): { value: unknown; secret: boolean } {
  let secret = false;
  const unwrap = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(unwrap);
    if (!item || typeof item !== 'object') return item;
    const object = item as Record<string, unknown>;
    if (object[SIGNATURE_KEY] === SECRET_SIGNATURE) {
      secret = true;
      return unwrap(object.value);
    }
    return Object.fromEntries(Object.entries(object).map(([key, child]) => [key, unwrap(child)]));
  };
  const plain = unwrap(value);
  return { value: plain, secret };
}

/** A value marked secret, as the engine spells it. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

/** Whether a value is already marked secret. */
export function isSecretValue(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as Record<string, unknown>)[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** The engine's placeholder for a value not known yet (in preview, a setting taken from a resource being created). */
export const UNKNOWN_VALUE = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** Whether a value is, or holds, a value not known yet. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  return !!value && typeof value === 'object' && Object.values(value).some(containsUnknown);
}
