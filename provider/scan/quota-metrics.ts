// prom-client is loaded only here, and this file only by the exporter and `scan --output openmetrics`: `hwquota get`
// and the library never pay for it.
import { Counter, Gauge, Registry, type RegistryContentType } from 'prom-client';
import type { ScanFailure, ScanResult, ScanRow } from './scan-result';

/** The labels of a quota's series; `region`, `project_id` and `unit` only where there is one. */
const QUOTA_LABELS = ['service', 'type', 'region', 'project_id', 'unit'] as const;
/** The labels of a scope's read. */
const SCOPE_LABELS = ['service', 'region', 'project_id'] as const;

/** The quota gauges and the refresh's own metrics, in a registry of their own (never prom-client's global one). */
export interface QuotaMetrics {
  readonly registry: Registry<RegistryContentType>;
  /** Replaces every quota series with the scan's, counts its failed reads, and records the refresh. */
  recordScan(result: ScanResult): void;
  /** A refresh that read nothing (the project list or the credentials failed): recorded as failed, one failed read counted. */
  recordFailedRefresh(startedAt: Date, kind: string): void;
}

/**
 * Makes the metrics, to be served in the Prometheus text format (the exporter) or OpenMetrics (`scan --output
 * openmetrics`). Unlimited quotas and unknown usage have no series in the gauges they would fake a number in:
 * `huaweicloud_quota_unlimited` says which quotas have no limit.
 */
export function createQuotaMetrics(format: 'prometheus' | 'openmetrics'): QuotaMetrics {
  const registry = new Registry<RegistryContentType>();
  registry.setContentType(format === 'openmetrics' ? Registry.OPENMETRICS_CONTENT_TYPE : Registry.PROMETHEUS_CONTENT_TYPE);
  const registers = [registry];
  const gauge = (name: string, help: string, labelNames: readonly string[] = []) => new Gauge({ name, help, labelNames, registers });
  const limit = gauge('huaweicloud_quota_limit', 'The quota: the most that may be used (no series when unlimited).', QUOTA_LABELS);
  const used = gauge('huaweicloud_quota_used', 'What is used of the quota (no series when the service does not report it).', QUOTA_LABELS);
  const headroom = gauge('huaweicloud_quota_headroom', 'Quota minus usage; negative when over the quota (no series when unlimited or usage is unknown).', QUOTA_LABELS);
  const unlimited = gauge('huaweicloud_quota_unlimited', '1 for a quota with no limit.', QUOTA_LABELS);
  const readSuccess = gauge('huaweicloud_quota_read_success', 'Whether the scope was read at the last refresh (1) or not (0).', SCOPE_LABELS);
  const lastRefresh = gauge('huaweicloud_quota_last_refresh_timestamp_seconds', 'When the last refresh ended, in seconds since the Unix epoch.');
  const lastSuccess = gauge('huaweicloud_quota_last_refresh_success', 'Whether every read of the last refresh succeeded (1) or not (0).');
  const duration = gauge('huaweicloud_quota_last_refresh_duration_seconds', 'How long the last refresh took.');
  const failures = new Counter({ name: 'huaweicloud_quota_read_failures_total', help: 'Reads that failed, since the exporter started.', labelNames: ['service', 'region', 'status', 'kind'], registers });

  const refreshed = (startedAt: Date, success: boolean) => {
    const now = Date.now();
    lastRefresh.set(now / 1000);
    lastSuccess.set(success ? 1 : 0);
    duration.set((now - startedAt.getTime()) / 1000);
  };
  return {
    registry,
    recordScan(result) {
      // Reset and refill in one synchronous step: a scrape sees the old refresh or the new one, never half of each.
      for (const metric of [limit, used, headroom, unlimited, readSuccess]) metric.reset();
      for (const row of result.rows) {
        const labels = quotaLabels(row);
        if (row.quota !== null) limit.set(labels, row.quota);
        if (row.used !== null) used.set(labels, row.used);
        if (row.headroom !== null) headroom.set(labels, row.headroom);
        if (row.unlimited) unlimited.set(labels, 1);
        readSuccess.set(scopeLabels(row), 1);
      }
      for (const failure of result.failures) {
        readSuccess.set(scopeLabels(failure), 0);
        failures.inc({ ...defined({ service: failure.service, region: failure.region }), status: failure.status, kind: failure.kind });
      }
      refreshed(result.startedAt, result.failures.length === 0);
    },
    recordFailedRefresh(startedAt, kind) {
      for (const metric of [limit, used, headroom, unlimited, readSuccess]) metric.reset();
      failures.inc({ status: 'error', kind });
      refreshed(startedAt, false);
    },
  };
}

/** The scan as OpenMetrics text (ending `# EOF`): the exporter's series after one refresh. */
export async function formatOpenMetrics(result: ScanResult): Promise<string> {
  const metrics = createQuotaMetrics('openmetrics');
  metrics.recordScan(result);
  return metrics.registry.metrics();
}

/** The labels that have a value: Prometheus treats an empty label as a missing one, so none is sent empty. */
function defined(labels: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

function quotaLabels(row: ScanRow): Record<string, string> {
  return defined({ service: row.service, type: row.type, region: row.region, project_id: row.projectId, unit: row.unit });
}

function scopeLabels(scope: ScanRow | ScanFailure): Record<string, string> {
  return defined({ service: scope.service, region: scope.region, project_id: scope.projectId });
}
