import { parseArgs } from 'node:util';
import { parseDuration, parseLatency } from '../emulator/durations';
import type { Fault } from '../emulator/faults';
import { readStateFile } from '../emulator/load-state';
import { parseFaultSpec } from '../emulator/parse-fault-spec';
import { parseThrottleSpec } from '../emulator/parse-throttle-spec';
import type { ThrottleLimits } from '../emulator/throttle';
import type { EmulatorOptions } from '../emulator/start-emulator';
import { UsageError } from './cli-io';

/** What `hwquota emulator [options] [-- COMMAND ARGS...]` asks for. */
export interface EmulatorCommandLine {
  options: EmulatorOptions;
  /** Where to write the export lines, and the flag that named it (`--write-env` or its alias `--env-file`). */
  writeEnv: { path: string; flag: string } | undefined;
  /** The command to run with the emulator's environment: everything after the first `--`. */
  command: string[] | undefined;
}

/**
 * Parses `hwquota emulator`'s arguments: the flags, then after the first `--` the command (never read as flags).
 * Returns `'help'` for `--help`; throws `UsageError` for a bad flag, an unreadable or invalid state file, or a `--`
 * with no command after it.
 */
export function parseEmulatorFlags(argv: readonly string[]): EmulatorCommandLine | 'help' {
  const separator = argv.indexOf('--');
  const flags = separator === -1 ? argv : argv.slice(0, separator);
  const command = separator === -1 ? undefined : argv.slice(separator + 1);
  const values = parseFlagValues(flags);
  if (values.help) return 'help';
  if (command?.length === 0) throw new UsageError('expected a COMMAND after --');
  if (values['write-env'] !== undefined && values['env-file'] !== undefined) throw new UsageError('give --write-env or its alias --env-file, not both');

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
  if (values.throttle !== undefined) options.throttle = throttleFrom(values.throttle);
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
  const writeEnvFlag = values['write-env'] !== undefined ? '--write-env' : '--env-file';
  const writeEnvPath = values['write-env'] ?? values['env-file'];
  return { options, writeEnv: writeEnvPath === undefined ? undefined : { path: writeEnvPath, flag: writeEnvFlag }, command };
}

function parseFlagValues(flags: readonly string[]) {
  try {
    return parseArgs({
      args: joinNegativeClockOffset(flags),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        state: { type: 'string' },
        'write-env': { type: 'string' },
        'env-file': { type: 'string' },
        https: { type: 'boolean' },
        latency: { type: 'string' },
        fault: { type: 'string', multiple: true },
        throttle: { type: 'string', multiple: true },
        'clock-offset': { type: 'string' },
        lockout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // `hwquota emulator pulumi preview`: the command needs a `--` before it.
    const hint = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? '; to run a command, put it after --' : '';
    throw new UsageError(`${(error as Error).message}${hint}`);
  }
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

function throttleFrom(specs: readonly string[]): ThrottleLimits {
  const limits: ThrottleLimits = {};
  for (const spec of specs) {
    let parsed;
    try {
      parsed = parseThrottleSpec(spec);
    } catch (error) {
      throw new UsageError(`--throttle: ${(error as Error).message}`);
    }
    if (limits[parsed.service] !== undefined) throw new UsageError(`--throttle: ${parsed.service} is given twice; give each service once`);
    limits[parsed.service] = parsed.perSecond;
  }
  return limits;
}
