import { z } from 'zod';
import { HuaweiCloudError } from '../errors';
import { parseResponse } from '../apis/parse-response';
import { unknownRegionHint } from '../endpoints/known-regions';

/** Sends a GET to IAM and resolves to the parsed JSON body. */
export type IamGet = (path: string, query: Record<string, string>) => Promise<unknown>;

const ProjectList = z.object({ projects: z.array(z.object({ id: z.string().min(1), name: z.string() }).passthrough()) });
const DomainList = z.object({ domains: z.array(z.object({ id: z.string().min(1), name: z.string() }).passthrough()) });

/**
 * The ID of the project with this name (`GET /v3/projects?name=`): exactly one match, or a clear error. Sub-projects
 * are named like `cn-north-4_dev`. Nothing is ever created.
 */
export async function findProjectId(iamGet: IamGet, name: string, field: string): Promise<string> {
  const { projects } = parseResponse(ProjectList, await iamGet('/v3/projects', { name }), 'iam', 'GET /v3/projects');
  const matches = projects.filter((project) => project.name === name);
  if (matches.length === 1) return matches[0]!.id;
  const message = matches.length === 0 ? noProjectNamed(name) : `${matches.length} projects are named "${name}"; pass projectId to choose one`;
  throw new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` });
}

/** A region's own project is named after it: a missing one is most often a typo'd region, not a missing sub-project. */
function noProjectNamed(name: string): string {
  const [region] = name.split('_');
  const regionHint = unknownRegionHint(region!);
  if (regionHint) return `no project named "${name}" in this account: ${regionHint}`;
  return `no project named "${name}" in this account; check the region, or name a sub-project such as "${region}_dev" with projectName (this package never creates projects)`;
}

/** The account (domain) ID of the credentials (`GET /v3/auth/domains`). */
export async function findDomainId(iamGet: IamGet): Promise<string> {
  const { domains } = parseResponse(DomainList, await iamGet('/v3/auth/domains', {}), 'iam', 'GET /v3/auth/domains');
  const [domain] = domains;
  if (!domain) {
    throw new HuaweiCloudError({ kind: 'response-invalid', message: 'iam: GET /v3/auth/domains listed no account for these credentials; pass domainId' });
  }
  return domain.id;
}
