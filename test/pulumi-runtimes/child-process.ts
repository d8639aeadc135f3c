import { spawn, type ChildProcess } from 'node:child_process';

/** A child process of the harness, with its output kept for failure messages. */
export interface RunningChild {
  readonly process: ChildProcess;
  output(): string;
  /** Ends the process (and waits for it). */
  stop(): Promise<void>;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

export function startChild(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): RunningChild {
  // Its own process group, so that stopping it also stops what it started (`sh` starts the dynamic-provider server).
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    exited,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
    },
  };
}

/** Starts a plugin the way the engine does, and reads the port it prints on its first line. */
export async function startPlugin(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ child: RunningChild; port: number }> {
  const child = startChild(command, args, options);
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const match = /^(\d+)\s*$/m.exec(child.output());
      if (match) {
        child.process.stdout!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.process.stdout!.on('data', onData);
    void child.exited.then((code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}) before printing its port:\n${child.output()}`)));
  });
  return { child, port };
}
