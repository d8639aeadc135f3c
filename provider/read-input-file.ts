import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The most a file the user points at (requirements, credentials profile, regions file) may hold: far more than any needs. */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;

/** A file that is not one to read: not a regular file, or larger than {@link MAX_INPUT_FILE_BYTES}. */
export class InputFileRefused extends Error {
  constructor(readonly reason: 'not a regular file' | 'larger than 1 MiB') {
    super(reason);
  }
}

/**
 * A text file's content, read only when it is a regular file of at most 1 MiB: a FIFO with no writer would block the
 * process in `readFileSync` (signals and timeouts included), and `/dev/zero` or a huge list would fill its memory.
 * Opened without blocking, then checked on the open file itself. Errors of the file system (`ENOENT`...) pass through.
 * A UTF-8 byte order mark, which some editors write (Notepad), is dropped: no parser of these files takes it.
 */
export function readInputFile(path: string): string {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new InputFileRefused('not a regular file');
    if (stats.size > MAX_INPUT_FILE_BYTES) throw new InputFileRefused('larger than 1 MiB');
    // Up to one byte past the limit, in case the file grew since `fstat`.
    const buffer = Buffer.allocUnsafe(MAX_INPUT_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_INPUT_FILE_BYTES) throw new InputFileRefused('larger than 1 MiB');
    const text = buffer.toString('utf8', 0, length);
    return text.startsWith('\ufeff') ? text.slice(1) : text;
  } finally {
    closeSync(descriptor);
  }
}
