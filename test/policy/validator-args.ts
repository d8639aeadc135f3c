import { createRequire } from 'node:module';
import type { ResourceValidation, ResourceValidationArgs } from '@pulumi/policy';
import type { QuotaPolicies } from '../../provider/policy';

interface PolicyProxyModule {
  unknownCheckingProxy<T extends object>(props: T): T;
  unknownNumberValue: string;
  unknownStringValue: string;
}

/**
 * @pulumi/policy's own proxy, which the analyzer wraps every resource's (and provider's) properties in, and the
 * sentinels the engine sends for values not known during a preview. Its types are internal, so it is loaded by path.
 */
export const policyProxy = createRequire(__filename)('@pulumi/policy/proxy') as PolicyProxyModule;

/** A declared resource as a test writes it. */
export interface Declared {
  type: string;
  name: string;
  props?: Record<string, unknown>;
  /** The policy's config, as `args.getConfig()` returns it. */
  config?: Record<string, unknown>;
  /** The properties of the resource's provider (a default provider holds the stack's `huaweicloud:region`). */
  providerProps?: Record<string, unknown>;
}

/** The `ResourceValidationArgs` the analyzer would build for the resource. */
export function resourceArgs({ type, name, props = {}, config = {}, providerProps }: Declared): ResourceValidationArgs {
  return {
    type,
    name,
    urn: `urn:pulumi:dev::app::${type}::${name}`,
    props: policyProxy.unknownCheckingProxy(props),
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    ...(providerProps === undefined
      ? {}
      : { provider: { type: 'pulumi:providers:huaweicloud', name: 'default', urn: 'urn:pulumi:dev::app::pulumi:providers:huaweicloud::default', props: policyProxy.unknownCheckingProxy(providerProps) } }),
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
}

/** What the policies reported for one resource, by their enforcement level. */
export interface Reported {
  mandatory: string[];
  advisory: string[];
}

/** Runs every policy's validator on the resource, as the analyzer does, and collects `reportViolation` calls. */
export async function analyze(policies: QuotaPolicies, declared: Declared): Promise<Reported> {
  const reported: Reported = { mandatory: [], advisory: [] };
  const args = resourceArgs(declared);
  for (const policy of policies.policies) {
    const level = policy.enforcementLevel;
    if (level !== 'mandatory' && level !== 'advisory') throw new Error(`unexpected enforcement level ${level}`);
    await (policy.validateResource as ResourceValidation)(args, (message) => reported[level].push(message));
  }
  return reported;
}
