import { z } from 'zod';
import { QuotaNumber } from './quota-number';
import { defineService, flatErrorBody } from './endpoint-service';

/**
 * IAM: the account's and projects' IAM quotas, and the ID look-ups (`GET /v3/projects`, `GET /v3/auth/domains`).
 * Codes from its error-code page; IAM answers an action it does not allow with `IAM.0002` (403).
 */
export const IAM = defineService({
  host: 'iam',
  envName: 'IAM',
  title: 'IAM',
  errors: {
    badRequest: { code: 'IAM.0007', status: 400 },
    forbidden: { code: 'IAM.0002', status: 403 },
    noPermission: { code: 'IAM.0002', status: 403 },
    notFound: { code: 'IAM.0004', status: 404 },
    internal: { code: 'IAM.0006', status: 500 },
  },
  errorBody: flatErrorBody,
});

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
