import { z } from 'zod';

/** IAM's quota entry, shared by account and project quotas. `used` may be `null` (IAM's `mapping`). */
export const IamQuotaList = z.object({
  quotas: z.object({
    resources: z.array(
      z.object({
        type: z.string(),
        quota: z.number(),
        used: z.number().nullable().optional(),
        min: z.number().optional(),
        max: z.number().optional(),
      }),
    ),
  }),
});
