import type { z } from 'zod';
import { HuaweiCloudError } from '../errors';

/**
 * Checks rules or a policy's config before they are used. The error names where the fault is
 * (`policy config.rules.huaweicloud:Dew/key:Key[0].type`), so a pack author can find it in their file.
 */
export function checkPolicyInput<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = what + issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
  const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}` : issue.message;
  throw new HuaweiCloudError({ kind: 'invalid-argument', field, message: `${field}: ${message}` });
}
