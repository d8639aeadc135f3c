import { REGION_PATTERN } from '../endpoints/region';
import { PROJECT_NAME_PATTERN } from '../path-parameters';

/** A project the scan can read: its ID, its name and the region it is in. */
export interface RegionProject {
  readonly id?: string;
  readonly name?: string;
  readonly region: string;
}

/**
 * The region a project is in, from its name: `cn-north-4` for `cn-north-4` and `cn-north-4_dev`; `undefined` for a
 * name that is neither a region nor `{region}_{name}` (IAM also lists projects such as `MOS`, which hold no quotas).
 */
export function regionOfProject(name: string): string | undefined {
  if (!PROJECT_NAME_PATTERN.test(name)) return undefined;
  const underscore = name.indexOf('_');
  const region = underscore === -1 ? name : name.slice(0, underscore);
  if (underscore !== -1 && underscore === name.length - 1) return undefined;
  return REGION_PATTERN.test(region) ? region : undefined;
}

/** The projects a scan reads of those IAM lists: enabled, and named after a region (`cn-north-4`, `cn-north-4_dev`). */
export function scannableProjects(listed: readonly { id: string; name: string; enabled: boolean }[]): RegionProject[] {
  return listed.flatMap((project) => {
    const region = project.enabled ? regionOfProject(project.name) : undefined;
    return region ? [{ id: project.id, name: project.name, region }] : [];
  });
}
