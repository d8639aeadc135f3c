import { SERVICE_NAMES } from '../endpoints/service-names';
import { printable } from '../printable-text';
import { runScan, ScanInterrupted } from '../scan/run-scan';
import type { ScanFailure, ScanResult } from '../scan/scan-result';
import { formatScanCsv } from '../scan/scan-csv';
import { formatScanJson } from '../scan/scan-json';
import { formatScanTable } from '../scan/scan-table';
import { SCAN_EXIT, scanExitCode, type Thresholds } from '../scan/thresholds';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';
import { CLIENT_FLAGS, parseConcurrencyFlag } from './client-flags';
import { parseFlags } from './parse-flags';
import { parseScanOutput, parseSelection, parseThresholds, scanClient, SELECTION_FLAGS, SELECTION_HELP, type ScanOutput } from './scan-flags';

export const SCAN_USAGE = `Usage: hwquota scan [options]

Reads every quota API (or --services) in each region and project asked for, and prints one row per quota and
scope: quota, usage, headroom and percent used, highest percent first. Account quotas are read once, IAM project
quotas per project, the others per region and project. MetaStudio is read once per region it is offered in, as
one row per quota type: the user who has used most of it (its quotas are per IAM user).
A scope that cannot be read is listed as DENIED (the credentials may not read it) or ERROR, with its reason on
stderr; the rest of the scan completes. Unlimited quotas and unknown usage have no percent; a quota of 0 is
"zero" with nothing used, FAIL with anything used.
Exit 0 when every quota is under --warn, 3 when some reach --warn only, 1 when any reaches --fail, 2 when a scope
could not be read or on an error (2 wins over 1, 1 over 3), 130 on Ctrl-C.

Options:
${SELECTION_HELP}
  --warn P               Percent used that warns, 0 to 100 (default 80)
  --fail P               Percent used that fails, 0 to 100 (default 95)
  --output FORMAT        table (default), json ({"thresholds", "rows", "errors"}), csv (RFC 4180) or openmetrics
                         (the exporter's gauges)
  --concurrency N        Reads in flight at once, 1 to 64 (default 8)
  --adaptive-rate on|off After a 429, send at the rate the service lets through (default on); off: at once
  --endpoint SVC=URL     Endpoint override, SVC one of ${SERVICE_NAMES.join(', ')} (repeatable)
  --timeout S            Give up on each HTTP request after S seconds, retries included (default 90)
  --debug                Stack traces on errors
  -h, --help             This help
`;

const { region: _region, ...CLIENT_FLAGS_BUT_REGION } = CLIENT_FLAGS;
/** `--region` is left out: `--regions` says where to read. */
export const SCAN_FLAGS = {
  ...CLIENT_FLAGS_BUT_REGION,
  ...SELECTION_FLAGS,
  warn: { type: 'string' },
  fail: { type: 'string' },
  concurrency: { type: 'string' },
  'adaptive-rate': { type: 'string' },
} as const;

/** What tests (or an embedding program) may give instead of the process's own. */
export interface ScanRunOptions {
  /** Stops the scan as Ctrl-C does. Default: the process's SIGINT. */
  signal?: AbortSignal;
  /** Show progress on stderr. Default: when stderr is the process's and a terminal. */
  progress?: boolean;
}

/** `hwquota scan`: exit 0, 3 (warn), 1 (fail), 2 (a read failed, or an error) or 130 (interrupted). */
export async function runScanCommand(args: readonly string[], io: CliIo, options: ScanRunOptions = {}): Promise<number> {
  const { values, positionals } = parseFlags(args, SCAN_FLAGS);
  if (values.help) {
    io.stdout.write(SCAN_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`hwquota scan takes no arguments, only options; got ${JSON.stringify(positionals[0])}`);
  const selection = parseSelection(values, io.env);
  const thresholds = parseThresholds(values);
  const output = parseScanOutput(values.output);
  const concurrency = parseConcurrencyFlag(values.concurrency);
  // Loaded before any request, so that a broken install fails at once; and only for this format.
  const openMetrics = output === 'openmetrics' ? await import('../scan/quota-metrics.js') : undefined;
  const client = scanClient(values, selection, io.env);
  const interrupt = options.signal ? undefined : processInterrupt();
  const progress = progressLine(io, options.progress ?? (io.stderr === process.stderr && process.stderr.isTTY === true));
  let result: ScanResult;
  try {
    result = await runScan(client, { selection, thresholds, concurrency, signal: options.signal ?? interrupt!.signal, onProgress: progress.show });
  } catch (error) {
    // Ctrl-C: nothing more is printed, and no stack.
    if (error instanceof ScanInterrupted) return SCAN_EXIT.interrupted;
    throw error;
  } finally {
    progress.clear();
    interrupt?.dispose();
    await client.close();
  }
  io.stdout.write(await format(result, output, thresholds, io.color, openMetrics));
  for (const failure of result.failures) io.stderr.write(`hwquota: ${failure.kind}: ${printable(`${where(failure)}: ${failure.message}`)}\n`);
  return scanExitCode(result);
}

async function format(result: ScanResult, output: ScanOutput, thresholds: Thresholds, color: boolean, openMetrics: typeof import('../scan/quota-metrics.js') | undefined): Promise<string> {
  switch (output) {
    case 'table':
      return formatScanTable(result, thresholds, color);
    case 'json':
      return formatScanJson(result, thresholds);
    case 'csv':
      return formatScanCsv(result);
    case 'openmetrics':
      return openMetrics!.formatOpenMetrics(result);
  }
}

/** `kms region cn-north-4 project cn-north-4_dev`, `account`, `region cn-east-3` (a region whose project was not found). */
function where(failure: ScanFailure): string {
  const project = failure.projectName ?? failure.projectId;
  return [failure.service, failure.region && `region ${failure.region}`, project && `project ${project}`].filter(Boolean).join(' ');
}

/** Ctrl-C aborts every read; if something still holds the process a second later, it exits anyway, with 130. */
function processInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    controller.abort();
    setTimeout(() => process.exit(SCAN_EXIT.interrupted), 1000).unref();
  };
  process.once('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onInterrupt) };
}

/** `scanning: 12/40 reads` on one line of stderr, rewritten in place; only on a terminal. */
function progressLine(io: CliIo, enabled: boolean): { show?: (done: number, total: number) => void; clear(): void } {
  if (!enabled) return { clear: () => {} };
  let shown = false;
  return {
    show: (done, total) => {
      shown = true;
      io.stderr.write(`\r\u001b[Kscanning: ${done}/${total} reads`);
    },
    clear: () => {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}
