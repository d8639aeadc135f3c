import { z } from 'zod';
import { ACCOUNT_QUOTA_TYPES } from '../services/account-quotas';
import { KMS_QUOTA_TYPES } from '../services/kms-quotas';
import { METASTUDIO_QUOTA_TYPES } from '../services/metastudio-user-quotas';
import { PROJECT_QUOTA_TYPES } from '../services/project-quotas';
import { SFS_TURBO_QUOTA_TYPES } from '../services/sfs-turbo-quotas';
import { checkQuotaType, ProjectName, RegionId, ResourceId } from './field-schemas';
import { QUOTA_SERVICES, type QuotaService } from './requirements';

/** The quota types each service reports, spelled as its API spells them. */
export const QUOTA_TYPES: Record<QuotaService, readonly string[]> = {
  account: ACCOUNT_QUOTA_TYPES,
  project: PROJECT_QUOTA_TYPES,
  kms: KMS_QUOTA_TYPES,
  'sfs-turbo': SFS_TURBO_QUOTA_TYPES,
  metastudio: METASTUDIO_QUOTA_TYPES,
};

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
    checkQuotaType(QUOTA_TYPES, requirement.service, requirement.type, context);
    if (requirement.service === 'metastudio' && !requirement.userId) {
      context.addIssue({ code: 'custom', path: ['userId'], message: 'MetaStudio quotas are per IAM user: name the userId' });
    }
  });

export const QuotaRequirementList = z.array(QuotaRequirementSchema);
