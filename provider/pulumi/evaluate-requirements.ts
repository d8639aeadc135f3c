import type * as pulumi from '@pulumi/pulumi';
import { evaluateRequirements as evaluateWithClient, type QuotaClient, type QuotaClientOptions } from '../quota-client';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import { EVALUATE_REQUIREMENTS_TOKEN, invokeToken, invokeTokenOutput } from './invoke';
import type { OutputArgs } from './output-args';
import { underMocks } from './pulumi-internals';
import type { ConnectionArgs } from './settings';

const CONNECTION_KEYS = ['region', 'accessKey', 'secretKey', 'securityToken', 'authToken', 'cloud', 'endpoints'] as const;

/**
 * Checks each requirement against today's headroom (the `evaluateRequirements` of `/client`). In a Pulumi program it
 * is also the function `huaweicloud-quotas:index:evaluateRequirements`: under `pulumi.runtime.setMocks` it goes to the
 * mock monitor, so that `mocks.call` answers it; with `opts.provider` (or `opts.parent`) it reads with that
 * provider's settings. Otherwise it reads with `options` and the environment, as before.
 *
 * @example
 * const checks = await evaluateRequirements([{ service: 'kms', type: 'CMK', need: 3, region: 'cn-north-4' }]);
 * if (checks.some((check) => !check.met)) process.exitCode = 1;
 */
export async function evaluateRequirements(
  requirements: readonly QuotaRequirement[],
  options: QuotaClientOptions & { client?: QuotaClient } = {},
  opts?: pulumi.InvokeOptions,
): Promise<QuotaCheck[]> {
  if (!opts && (options.client || !underMocks())) return evaluateWithClient(requirements, options);
  const args: Record<string, unknown> = { requirements };
  for (const key of CONNECTION_KEYS) if (options[key] !== undefined) args[key] = options[key];
  const result = await invokeToken(EVALUATE_REQUIREMENTS_TOKEN, args, opts);
  return result.checks as QuotaCheck[];
}

/** Arguments of {@link evaluateRequirementsOutput}: the requirements and the connection settings, each an Input. */
export interface EvaluateRequirementsOutputArgs extends OutputArgs<ConnectionArgs> {
  /** The requirements to check. */
  requirements: pulumi.Input<pulumi.Input<QuotaRequirement>[]>;
}

/** The result of `huaweicloud-quotas:index:evaluateRequirements`: one check per requirement, in their order. */
export interface EvaluateRequirementsResult {
  /** One check per requirement, in their order. */
  checks: QuotaCheck[];
}

/**
 * The Output form of {@link evaluateRequirements}, as the function `huaweicloud-quotas:index:evaluateRequirements`:
 * it waits and goes unknown as `pulumi.runtime.invokeOutput` does; stack config gives unset settings.
 */
export function evaluateRequirementsOutput(args: EvaluateRequirementsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<EvaluateRequirementsResult> {
  return invokeTokenOutput<EvaluateRequirementsResult>(EVALUATE_REQUIREMENTS_TOKEN, args, opts);
}
