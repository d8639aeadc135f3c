import { z } from 'zod';
import { QuotaNumber } from './quota-number';

/** IAM's quota entry, shared by account and project quotas. `used` may be `null` (IAM's `mapping`). */
export const IamQuotaList = z.object({
  quotas: z.object({
    resources: z.array(
      z.object({
        type: z.string(),
        quota: QuotaNumber,
        used: QuotaNumber.nullable().optional(),
        min: QuotaNumber.optional(),
        max: QuotaNumber.optional(),
      }),
    ),
  }),
});
