import { loadQuotaApi, type QuotaApi } from '../apis/quota-apis';
import { mapConcurrently } from '../concurrency';
import { invalidArgument } from '../errors';
import type { QuotaClient } from '../quota-client';
import { scanFailure } from './failure';
import { byPressure } from './pressure-order';
import { regionOfProject, scannableProjects, type RegionProject } from './project-regions';
import type { ScanFailure, ScanResult, ScanRow } from './scan-result';
import { rowsOfRead, type ReadOutcome } from './scan-rows';
import type { ScanSelection } from './scan-selection';
import { scanTargets, type ScanTarget } from './scan-targets';
import type { Thresholds } from './thresholds';

/** How to run a scan. */
export interface ScanOptions {
  readonly selection: ScanSelection;
  readonly thresholds: Thresholds;
  /** Reads at once. */
  readonly concurrency: number;
  /** Stops every read at once (Ctrl-C); the scan then rejects with {@link ScanInterrupted}. */
  readonly signal?: AbortSignal;
  /** Called as reads end: how many are done, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The scan was stopped by its signal: nothing of it is to be shown. */
export class ScanInterrupted extends Error {
  constructor() {
    super('the scan was interrupted');
  }
}

/**
 * Reads every API of the selection in every scope it names, each read on its own: one that fails (no such project in
 * a region, a service error, a refused permission) is a failure of its scope, and the rest still completes. Only
 * missing credentials, a closed client or the signal end the whole scan.
 */
export async function runScan(client: QuotaClient, options: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date();
  const { signal } = options;
  try {
    const { projects, failures } = await findProjects(client, options.selection, signal);
    const targets = scanTargets(options.selection.services, projects);
    let done = 0;
    options.onProgress?.(0, targets.length);
    const reads = await mapConcurrently(targets, options.concurrency, async (target, stop) => {
      const read = await readTarget(client, target, signal ? AbortSignal.any([signal, stop]) : stop, options.thresholds);
      options.onProgress?.(++done, targets.length);
      return read;
    });
    return {
      rows: reads.flatMap((read) => ('rows' in read ? read.rows : [])).sort(byPressure),
      failures: [...failures, ...reads.flatMap((read) => ('failure' in read ? [read.failure] : []))],
      scopes: targets.length + failures.length,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    };
  } catch (error) {
    if (signal?.aborted) throw new ScanInterrupted();
    throw error;
  }
}

/** One read's rows, or its failure. */
type TargetRead = { rows: ScanRow[] } | { failure: ScanFailure };

async function readTarget(client: QuotaClient, target: ScanTarget, signal: AbortSignal, thresholds: Thresholds): Promise<TargetRead> {
  const api: QuotaApi = await loadQuotaApi(target.service);
  const { project } = target;
  const scope = { service: target.service, ...(project ? { region: project.region, ...(project.id ? { projectId: project.id } : {}), ...(project.name ? { projectName: project.name } : {}) } : {}) };
  try {
    const args = project ? { region: project.region, projectId: project.id, signal } : { signal };
    const outcome = (await client.read(target.service, args as never)) as ReadOutcome;
    return { rows: rowsOfRead(scope, outcome, api.quotaTypes as Record<string, { unit?: string }>, thresholds) };
  } catch (error) {
    if (signal.aborted) throw error;
    return { failure: scanFailure(scope, error, api.service.errors.noPermission) };
  }
}

/** The projects to read in, each with its region; a project that cannot be found is a failure of its own. */
async function findProjects(client: QuotaClient, selection: ScanSelection, signal: AbortSignal | undefined): Promise<{ projects: RegionProject[]; failures: ScanFailure[] }> {
  const needsList = selection.regions === 'all' || selection.projects === 'all';
  const listed = needsList ? scannableProjects(await client.http.listProjects({ signal })) : [];
  const regions = selection.regions === 'all' ? [...new Set(listed.map((project) => project.region))].sort() : selection.regions;
  if (selection.projects === 'all') {
    const failures = regions
      .filter((region) => !listed.some((project) => project.region === region))
      .map((region): ScanFailure => scanFailure({ region }, invalidArgument('regions', `no project of this account is in ${region}`)));
    return { projects: listed.filter((project) => regions.includes(project.region)), failures };
  }
  // A region's own project as `hwquota get` finds it (the environment's project ID for its region, else by name),
  // or each project named; named here, once, so that a missing one is one failure, not one per API.
  const wanted: { region: string; projectName?: string }[] = selection.projects === 'own' ? regions.map((region) => ({ region })) : selection.projects.map((name) => ({ region: regionOfProject(name)!, projectName: name }));
  const found = await Promise.all(
    wanted.map(async (want): Promise<RegionProject | ScanFailure> => {
      try {
        const id = await client.http.resolveProjectId({ ...want, signal });
        const name = want.projectName ?? listed.find((project) => project.id === id)?.name;
        return { id, region: want.region, ...(name ? { name } : {}) };
      } catch (error) {
        if (signal?.aborted) throw error;
        return scanFailure(want, error);
      }
    }),
  );
  return {
    projects: found.filter((item): item is RegionProject => !('status' in item)),
    failures: found.filter((item): item is ScanFailure => 'status' in item),
  };
}
