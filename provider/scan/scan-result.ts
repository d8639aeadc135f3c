import type { QuotaService } from '../apis/quota-apis';
import type { HuaweiCloudErrorKind } from '../errors';

/**
 * How a quota stands against the thresholds: `fail` and `warn` when its percent used reaches `--fail` or `--warn`
 * (a quota of 0 with something used reaches both), `ok` under both, `zero` for a quota of 0 with nothing used (no
 * percent: nothing can be used, and nothing is), `unknown` when the service does not report usage, `unlimited` when
 * there is no limit.
 */
export type QuotaStatus = 'fail' | 'warn' | 'ok' | 'zero' | 'unknown' | 'unlimited';

/** Where a quota or a failed read is: the account, or a project in a region. */
export interface ScanScope {
  /** The API read: `kms`, `account`... Absent for a project that could not be found (no API was read). */
  readonly service?: QuotaService;
  /** The region; absent for the account's own quotas. */
  readonly region?: string;
  /** The project ID; absent for the account's own quotas, or a project whose ID could not be found. */
  readonly projectId?: string;
  /** The project's name, when known (listed by IAM, or named with `--projects`). */
  readonly projectName?: string;
  /** The account ID, for the account's own quotas. */
  readonly domainId?: string;
}

/** One quota of one scope, with its pressure. */
export interface ScanRow extends ScanScope {
  /** The API read. */
  readonly service: QuotaService;
  /** The quota type, as the API spells it. */
  readonly type: string;
  /** The unit of `quota` and `used`, when known. */
  readonly unit?: string;
  /** The limit; `null` when unlimited. */
  readonly quota: number | null;
  /** The usage; `null` when unknown. */
  readonly used: number | null;
  /** `quota - used`; `null` when unlimited or unknown. */
  readonly headroom: number | null;
  /** `true` when the quota has no limit. */
  readonly unlimited: boolean;
  /** `used / quota × 100`; `null` when unlimited, unknown, or the quota is 0. */
  readonly percentUsed: number | null;
  /** Against the thresholds. */
  readonly status: QuotaStatus;
  /** MetaStudio: the IAM user under the most pressure for this type, whose numbers the row shows. */
  readonly userId?: string;
  /** MetaStudio: how many users have this type. */
  readonly users?: number;
}

/** A scope that could not be read, and why. */
export interface ScanFailure extends ScanScope {
  /** `denied` when the service refused the credentials (HTTP 403), `error` for any other failure. */
  readonly status: 'denied' | 'error';
  /** The error's kind (`service`, `network`, `invalid-argument`...). */
  readonly kind: HuaweiCloudErrorKind;
  /** For `service`: the service's code, the HTTP status and the request ID to quote to support. */
  readonly code?: string;
  /** For `service`: the HTTP status. */
  readonly httpStatus?: number;
  /** For `service`: the request ID. */
  readonly requestId?: string;
  /** The reason, without secrets. */
  readonly message: string;
}

/** What one scan found. */
export interface ScanResult {
  /** Every quota read, by pressure: highest percent used first; `zero`, `unknown`, `unlimited` last. */
  readonly rows: readonly ScanRow[];
  /** Every scope that could not be read. */
  readonly failures: readonly ScanFailure[];
  /** How many scopes were read or tried. */
  readonly scopes: number;
  /** When the scan started and how long it took. */
  readonly startedAt: Date;
  /** In ms. */
  readonly durationMs: number;
}
