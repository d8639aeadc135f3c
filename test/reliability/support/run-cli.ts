import { main } from '../../../provider/cli/hwquota';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** Runs `hwquota ARGV` in this process through its `main(argv)`, with this environment and captured output. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, options: { color?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    color: options.color ?? false,
  });
  return { code, stdout, stderr, elapsedMs: performance.now() - started };
}

/** The error kinds the CLI may print after `hwquota: `; `internal` (an unexpected crash) is not among them. */
export const TYPED_CLI_KINDS = ['usage', 'invalid-argument', 'missing-credentials', 'network', 'timeout', 'response-invalid', 'service'] as const;

/** The kind in the first line of the CLI's stderr (`hwquota: <kind>: ...`), if any. */
export function cliErrorKind(stderr: string): string | undefined {
  return /^hwquota: ([a-z-]+): /.exec(stderr)?.[1];
}
