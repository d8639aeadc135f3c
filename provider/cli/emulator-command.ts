import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENDPOINT_SERVICES } from '../apis/quota-apis';
import { parseDuration, parseLatency } from '../emulator/durations';
import { exportLines } from '../emulator/emulator-env';
import { FAULT_KINDS, FAULT_ROUTES, type Fault } from '../emulator/faults';
import { readStateFile } from '../emulator/load-state';
import { parseFaultSpec } from '../emulator/parse-fault-spec';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/start-emulator';
import { UsageError, type CliIo } from './cli-io';

/** Where the command writes: export lines to `stdout`, everything else to `stderr`. */
type CommandIo = Pick<CliIo, 'stdout' | 'stderr'>;

const USAGE = `Usage: hwquota emulator [options]

Serves a local stand-in for the Huawei Cloud quota APIs (${ENDPOINT_SERVICES.map((service) => service.title).join(', ')}) until SIGINT or SIGTERM.
Once listening, it prints "export NAME=value" lines that point clients at it (the emulator's own fake keys) to
stdout, and to --env-file for ". PATH" in another shell. Logs go to stderr.

Options:
  --port N              port to listen on (default 0: a free port)
  --host HOST           address to listen on (default 127.0.0.1)
  --state FILE          JSON state to serve (default: the built-in state)
  --env-file PATH       also write the export lines to PATH, for ". PATH" in another shell (Node 20 exits
                        early when PATH does not exist yet: create it first, for example with : > PATH)
  --https               serve TLS with a self-signed certificate made at start (its file is printed as OS_CACERT)
  --latency D[-D]       delay every answer, for example 20ms or 10ms-50ms
  --fault SPEC          ROUTE=KIND[,count=N|rate=R][,retryAfter=S], repeatable
                        ROUTE: ${FAULT_ROUTES.join(', ')}
                        KIND: ${FAULT_KINDS.join(', ')}
  --clock-offset D      move the emulator's clock, for example 20m or -90s
  --lockout D           how long six failed signatures in a row lock an access key (default 5m)
  --help                show this help
`;

/**
 * `hwquota emulator`: starts the emulator, prints `export NAME=value` lines to stdout (and to `--env-file`), logs each
 * request to stderr, and serves until SIGINT or SIGTERM. Resolves to the exit code: 0; 2 for a bad flag or state file;
 * 1 when it cannot start (a port in use, no openssl for --https).
 */
export async function runEmulatorCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let options: EmulatorOptions;
  let envFile: string | undefined;
  try {
    const parsed = parseFlags(argv);
    if (parsed === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    ({ options, envFile } = parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`hwquota emulator: ${error.message} (see hwquota emulator --help)\n`);
    return 2;
  }

  // Listening from now on, so that a signal sent as soon as the lines are printed stops the emulator cleanly.
  const stop = listenForStopSignal();
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ ...options, log: (line) => io.stderr.write(`${line}\n`) });
  } catch (error) {
    stop.dispose();
    io.stderr.write(`hwquota emulator: cannot start: ${(error as Error).message}\n`);
    return 1;
  }
  const lines = exportLines(emulator.env);
  if (envFile) {
    try {
      writeFileSync(envFile, lines, { mode: 0o600 });
    } catch (error) {
      stop.dispose();
      await emulator.stop();
      io.stderr.write(`hwquota emulator: --env-file: cannot write ${envFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
      return 2;
    }
  }
  io.stdout.write(lines);
  io.stderr.write(`hwquota emulator: serving ${emulator.url} until SIGINT or SIGTERM\n`);
  const signal = await stop.signal;
  await emulator.stop();
  io.stderr.write(`hwquota emulator: stopped (${signal})\n`);
  return 0;
}

function parseFlags(argv: readonly string[]): { options: EmulatorOptions; envFile: string | undefined } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinNegativeClockOffset(argv),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        state: { type: 'string' },
        'env-file': { type: 'string' },
        https: { type: 'boolean' },
        latency: { type: 'string' },
        fault: { type: 'string', multiple: true },
        'clock-offset': { type: 'string' },
        lockout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const options: EmulatorOptions = { https: values.https ?? false };
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535) throw new UsageError(`--port: expected a port number from 0 to 65535 (0 picks a free port); got ${JSON.stringify(values.port)}`);
    options.port = Number(values.port);
  }
  if (values.host !== undefined) options.host = values.host;
  if (values.state !== undefined) options.state = stateFrom(values.state);
  if (values.latency !== undefined) {
    const latency = parseLatency(values.latency);
    if (!latency) throw new UsageError(`--latency: expected a duration such as 20ms or a range such as 10ms-50ms (units ms, s, m, h; at most 596h); got ${JSON.stringify(values.latency)}`);
    options.latency = latency;
  }
  options.faults = (values.fault ?? []).map(faultFrom);
  if (values['clock-offset'] !== undefined) {
    const offset = parseDuration(values['clock-offset'], { allowNegative: true });
    if (offset === undefined) {
      throw new UsageError(`--clock-offset: expected a duration such as 20m or -90s (units ms, s, m, h; at most 596h either way); got ${JSON.stringify(values['clock-offset'])}`);
    }
    options.clockOffsetMs = offset;
  }
  if (values.lockout !== undefined) {
    const lockout = parseDuration(values.lockout);
    if (lockout === undefined) throw new UsageError(`--lockout: expected a duration such as 5m or 30s (units ms, s, m, h; at most 596h); got ${JSON.stringify(values.lockout)}`);
    options.lockoutMs = lockout;
  }
  return { options, envFile: values['env-file'] };
}

/** parseArgs would read `--clock-offset -20m` as a missing value followed by a flag: a negative offset is a value. */
function joinNegativeClockOffset(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const next = argv[index + 1];
    if (arg === '--clock-offset' && next !== undefined && /^-\d/.test(next)) {
      args.push(`--clock-offset=${next}`);
      index++;
    } else {
      args.push(arg);
    }
  }
  return args;
}

function stateFrom(path: string): EmulatorOptions['state'] {
  try {
    return readStateFile(path);
  } catch (error) {
    throw new UsageError(`--state: ${(error as Error).message}`);
  }
}

function faultFrom(spec: string): Fault {
  try {
    return parseFaultSpec(spec);
  } catch (error) {
    throw new UsageError(`--fault: ${(error as Error).message}`);
  }
}

/** The first SIGINT or SIGTERM from now on; `dispose` stops listening without waiting for one. */
function listenForStopSignal(): { signal: Promise<NodeJS.Signals>; dispose(): void } {
  let dispose = () => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (received: NodeJS.Signals) => {
      dispose();
      resolve(received);
    };
    dispose = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return { signal, dispose };
}
