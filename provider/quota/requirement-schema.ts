import { z } from 'zod';
import { QUOTA_API_CATALOG } from '../apis/catalog';
import { ENDPOINT_SERVICES, findQuotaApiEntry, QUOTA_SERVICES, quotaTypeProblem, type QuotaService } from '../apis/quota-apis';
import { ProjectName, RegionId, ResourceId } from './field-schemas';

/** The quota types each service reports, spelled as its API spells them (patterns of more types aside). */
export const QUOTA_TYPES = Object.fromEntries(QUOTA_API_CATALOG.map((entry) => [entry.name, entry.quotaTypes])) as unknown as Record<QuotaService, readonly string[]>;

/** A requirement as users write it (in code or in a `hwquota check` file). */
export const QuotaRequirementSchema = z
  .object({
    service: z.enum(QUOTA_SERVICES as [QuotaService, ...QuotaService[]]),
    type: z.string(),
    need: z.number({ invalid_type_error: 'must be a finite number ≥ 0' }).finite('must be a finite number ≥ 0').nonnegative('must be a finite number ≥ 0'),
    region: RegionId.optional(),
    projectId: ResourceId.optional(),
    projectName: ProjectName.optional(),
    domainId: ResourceId.optional(),
    userId: ResourceId.optional(),
  })
  .strict()
  .superRefine((requirement, context) => {
    const problem = quotaTypeProblem(requirement.service, requirement.type);
    if (problem) context.addIssue({ code: 'custom', path: ['type'], message: problem });
    const entry = findQuotaApiEntry(requirement.service)!;
    if (entry.perUser && !requirement.userId) {
      const service = ENDPOINT_SERVICES.find((candidate) => candidate.host === entry.service)!;
      context.addIssue({ code: 'custom', path: ['userId'], message: `${service.title} quotas are per IAM user: name the userId` });
    }
  });

export const QuotaRequirementList = z.array(QuotaRequirementSchema);
