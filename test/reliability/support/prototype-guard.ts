import { expect } from 'vitest';

/** The built-ins whose prototypes a polluting write would reach first. */
const BUILTINS: readonly { name: string; prototype: object }[] = [
  Object, Array, Function, String, Number, Boolean, Promise, Error, RegExp, Map, Set, Date,
].map((constructor) => ({ name: constructor.name, prototype: constructor.prototype as object }));

type Snapshot = Map<string, PropertyDescriptor>;

/** Every own member of the built-in prototypes, with its descriptor (values compared by identity). */
export function prototypeSnapshot(): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const { name, prototype } of BUILTINS) {
    for (const key of Reflect.ownKeys(prototype)) snapshot.set(`${name}.prototype.${String(key)}`, Object.getOwnPropertyDescriptor(prototype, key)!);
  }
  snapshot.set('Object.getPrototypeOf({})', { value: Object.getPrototypeOf({}) as unknown });
  return snapshot;
}

/** Fails when a member was added to, removed from or replaced on a built-in prototype since `before`. */
export function expectPrototypesUntouched(before: Snapshot, where: string): void {
  const after = prototypeSnapshot();
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((key) => {
    const [a, b] = [before.get(key), after.get(key)];
    return !a || !b || a.value !== b.value || a.get !== b.get || a.set !== b.set;
  });
  expect(changed, `${where} changed a built-in prototype`).toEqual([]);
}
