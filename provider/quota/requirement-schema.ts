import { z } from 'zod';
import { QUOTA_API_CATALOG } from '../apis/catalog';
import { ENDPOINT_SERVICES, findQuotaApiEntry, QUOTA_SERVICES, quotaTypeProblem, type QuotaService } from '../apis/quota-apis';
import { didYouMean } from '../closest-name';
import { ProjectName, RegionId, ResourceId } from './field-schemas';

/** The quota types each service reports, spelled as its API spells them (patterns of more types aside). */
export const QUOTA_TYPES = Object.fromEntries(QUOTA_API_CATALOG.map((entry) => [entry.name, entry.quotaTypes])) as unknown as Record<QuotaService, readonly string[]>;

const NEED_RULE = 'must be a finite number ≥ 0';

/** A missing service says which there are; a misspelt one, which it is likely to be. */
const Service = z.enum(QUOTA_SERVICES as [QuotaService, ...QuotaService[]], {
  errorMap: (issue, context) => {
    if (issue.code === 'invalid_type' && context.data === undefined) return { message: `is required: one of ${QUOTA_SERVICES.join(', ')}` };
    if (issue.code === 'invalid_enum_value' && typeof context.data === 'string') return { message: `${context.defaultError}${didYouMean(context.data, QUOTA_SERVICES, 1)}` };
    return { message: context.defaultError };
  },
});

/** A requirement as users write it (in code or in a `hwquota check` file). */
export const QuotaRequirementSchema = z
  .object({
    service: Service,
    type: z.string({ required_error: "is required: the quota type as the service's API spells it, such as CMK" }),
    need: z.number({ required_error: 'is required: a finite number ≥ 0', invalid_type_error: NEED_RULE }).finite(NEED_RULE).nonnegative(NEED_RULE),
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
