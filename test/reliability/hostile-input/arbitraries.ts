import fc from 'fast-check';

// Hostile values, shared by the input properties. Each mixes values chosen by hand (the tricks that have broken other
// clients) with generated ones, so that a property tries both the known and the unknown.

/** Strings that steer a path, a host or a shell, hide characters, or look like values. */
export const KNOWN_TRICKS: readonly string[] = [
  '', ' ', '.', '..', '../', '../..', '/..', '..%2F', '%2e%2e', '%2E%2E%2F', '%2F', '/', '//', '\\', '..\\..', '?', '#', '&', '=', '?x=1', '#frag',
  'a/../b', 'cn-north-4/../eu-west-101', '0dea2644dc80d5d22ff1c01e3ebea6fc/../../iam', '0dea2644dc80d5d22ff1c01e3ebea6fc?limit=1000', '0dea2644dc80d5d22ff1c01e3ebea6fc#',
  ' cn-north-4', 'cn-north-4 ', 'cn-north-4\n', 'CN-NORTH-4', 'cn–north–4', 'ｃｎ-north-4', 'cn-north-4\u0000', '\u0000', '\r\nX-Injected: 1', '\u202ecn-north-4', '\ufeff',
  'İ', 'ß', '🦄', '\ud800', '%00', '%0d%0a', '${HW_SECRET_KEY}', '$(id)', '`id`', "'; DROP TABLE quotas; --", '<script>', 'http://169.254.169.254/', 'file:///etc/passwd',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'null', 'undefined', 'NaN', '-1', '1e400', 'true', '[]', '{}',
];

/** Any string: chosen tricks, any code points (control characters and lone surrogates included), path-trick alphabets, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_TRICKS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('.', '/', '\\', '%', '2', 'e', 'E', 'f', 'F', '-', '_', 'a', '0', '?', '#'), maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom(10_000, 100_000, 1_000_000).chain((length) => fc.constantFrom('x', '/', '.', '\u0000', 'é').map((unit) => unit.repeat(length))) },
);

/** An ID as the API wants it (1 to 64 of A-Z a-z 0-9 _ -), valid by construction but unknown to the emulator. */
export const wellFormedId: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

/** Any value a JavaScript caller could pass where a string belongs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.bigInt(), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
  { weight: 1, arbitrary: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 })) },
);

/** An object with a hostile own key (`__proto__` included, defined as an own property, as JSON.parse makes it). */
export function withHostileKey<T extends object>(base: T, key: string, value: unknown): T {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'region ', 'REGION'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** Nested arrays and objects this deep: a parser or a checker that recurses blindly runs out of stack. */
export function deeplyNested(depth: number, leaf: unknown = 1): string {
  return `${'[{"a":'.repeat(depth)}${JSON.stringify(leaf)}${'}]'.repeat(depth)}`;
}
