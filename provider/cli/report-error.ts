import { HuaweiCloudError } from '../errors';
import { UsageError, type CliIo } from './cli-io';

/** One line on stderr, `hwquota: <kind>: <message>`; the stack only with `--debug`. Always exit 2. */
export function reportError(error: unknown, io: CliIo, debug: boolean): number {
  const kind = error instanceof UsageError ? 'usage' : error instanceof HuaweiCloudError ? error.kind : 'internal';
  io.stderr.write(`hwquota: ${kind}: ${(error as Error)?.message ?? String(error)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 2;
}
