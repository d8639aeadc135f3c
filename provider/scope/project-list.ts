import { z } from 'zod';
import { parseResponse } from '../apis/parse-response';
import type { IamGet } from './iam-lookups';

/** A project of the account, as IAM `GET /v3/projects` lists it. */
export interface ListedProject {
  /** The project ID. */
  readonly id: string;
  /** `cn-north-4` for a region's own project, `cn-north-4_dev` for a sub-project; IAM also lists others, such as `MOS`. */
  readonly name: string;
  /** `false` for a project that has been disabled. */
  readonly enabled: boolean;
}

const ProjectList = z.object({
  projects: z.array(z.object({ id: z.string().min(1), name: z.string(), enabled: z.boolean().optional() }).passthrough()),
});

/** Every project of the credentials' account (`GET /v3/projects`, no filter: IAM answers all in one page). */
export async function listAccountProjects(iamGet: IamGet): Promise<ListedProject[]> {
  const { projects } = parseResponse(ProjectList, await iamGet('/v3/projects', {}), 'iam', 'GET /v3/projects');
  return projects.map((project) => ({ id: project.id, name: project.name, enabled: project.enabled !== false }));
}
