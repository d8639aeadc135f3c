import { z } from 'zod';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { IAM, IamQuotaList } from './iam-service';
import { readQuotaList } from './quota-list';

const Count = z.number().int().nonnegative();

/** IAM `GET /v3.0/OS-QUOTA/projects/{project_id}`: the IAM quotas of a project (today one: `project`). */
export const project = defineQuotaApi({
  name: 'project',
  method: 'projectQuotas',
  title: 'IAM project quotas',
  summary: 'the IAM quotas of a project: `project`, the sub-projects its region may hold',
  reference: 'IAM API reference, "Querying the Quotas of a Project"',
  service: IAM,
  scope: 'project',
  path: '/v3.0/OS-QUOTA/projects/{project_id}',
  args: {},
  quotaTypes: {
    project: { description: 'projects (sub-projects) in the region' },
  },
  read: readQuotaList(IamQuotaList),
  countedBy: {
    // A project has no region input: its name starts with the region whose project quota it uses.
    'huaweicloud:Iam/project:Project': [{ type: 'project', regionFrom: 'name' }],
  },
  emulator: emulatorPart(() => ({
    level: 'project',
    stateKey: 'iamQuotas',
    entry: z
      .object({
        /** The only project quota type IAM reports. */
        type: z.literal('project'),
        /** The current quota. */
        quota: Count,
        /** The usage. */
        used: Count,
        /** The lowest value the quota can be set to. */
        min: Count,
        /** The highest value the quota can be set to. */
        max: Count,
      })
      .strict(),
    defaults: (owner) => {
      const used = { 'cn-north-4': 4, 'cn-north-4_dev': 0, 'eu-west-101': 1 }[owner];
      return used === undefined ? [] : [{ type: 'project', quota: 10, used, min: 0, max: 50 }];
    },
    answer: (entries) => ({ quotas: { resources: entries } }),
  })),
  example: `const project = await quotas.getProjectQuotas({ region: 'cn-north-4', projectName: 'cn-north-4_dev' });`,
});
