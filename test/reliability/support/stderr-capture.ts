import { vi } from 'vitest';

/**
 * Captures what this process writes to stderr (where `HWQUOTA_DEBUG=1` sends its log lines), without showing it.
 * `restore()` puts stderr back.
 */
export function captureProcessStderr(): { text(): string; restore(): void } {
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  return { text: () => written.join(''), restore: () => spy.mockRestore() };
}
