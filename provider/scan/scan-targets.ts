import { findQuotaApiEntry, ENDPOINT_SERVICES, type QuotaService } from '../apis/quota-apis';
import type { RegionProject } from './project-regions';

/** One read of a scan: an API, in the account or in a project. */
export interface ScanTarget {
  readonly service: QuotaService;
  /** Absent for the account's own quotas. */
  readonly project?: RegionProject;
}

/**
 * The reads of a scan: account-scoped APIs once, project-scoped and regional APIs once per project, and per-user
 * APIs (MetaStudio) once per region where the service is offered, through the region's own project: their quotas
 * belong to the account's users, not to a project, so every project of a region would show the same users.
 */
export function scanTargets(services: readonly QuotaService[], projects: readonly RegionProject[]): ScanTarget[] {
  return interleaved(targetsOf(services, projects));
}

function targetsOf(services: readonly QuotaService[], projects: readonly RegionProject[]): ScanTarget[] {
  return services.flatMap((service): ScanTarget[] => {
    const entry = findQuotaApiEntry(service)!;
    if (entry.scope === 'account') return [{ service }];
    if (!entry.perUser) return projects.map((project) => ({ service, project }));
    const offeredIn = ENDPOINT_SERVICES.find((candidate) => candidate.host === entry.service)?.regions;
    const regions = [...new Set(projects.map((project) => project.region))].filter((region) => !offeredIn || offeredIn.includes(region));
    return regions.map((region) => ({ service, project: ownProject(projects.filter((project) => project.region === region)) }));
  });
}

/** The region's own project (named after it) when there is one, else the first of the region. */
function ownProject(projects: readonly RegionProject[]): RegionProject {
  return projects.find((project) => project.name === project.region) ?? projects[0]!;
}

/**
 * The reads taken in turn from each service and region, rather than one endpoint's after another's: each endpoint
 * has its own rate limit at the gateway (and in the client), so reads in flight spread over all of them and a
 * throttled endpoint does not hold every slot while the others stand idle.
 */
function interleaved(targets: readonly ScanTarget[]): ScanTarget[] {
  const queues = new Map<string, ScanTarget[]>();
  for (const target of targets) {
    const key = `${target.service} ${target.project?.region ?? ''}`;
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = []));
    queue.push(target);
  }
  const order: ScanTarget[] = [];
  for (let index = 0; order.length < targets.length; index++) {
    for (const queue of queues.values()) if (index < queue.length) order.push(queue[index]!);
  }
  return order;
}
