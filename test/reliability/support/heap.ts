import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Vitest's workers run without --expose-gc; V8 can still hand out `gc` to a fresh context once the flag is set.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Bytes of live JavaScript heap after full collections, so that two readings compare what is retained. */
export function retainedHeapBytes(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
