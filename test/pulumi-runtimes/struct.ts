import { Struct } from 'google-protobuf/google/protobuf/struct_pb';

/** The engine's placeholder for a value not known yet, as it travels in a Struct. */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

export type Properties = Record<string, unknown>;

/** A Struct from plain values; `Struct.fromJavaScript` throws on `undefined`, so the values go through JSON first. */
export function toStruct(properties: Properties): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(properties)) as Properties as never);
}

export function fromStruct(struct: Struct | undefined): Properties {
  return (struct?.toJavaScript() ?? {}) as Properties;
}

const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';

/** The values with the engine's secret wrappers (`{<sig key>: <secret sig>, value}`) taken off. */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSecrets) as T;
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (object['4dabf18193072939515e22adb298388d'] === SECRET_SIGNATURE) return withoutSecrets(object.value) as T;
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, withoutSecrets(item)])) as T;
}

/** JSON with sorted keys, to compare values the way the engine's property maps do (key order never matters). */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}
