import { writeFileSync } from 'node:fs';
import { ENDPOINT_SERVICES } from '../apis/quota-apis';
import { exportLines } from '../emulator/emulator-env';
import { FAULT_KINDS, FAULT_ROUTES } from '../emulator/faults';
import { SERVICE_NAMES } from '../endpoints/service-names';
import { startEmulator, type RunningEmulator } from '../emulator/start-emulator';
import { printable } from '../printable-text';
import { UsageError, type CliIo } from './cli-io';
import { parseEmulatorFlags } from './emulator-flags';
import { exitCodeOfSignal, runWithEmulator } from './run-with-emulator';

/** Where the command writes: export lines to `stdout`, everything else to `stderr`. */
type CommandIo = Pick<CliIo, 'stdout' | 'stderr'>;

const USAGE = `Usage: hwquota emulator [options] -- COMMAND [ARGS...]
       hwquota emulator [options]

Starts a local stand-in for the Huawei Cloud quota APIs (${ENDPOINT_SERVICES.map((service) => service.title).join(', ')}).

With -- COMMAND: runs COMMAND (no shell) with the emulator's environment added to its own, stops the emulator when
COMMAND ends, and exits with COMMAND's exit code (128+N when signal N killed it, 127 when it is not found).
SIGTERM to hwquota is passed on to COMMAND, and so is SIGINT unless a terminal is attached (its Ctrl-C reaches
COMMAND directly). Under npx: npx hwquota emulator -- COMMAND [ARGS...]
Without: prints "export NAME=value" lines that point clients at it (the emulator's own fake keys) to stdout, and
serves until SIGINT or SIGTERM, then exits 0.

Each request is logged to stderr, never with a credential. When it cannot start (a bad flag or state file, a port
in use, no openssl for --https, a --write-env PATH it cannot write) it exits 2 at once, and runs no COMMAND.

Options:
  --port N              port to listen on (default 0: a free port)
  --host HOST           address to listen on (default 127.0.0.1)
  --state FILE          JSON state to serve (default: the built-in state)
  --write-env PATH      also write the export lines to PATH (created with mode 0600), for ". PATH" in another shell
  --env-file PATH       alias of --write-env. Node itself checks a script's --env-file argument before any "--"
                        (nodejs/node#54232), under npx and the hwquota bin alike: when PATH does not exist, Node
                        prints "node: PATH: not found" and exits 9 before hwquota runs. Prefer --write-env.
  --https               serve TLS with a self-signed certificate made at start (its file is printed as OS_CACERT)
  --latency D[-D]       delay every answer, for example 20ms or 10ms-50ms
  --fault SPEC          ROUTE=KIND[,count=N|rate=R][,retryAfter=S], repeatable
                        ROUTE: ${FAULT_ROUTES.join(', ')}
                        KIND: ${FAULT_KINDS.join(', ')}
  --throttle SPEC       SERVICE=N/s, repeatable (once per service): let N requests per second through to SERVICE,
                        across all regions, in bursts of up to N (a token bucket, as the gateway's); past that,
                        answer 429 APIGW.0308 with Retry-After (whole seconds until a request would pass). Checked
                        after the signature, as the gateway's per-user limit is.
                        SERVICE: ${SERVICE_NAMES.join(', ')}
  --clock-offset D      move the emulator's clock, for example 20m or -90s
  --lockout D           how long six failed signatures in a row lock an access key (default 5m)
  --help                show this help
`;

/**
 * `hwquota emulator [options] [-- COMMAND ARGS...]`: starts the emulator and logs each request to stderr. With a
 * COMMAND, runs it with the emulator's environment and resolves to its exit code (see `runWithEmulator`); without,
 * prints `export NAME=value` lines to stdout, serves until SIGINT or SIGTERM and resolves to 0. Resolves to 2, with
 * no COMMAND run, for a bad flag or state file or when the emulator cannot start (a port in use, no openssl for
 * --https, an unwritable --write-env file).
 */
export async function runEmulatorCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let commandLine;
  try {
    commandLine = parseEmulatorFlags(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`hwquota emulator: ${error.message} (see hwquota emulator --help)\n`);
    return 2;
  }
  if (commandLine === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  const { options, writeEnv, command } = commandLine;
  const notRun = command ? ` (${printable(command[0]!)} not run)` : '';

  // Listening from now on, so that a signal sent as soon as the emulator listens stops it cleanly.
  const stop = listenForStopSignal();
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ ...options, log: (line) => io.stderr.write(`${line}\n`) });
  } catch (error) {
    stop.dispose();
    io.stderr.write(`hwquota emulator: cannot start: ${(error as Error).message}${notRun}\n`);
    return 2;
  }
  const lines = exportLines(emulator.env);
  if (writeEnv) {
    try {
      writeFileSync(writeEnv.path, lines, { mode: 0o600 });
    } catch (error) {
      stop.dispose();
      await emulator.stop();
      io.stderr.write(`hwquota emulator: ${writeEnv.flag}: cannot write ${writeEnv.path} (${(error as NodeJS.ErrnoException).code ?? 'error'})${notRun}\n`);
      return 2;
    }
  }
  if (command) {
    // The command's stdout is its own: no export lines there.
    const early = stop.received();
    if (!early) {
      // Its own signal handlers are in place once it returns: stop listening here only then, leaving no gap.
      const exitCode = runWithEmulator(command, emulator, io);
      stop.dispose();
      return exitCode;
    }
    stop.dispose();
    await emulator.stop();
    io.stderr.write(`hwquota emulator: stopped (${early})${notRun}\n`);
    return exitCodeOfSignal(early);
  }
  io.stdout.write(lines);
  io.stderr.write(`hwquota emulator: serving ${emulator.url} until SIGINT or SIGTERM\n`);
  const signal = await stop.signal;
  await emulator.stop();
  io.stderr.write(`hwquota emulator: stopped (${signal})\n`);
  return 0;
}

/** The first SIGINT or SIGTERM from now on (`received` tells at once); `dispose` stops listening without waiting for one. */
function listenForStopSignal(): { signal: Promise<NodeJS.Signals>; received(): NodeJS.Signals | undefined; dispose(): void } {
  let dispose = () => {};
  let received: NodeJS.Signals | undefined;
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      dispose();
      received = signal;
      resolve(signal);
    };
    dispose = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return { signal, received: () => received, dispose };
}
