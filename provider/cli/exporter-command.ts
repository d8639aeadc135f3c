import { SERVICE_NAMES } from '../endpoints/service-names';
import { HuaweiCloudError } from '../errors';
import { MAX_TIMER_MS } from '../max-timer';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';
import { CLIENT_FLAGS, parseConcurrencyFlag } from './client-flags';
import { parseFlags } from './parse-flags';
import { parseSelection, scanClient, SELECTION_FLAGS, SELECTION_HELP } from './scan-flags';

export const EXPORTER_USAGE = `Usage: hwquota exporter [options]

Serves every quota as Prometheus metrics at http://HOST:PORT/metrics. The quotas are read in the background, as
hwquota scan reads them, every --interval seconds (± 10 %), one refresh at a time; a scrape never reads the cloud.
Metrics: huaweicloud_quota_limit, _used and _headroom (labels service, type, region, project_id, and unit where
there is one; no series where the value is unlimited or unknown), huaweicloud_quota_unlimited (1 for no limit),
huaweicloud_quota_read_success per scope, huaweicloud_quota_read_failures_total, and the last refresh's
huaweicloud_quota_last_refresh_timestamp_seconds, _success and _duration_seconds.
/healthz answers 503 until the first refresh has ended, then 200. One line per refresh, and per failed read, goes
to stderr. Exits 0 on SIGINT or SIGTERM, 2 when it cannot start.

Options:
  --listen HOST:PORT     Address to serve on (default 127.0.0.1:9464; port 0: a free one)
  --interval S           Seconds between refreshes, at least 10 (default 300)
${SELECTION_HELP}
  --concurrency N        Reads in flight at once, 1 to 64 (default 8)
  --adaptive-rate on|off After a 429, send at the rate the service lets through (default on); off: at once
  --endpoint SVC=URL     Endpoint override, SVC one of ${SERVICE_NAMES.join(', ')} (repeatable)
  --timeout S            Give up on each HTTP request after S seconds, retries included (default 90)
  --debug                Stack traces on errors
  -h, --help             This help
`;

const { region: _region, output: _output, ...CLIENT_FLAGS_BUT_REGION_AND_OUTPUT } = CLIENT_FLAGS;
const EXPORTER_FLAGS = {
  ...CLIENT_FLAGS_BUT_REGION_AND_OUTPUT,
  ...SELECTION_FLAGS,
  listen: { type: 'string' },
  interval: { type: 'string' },
  concurrency: { type: 'string' },
  'adaptive-rate': { type: 'string' },
} as const;

/** The shortest `--interval`: quota APIs are throttled per account, and quotas change slowly. */
const MIN_INTERVAL_SECONDS = 10;

/** What tests (or an embedding program) may give instead of the process's own. */
export interface ExporterRunOptions {
  /** Stops the exporter as SIGTERM does. Default: the process's SIGINT and SIGTERM. */
  signal?: AbortSignal;
  /** Told the exporter's URL once it listens. */
  onListening?: (url: string) => void;
  /** Overrides `--interval`'s floor, in ms (tests refresh faster). */
  intervalMs?: number;
}

/** `hwquota exporter`: serves until SIGINT or SIGTERM (exit 0); exit 2 when it cannot start. */
export async function runExporterCommand(args: readonly string[], io: CliIo, options: ExporterRunOptions = {}): Promise<number> {
  const { values, positionals } = parseFlags(args, EXPORTER_FLAGS);
  if (values.help) {
    io.stdout.write(EXPORTER_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`hwquota exporter takes no arguments, only options; got ${JSON.stringify(positionals[0])}`);
  const selection = parseSelection(values, io.env);
  const { host, port } = parseListen(values.listen ?? '127.0.0.1:9464');
  const intervalMs = options.intervalMs ?? parseInterval(values.interval);
  const concurrency = parseConcurrencyFlag(values.concurrency);
  // Each refresh reads afresh: the client's short cache would hand a refresh the last one's answers.
  const client = scanClient(values, selection, io.env, { cacheTtlMs: 0 });
  const { startQuotaExporter } = await import('../scan/quota-exporter.js');
  const stopped = options.signal ?? processStop();
  try {
    const exporter = await startQuotaExporter({ client, selection, concurrency, host, port, intervalMs, log: (line) => io.stderr.write(`${line}\n`) }).catch((error: NodeJS.ErrnoException) => {
      throw new HuaweiCloudError({ kind: 'invalid-argument', field: 'listen', message: `--listen: cannot listen on ${values.listen ?? '127.0.0.1:9464'}: ${error.code ?? ''} ${error.message}`.replace(/ {2,}/g, ' ') });
    });
    io.stderr.write(`hwquota exporter: serving ${exporter.url}/metrics, refreshing every ${Math.round(intervalMs / 1000)} s\n`);
    options.onListening?.(exporter.url);
    if (!stopped.aborted) await new Promise((resolve) => stopped.addEventListener('abort', resolve, { once: true }));
    await exporter.stop();
    return 0;
  } finally {
    await client.close();
  }
}

/** `HOST:PORT` or `[IPv6]:PORT`, port 0 to 65535. */
function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535) throw new UsageError(`--listen takes HOST:PORT, such as 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464 (port 0: a free one); got ${JSON.stringify(value)}`);
  return { host: match[1] ?? match[2]!, port };
}

/** `--interval S` in ms: whole seconds from 10, default 300. */
function parseInterval(value: string | undefined): number {
  if (value === undefined) return 300_000;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  const max = Math.floor(MAX_TIMER_MS / 1000);
  if (!(seconds >= MIN_INTERVAL_SECONDS && seconds <= max)) throw new UsageError(`--interval takes whole seconds from ${MIN_INTERVAL_SECONDS} to ${max}; got ${JSON.stringify(value)}`);
  return seconds * 1000;
}

/** Aborted by the first SIGINT or SIGTERM, which then no longer end the process by themselves. */
function processStop(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}
