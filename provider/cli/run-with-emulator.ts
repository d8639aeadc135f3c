import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { isatty } from 'node:tty';
import type { RunningEmulator } from '../emulator/start-emulator';
import { printable } from '../printable-text';
import type { CliIo } from './cli-io';

/** How the command ended, before it is turned into an exit code. */
type CommandEnd = { code: number } | { signal: NodeJS.Signals } | { error: NodeJS.ErrnoException };

/**
 * `hwquota emulator -- COMMAND ARGS...` once the emulator listens: runs COMMAND (no shell, our stdin, stdout and
 * stderr) with our environment, its Huawei Cloud settings replaced by `emulator.env`, stops the emulator when it ends, and resolves to the exit code a
 * shell would give: the command's own, 128 + N when signal N killed it, 127 when it is not found, 126 when it cannot
 * be run. SIGTERM to this process is passed on to the command, and so is SIGINT unless a terminal is attached: a
 * Ctrl-C there reaches the command itself, and a second SIGINT makes some tools (Pulumi) give up at once.
 */
export async function runWithEmulator(command: readonly string[], emulator: RunningEmulator, io: Pick<CliIo, 'stderr'>): Promise<number> {
  const [file, ...args] = command as [string, ...string[]];
  // One line each, whatever the arguments hold (`node -e` scripts span lines).
  const name = printable(file);
  io.stderr.write(`hwquota emulator: serving ${emulator.url} to: ${printable(command.join(' '))}\n`);
  const end = await new Promise<CommandEnd>((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env: commandEnvironment(process.env, emulator.env) });
    const forward = (signal: NodeJS.Signals) => {
      if (signal === 'SIGINT' && onTerminal()) return;
      child.kill(signal);
    };
    const finish = (how: CommandEnd) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(how);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    // Also emitted when a signal cannot be sent; only a command that never started ends here.
    child.on('error', (error) => {
      if (child.pid === undefined) finish({ error });
    });
    child.once('exit', (code, signal) => finish(signal ? { signal } : { code: code ?? 0 }));
  });
  await emulator.stop();
  if ('error' in end) {
    const notFound = end.error.code === 'ENOENT';
    io.stderr.write(`hwquota emulator: cannot run ${name}: ${notFound ? 'not found' : (end.error.code ?? end.error.message)}\n`);
    return notFound ? 127 : 126;
  }
  const code = 'signal' in end ? exitCodeOfSignal(end.signal) : end.code;
  io.stderr.write(`hwquota emulator: stopped after ${name} ${'signal' in end ? `was killed by ${end.signal} (exit ${code})` : `exited with ${code}`}\n`);
  return code;
}

/** 128 + the signal's number, as shells report a command killed by a signal. */
export function exitCodeOfSignal(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/**
 * Whether a terminal is attached, so that its Ctrl-C goes to our whole process group, the command included.
 * `isatty`, not `process.stdin.isTTY`: opening our stdin as a stream would make it non-blocking for the command too.
 */
function onTerminal(): boolean {
  return isatty(0) || isatty(1) || isatty(2);
}

/**
 * Our environment with the emulator's Huawei Cloud settings instead of ours: a security token, token, profile file or
 * endpoint of the caller's, left beside the emulator's keys, would mix two clouds and fail the emulator's gateway.
 */
export function commandEnvironment(own: NodeJS.ProcessEnv, emulatorEnv: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const kept = Object.entries(own).filter(([name]) => !/^(HUAWEICLOUD_SDK_|HW_|OS_CACERT$)/.test(name));
  return { ...Object.fromEntries(kept), ...emulatorEnv };
}
