import { HuaweiCloudError } from '../errors';
import { printable } from '../printable-text';
import { UsageError, type CliIo } from './cli-io';

/** One line on stderr, `hwquota: <kind>: <message>` (control characters escaped); the stack only with `--debug`. Always exit 2. */
export function reportError(error: unknown, io: CliIo, debug: boolean): number {
  const kind = error instanceof UsageError ? 'usage' : error instanceof HuaweiCloudError ? error.kind : 'internal';
  io.stderr.write(`hwquota: ${kind}: ${printable((error as Error)?.message ?? String(error))}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack.split('\n').map(printable).join('\n')}\n`);
  return 2;
}
