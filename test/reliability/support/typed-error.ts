import { HuaweiCloudError } from '../../../provider/client';

export const ERROR_KINDS = ['invalid-argument', 'missing-credentials', 'network', 'timeout', 'response-invalid', 'service'] as const;

/**
 * A HuaweiCloudError with one of its kinds. Code loaded from the built package (the QuotaGuard provider requires
 * `pulumi-huaweicloud-quotas/client`, as the engine's process does) has its own copy of the class, so the name and kind
 * are what count, not `instanceof` this copy.
 */
export function isTypedError(error: unknown): error is HuaweiCloudError {
  if (error instanceof HuaweiCloudError) return true;
  const candidate = error as { name?: unknown; kind?: unknown } | null;
  return error instanceof Error && candidate?.name === 'HuaweiCloudError' && (ERROR_KINDS as readonly unknown[]).includes(candidate.kind);
}
