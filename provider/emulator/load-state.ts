import { readFileSync } from 'node:fs';
import type { ZodError } from 'zod';
import { EmulatorStateSchema, type EmulatorState } from './state-schema';

/** A state file or object the emulator cannot serve; the message names the place inside it (`accounts[0].projects[1].region`). */
export class EmulatorStateError extends Error {
  /** Always `EmulatorStateError`. */
  override readonly name = 'EmulatorStateError';
}

/** Checks a state object against `EmulatorStateSchema` and fills in defaults; `source` names it in errors. */
export function parseEmulatorState(input: unknown, source: string): EmulatorState {
  const result = EmulatorStateSchema.safeParse(input);
  if (result.success) return result.data;
  throw new EmulatorStateError(`${source}: ${describeIssues(result.error)}`);
}

/** Reads and checks a JSON state file. */
export function readStateFile(path: string): EmulatorState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EmulatorStateError(`${path}: cannot read the state file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EmulatorStateError(`${path}: not JSON (${(error as Error).message})`);
  }
  return parseEmulatorState(json, path);
}

/** At most a few issues, each as `path: message`, so that a badly broken file gives a readable error. */
function describeIssues(error: ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
