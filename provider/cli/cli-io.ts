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
    color: useColor(Boolean(process.stdout.isTTY), process.env),
  };
}

/** Colour only on a terminal, and never when `NO_COLOR` is set to anything (no-color.org). */
export function useColor(isTerminal: boolean, env: NodeJS.ProcessEnv): boolean {
  return isTerminal && !env.NO_COLOR;
}

/** A mistake in how the command was called: exit 2 with a usage message. */
export class UsageError extends Error {}
