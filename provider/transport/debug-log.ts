import { printable } from '../printable-text';
import { envFlag } from '../env-flag';
import { redactHeaders } from '../redact';

/** Receives one line per attempt; the line never holds a credential. */
export type DebugLogger = (line: string) => void;

export interface AttemptLogEntry {
  method: string;
  url: URL;
  headers: Record<string, string>;
  attempt: number;
  maxAttempts: number;
  elapsedMs: number;
  status?: number;
  requestId?: string;
  error?: string;
}

/** The logger option, else stderr when `HWQUOTA_DEBUG` is on (see `envFlag`); else none. */
export function resolveDebugLogger(logger: DebugLogger | undefined, env: NodeJS.ProcessEnv): DebugLogger | undefined {
  if (logger) return logger;
  if (envFlag('HWQUOTA_DEBUG', env.HWQUOTA_DEBUG)) return (line) => process.stderr.write(`${line}\n`);
  return undefined;
}

export function formatAttemptLog(entry: AttemptLogEntry): string {
  const outcome = entry.status !== undefined ? `${entry.status}` : `failed (${printable(entry.error ?? 'unknown error')})`;
  const requestId = entry.requestId ? ` request-id=${printable(entry.requestId)}` : '';
  return (
    `hwquota: ${entry.method} ${entry.url.href} -> ${outcome} in ${Math.round(entry.elapsedMs)} ms` +
    ` attempt=${entry.attempt}/${entry.maxAttempts}${requestId} headers=${JSON.stringify(redactHeaders(entry.headers))}`
  );
}
