import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io';

/** `util.parseArgs`, with its errors turned into usage errors (exit 2). */
export function parseFlags<T extends ParseArgsConfig['options']>(args: readonly string[], options: T): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
