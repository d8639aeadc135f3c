import type { z } from 'zod';
import { HuaweiCloudError } from '../errors';

/**
 * Checks a response body against the service's schema. Extra fields pass; a missing or mistyped field is a
 * `response-invalid` error naming the service and the field, so that schema drift never turns into `NaN`.
 */
export function parseResponse<T>(schema: z.ZodType<T>, body: unknown, service: string, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new HuaweiCloudError({
    kind: 'response-invalid',
    message: `${service}: ${what} answered with an unexpected body: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  });
}
