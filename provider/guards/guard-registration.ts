import * as pulumi from '@pulumi/pulumi';
import { invalidArgument } from '../errors';
import { mergeSettings, stackConfigSettings, type ConnectionArgs } from '../pulumi/settings';
import { checkGuardInputs, type GuardConnection, type GuardInputs } from './guard-inputs';
import { judgeGuard, type GuardRecord } from './guard-verdict';
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
  return { region, cloud, endpoints };
}

/**
 * A guard's inputs, checked in the program, so that bad input fails the run before anything is registered or read.
 * The checked copy is what the guard resource is given.
 */
export async function checkedGuardInputs<T extends GuardInputs>(inputs: Record<string, unknown>): Promise<T> {
  return (await asRunError(async () => checkGuardInputs(inputs))) as T;
}

/**
 * Waits until the engine has run the guard's step and returns its record; logs the record's warnings on the guard.
 * When no provider ran it (a program under `pulumi.runtime.setMocks`), judges in the program instead, as a first run.
 * When the guard fails, the engine stops the program before this returns.
 */
export async function guardVerdict(guard: pulumi.CustomResource & GuardOutputs, inputs: GuardInputs, connection: ConnectionArgs): Promise<GuardRecord> {
  const [claims, checks, warnings, placement] = await Promise.all([known(guard.claims), known(guard.checks), known(guard.warnings), guard.placement && known(guard.placement)]);
  let record: GuardRecord;
  if (claims && checks && warnings) {
    record = { claims, checks, warnings, ...(placement && { placement }) };
  } else {
    const verdict = await judgeGuard({ ...inputs }, undefined, mergeSettings(stackConfigSettings(), connection));
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
