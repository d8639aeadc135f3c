import { createHash } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';
import { invalidArgument } from '../errors';
import { mergeSettings, stackConfigSettings, type ConnectionArgs } from '../pulumi/settings';
import type { QuotaRequirement } from '../quota/requirements';
import { checkGuardInputs, type GuardConnection } from './guard-inputs';
import { judgeGuard, type GuardRecord } from './guard-verdict';
import { claimKey } from './quota-claims';
import { asRunError } from './run-error';

/** The outputs a guard resource records (see `GuardRecord`). */
export interface GuardOutputs {
  readonly claims: pulumi.Output<GuardRecord['claims']>;
  readonly checks: pulumi.Output<GuardRecord['checks']>;
  readonly warnings: pulumi.Output<GuardRecord['warnings']>;
  readonly placement?: pulumi.Output<GuardRecord['placement']>;
}

/** The outputs a guard resource declares, unknown until its step has run. */
export const GUARD_OUTPUTS = { claims: undefined, checks: undefined, warnings: undefined, checkedAt: undefined };

const CREDENTIALS = ['accessKey', 'secretKey', 'securityToken', 'authToken'] as const;

/**
 * The connection settings of a guard, which go into the stack's state with it: credentials are refused, with where to
 * put them instead.
 */
export function guardConnection(connection: ConnectionArgs): GuardConnection {
  const given = CREDENTIALS.find((key) => connection[key] !== undefined);
  if (given) {
    throw new pulumi.RunError(
      `hwquota: invalid-argument: ${invalidArgument(given, 'a guard keeps its claim in the stack\'s state, where credentials must not go: set them in stack config (pulumi config set --secret huaweicloud-quotas:secretKey ...) or the environment').message}`,
    );
  }
  const { region, cloud, endpoints } = connection;
  return JSON.parse(JSON.stringify({ region, cloud, endpoints })) as GuardConnection;
}

/** Checks a guard's inputs in the program, so that bad input fails the run before anything is registered or read. */
export async function checkBeforeRegistering(inputs: Record<string, unknown>): Promise<void> {
  await asRunError(async () => checkGuardInputs(inputs));
}

/**
 * A stable name for a guard of these requirements: it depends on which quotas they name, not on how much, so that
 * the same guard (and its claim) is found again when the need changes.
 */
export function guardName(prefix: string, requirements: readonly Omit<QuotaRequirement, 'region'>[]): string {
  const keys = requirements.map((requirement) => claimKey(requirement as QuotaRequirement)).sort();
  return `${prefix}-${createHash('sha256').update(JSON.stringify(keys)).digest('hex').slice(0, 8)}`;
}

/**
 * Waits until the engine has run the guard's step and returns its record; logs the record's warnings on the guard.
 * When no provider ran it (a program under `pulumi.runtime.setMocks`), judges in the program instead, as a first run.
 * When the guard fails, the engine stops the program before this returns.
 */
export async function guardVerdict(guard: pulumi.CustomResource & GuardOutputs, inputs: Record<string, unknown>, connection: ConnectionArgs): Promise<GuardRecord> {
  const [claims, checks, warnings, placement] = await Promise.all([known(guard.claims), known(guard.checks), known(guard.warnings), guard.placement && known(guard.placement)]);
  let record: GuardRecord;
  if (claims && checks && warnings) {
    record = { claims, checks, warnings, ...(placement && { placement }) };
  } else {
    const verdict = await judgeGuard(inputs, undefined, mergeSettings(stackConfigSettings(), connection));
    if (verdict.failure !== undefined) throw new pulumi.RunError(verdict.failure);
    record = verdict.record;
  }
  for (const warning of record.warnings) pulumi.log.warn(warning, guard);
  return record;
}

/** An output's value once its resource is registered; `undefined` while unknown. */
async function known<T>(output: pulumi.Output<T>): Promise<T | undefined> {
  // `isKnown` and `promise()` are how the SDK itself settles outputs; `apply` would never call back on an unknown.
  const settled = output as pulumi.Output<T> & { isKnown: Promise<boolean>; promise(): Promise<T> };
  return (await settled.isKnown) ? settled.promise() : undefined;
}
