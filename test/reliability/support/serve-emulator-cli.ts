import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', '..', 'dist', 'cli', 'hwquota.js');

export interface ServedEmulator {
  /** The `export NAME=value` lines it printed, as an environment. */
  env: Record<string, string>;
  /** Its stderr so far: one line per request, and its start and stop messages. */
  log(): string;
  /** Sends SIGTERM and resolves to the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs `hwquota emulator ARGS` from the built package, as a user does, and waits until it serves. Only PATH is passed
 * on: nothing of this process's environment reaches it.
 */
export async function serveEmulatorCli(args: readonly string[]): Promise<ServedEmulator> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'emulator', ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the emulator did not start within 10 s: ${stderr}`)), 10_000);
      child.stderr!.on('data', () => {
        if (stderr.includes('until SIGINT or SIGTERM')) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the emulator exited with ${code}: ${stderr}`));
      });
    });
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  const env = Object.fromEntries([...stdout.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
  return {
    env,
    log: () => stderr,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
