import { findQuotaApiEntry, QUOTA_SERVICES, type QuotaService } from '../apis/quota-apis';
import { didYouMean } from '../closest-name';
import { REGION_PATTERN } from '../endpoints/region';
import { regionOfProject } from '../scan/project-regions';
import type { ScanSelection } from '../scan/scan-selection';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../scan/thresholds';
import { createQuotaClient, type QuotaClient, type QuotaClientOptions } from '../quota-client';
import { UsageError } from './cli-io';
import { clientOptionsFromFlags, parseAdaptiveRateFlag } from './client-flags';

/** The flags that say what `scan` and `exporter` read. */
export const SELECTION_FLAGS = {
  regions: { type: 'string' },
  projects: { type: 'string' },
  services: { type: 'string' },
} as const;

/** Their help lines, the same in both commands. */
export const SELECTION_HELP = `  --regions R,R|all      Regions to read, or all: every region the account has a project in
                         (default: HW_REGION_NAME)
  --projects all|P,P     all: every project of the account in those regions (IAM GET /v3/projects);
                         or project names, e.g. cn-north-4,cn-north-4_dev (default: each region's own project)
  --services A,A         APIs to read (default: all): ${QUOTA_SERVICES.join(', ')}`;

/** `a,b, c` → `['a', 'b', 'c']`; an empty item is an error naming the flag. */
function commaList(flag: string, value: string, shape: string): string[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new UsageError(`--${flag} takes ${shape}; got ${JSON.stringify(value)}`);
  return [...new Set(items)];
}

/** `--regions`, `--projects` and `--services` into what to scan, checked before any request. */
export function parseSelection(values: { regions?: string; projects?: string; services?: string }, env: NodeJS.ProcessEnv): ScanSelection {
  const services = values.services === undefined ? QUOTA_SERVICES : commaList('services', values.services, `API names separated by commas, each one of ${QUOTA_SERVICES.join(', ')}`).map(checkService);
  const projects = parseProjects(values.projects);
  // Account quotas alone need no region: they are read once, wherever the scan runs.
  const accountOnly = services.every((service) => findQuotaApiEntry(service)!.scope === 'account');
  const regions = accountOnly && values.regions === undefined && projects === 'own' ? [] : parseRegions(values.regions, projects, env);
  return { regions, projects, services };
}

function checkService(name: string): QuotaService {
  const service = QUOTA_SERVICES.find((candidate) => candidate === name);
  if (!service) throw new UsageError(`--services: unknown API ${JSON.stringify(name)}${didYouMean(name, QUOTA_SERVICES)}; the APIs are ${QUOTA_SERVICES.join(', ')}`);
  return service;
}

function parseProjects(value: string | undefined): ScanSelection['projects'] {
  if (value === undefined) return 'own';
  if (value.trim() === 'all') return 'all';
  const shape = 'all, or project names separated by commas, such as cn-north-4,cn-north-4_dev';
  const names = commaList('projects', value, shape);
  const bad = names.find((name) => regionOfProject(name) === undefined);
  if (bad !== undefined) throw new UsageError(`--projects takes ${shape}; ${JSON.stringify(bad)} is not a project name (a region ID, or {region}_{name})`);
  return names;
}

function parseRegions(value: string | undefined, projects: ScanSelection['projects'], env: NodeJS.ProcessEnv): ScanSelection['regions'] {
  const names = typeof projects === 'string' ? undefined : projects;
  const named = names && [...new Set(names.map((name) => regionOfProject(name)!))];
  if (value === undefined) {
    if (named) return named;
    if (!env.HW_REGION_NAME) throw new UsageError('--regions: no region given and HW_REGION_NAME is not set; pass --regions R[,R...] or --regions all');
    if (!REGION_PATTERN.test(env.HW_REGION_NAME)) throw new UsageError(`HW_REGION_NAME must be a region ID such as cn-north-4; got ${JSON.stringify(env.HW_REGION_NAME.slice(0, 70))}`);
    return [env.HW_REGION_NAME];
  }
  if (value.trim() === 'all') return named ?? 'all';
  const shape = 'all, or region IDs separated by commas, such as cn-north-4,eu-west-101';
  const regions = commaList('regions', value, shape);
  const bad = regions.find((region) => !REGION_PATTERN.test(region));
  if (bad !== undefined) throw new UsageError(`--regions takes ${shape}; got ${JSON.stringify(bad.slice(0, 70))}`);
  const outside = names?.find((name) => !regions.includes(regionOfProject(name)!));
  if (outside !== undefined) throw new UsageError(`--projects: ${outside} is in ${regionOfProject(outside)}, which --regions ${regions.join(',')} leaves out`);
  return regions;
}

/** `--warn P` and `--fail P`: percent used, a number from 0 to 100, `--warn` not above `--fail`. */
export function parseThresholds(values: { warn?: string; fail?: string }): Thresholds {
  const percent = (flag: 'warn' | 'fail'): number => {
    const value = values[flag];
    if (value === undefined) return DEFAULT_THRESHOLDS[flag];
    const number = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
    if (!(number >= 0 && number <= 100)) throw new UsageError(`--${flag} takes a percent used, a number from 0 to 100; got ${JSON.stringify(value)}`);
    return number;
  };
  const thresholds = { warn: percent('warn'), fail: percent('fail') };
  if (thresholds.warn > thresholds.fail) throw new UsageError(`--warn (${thresholds.warn}) must not be above --fail (${thresholds.fail})`);
  return thresholds;
}

/** What `scan --output` takes. */
export const SCAN_OUTPUTS = ['table', 'json', 'csv', 'openmetrics'] as const;
/** One of {@link SCAN_OUTPUTS}. */
export type ScanOutput = (typeof SCAN_OUTPUTS)[number];

/** `--output table|json|csv|openmetrics`, default table. */
export function parseScanOutput(value: string | undefined): ScanOutput {
  if (value === undefined) return 'table';
  const output = SCAN_OUTPUTS.find((candidate) => candidate === value);
  if (!output) throw new UsageError(`--output takes ${SCAN_OUTPUTS.join(', ')}; got ${JSON.stringify(value)}`);
  return output;
}

/**
 * The quota client of a scan or the exporter, from their flags: its region is `HW_REGION_NAME`, else the first region
 * asked for (for the project look-ups of a region without one of its own in the environment).
 */
export function scanClient(values: Parameters<typeof clientOptionsFromFlags>[0] & { 'adaptive-rate'?: string }, selection: ScanSelection, env: NodeJS.ProcessEnv, extra: QuotaClientOptions = {}): QuotaClient {
  const region = env.HW_REGION_NAME || (selection.regions === 'all' ? undefined : selection.regions[0]);
  return createQuotaClient({ ...clientOptionsFromFlags({ ...values, region }, env), ...parseAdaptiveRateFlag(values['adaptive-rate']), ...extra });
}
