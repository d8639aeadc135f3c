/** Where a CLI command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Colour short headroom: only on a terminal, never with `NO_COLOR`. */
  color: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/** A mistake in how the command was called: exit 2 with a usage message. */
export class UsageError extends Error {}
