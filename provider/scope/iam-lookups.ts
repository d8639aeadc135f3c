import { z } from 'zod';
import { HuaweiCloudError } from '../errors';
import { parseResponse } from '../apis/parse-response';

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
  const message =
    matches.length === 0
      ? `no project named "${name}" in this account; check the region, or name a sub-project such as "${name.split('_')[0]}_dev" with projectName (this package never creates projects)`
      : `${matches.length} projects are named "${name}"; pass projectId to choose one`;
  throw new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` });
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
