import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HuaweiCloudError } from '../errors';
import type { QuotaClient } from '../quota-client';
import { printable } from '../printable-text';
import { createQuotaMetrics } from './quota-metrics';
import { startRefreshLoop } from './refresh-loop';
import { runScan } from './run-scan';
import type { ScanSelection } from './scan-selection';
import { DEFAULT_THRESHOLDS } from './thresholds';

/** How to run the exporter. */
export interface QuotaExporterOptions {
  /** Reads with this client (best with `cacheTtlMs: 0`: each refresh reads afresh). It is not closed by `stop()`. */
  readonly client: QuotaClient;
  readonly selection: ScanSelection;
  /** Reads in flight at once. */
  readonly concurrency: number;
  /** Address and port to listen on; port 0 takes a free one. */
  readonly host: string;
  readonly port: number;
  /** Between refreshes (± 10 %), in ms. */
  readonly intervalMs: number;
  /** One line per refresh and per failed read; never a credential. */
  readonly log: (line: string) => void;
}

/** A running exporter. */
export interface RunningQuotaExporter {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** Settles when the first refresh has ended, read or not. */
  readonly firstRefresh: Promise<void>;
  /** Stops refreshing (a refresh in flight is aborted) and serving. */
  stop(): Promise<void>;
}

/**
 * Serves the quotas as Prometheus metrics: `/metrics` answers from the last refresh (never reads the cloud itself),
 * `/healthz` is 503 until the first refresh has ended and 200 from then on (failed reads are the metrics' to tell).
 * Refreshes run in the background, one at a time, every `intervalMs` ± 10 %.
 */
export async function startQuotaExporter(options: QuotaExporterOptions): Promise<RunningQuotaExporter> {
  const metrics = createQuotaMetrics('prometheus');
  let health: string | undefined;
  const server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  const loop = startRefreshLoop(async (signal) => {
    const startedAt = new Date();
    try {
      const result = await runScan(options.client, { selection: options.selection, thresholds: DEFAULT_THRESHOLDS, concurrency: options.concurrency, signal });
      metrics.recordScan(result);
      for (const failure of result.failures) options.log(`hwquota exporter: ${failure.status}: ${[failure.service, failure.region, failure.projectName ?? failure.projectId].filter(Boolean).join(' ')}: ${printable(failure.message)}`);
      options.log(`hwquota exporter: refreshed ${result.rows.length} quotas in ${result.scopes} scopes, ${result.failures.length} failed, in ${(result.durationMs / 1000).toFixed(1)} s`);
    } catch (error) {
      if (signal.aborted) return;
      const kind = error instanceof HuaweiCloudError ? error.kind : 'internal';
      metrics.recordFailedRefresh(startedAt, kind);
      options.log(`hwquota exporter: refresh failed: ${kind}: ${printable((error as Error)?.message ?? String(error))}`);
    } finally {
      if (!signal.aborted) health = `ok: last refresh ended ${new Date().toISOString()}\n`;
    }
  }, options.intervalMs);

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'only GET and HEAD\n', { Allow: 'GET, HEAD' });
    if (path === '/metrics') {
      const body = await metrics.registry.metrics();
      return send(response, 200, body, { 'Content-Type': metrics.registry.contentType });
    }
    if (path === '/healthz') return health ? send(response, 200, health) : send(response, 503, 'starting: the first refresh has not ended\n');
    if (path === '/') return send(response, 200, 'hwquota exporter: /metrics, /healthz\n');
    return send(response, 404, 'not found: /metrics, /healthz\n');
  }

  return {
    url: `http://${host}:${port}`,
    firstRefresh: loop.first,
    stop: async () => {
      loop.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
