import * as pulumi from '@pulumi/pulumi';
import * as outputModule from '@pulumi/pulumi/output';
import * as dependsOnModule from '@pulumi/pulumi/runtime/dependsOn';
import * as mocksModule from '@pulumi/pulumi/runtime/mocks';
import * as rpcModule from '@pulumi/pulumi/runtime/rpc';
import * as settingsModule from '@pulumi/pulumi/runtime/settings';

/**
 * The parts of `@pulumi/pulumi` that `invokeOutput` is made of (`runtime/invoke.js`), marked internal in its typings.
 * The data sources' direct read follows the same steps with them, so that it waits and goes unknown exactly as
 * `invokeOutput` does, without an RPC. Checked against 3.141 and 3.248; each is looked up once, and a missing one is an error
 * that names the `@pulumi/pulumi` version to use.
 */
export interface PulumiInternals {
  serializePropertiesReturnDeps(label: string, props: unknown): Promise<[Record<string, unknown>, Map<string, Set<pulumi.Resource>>]>;
  containsUnknownValues(value: unknown): boolean;
  unwrapSecretValues(value: unknown): [unknown, boolean];
  gatherExplicitDependencies(dependsOn: unknown): Promise<pulumi.Resource[]>;
  /** Absent before @pulumi/pulumi 3.16x (3.141, the oldest of the peer range, lacks it), whose invokeOutput did not expand components. */
  getAllTransitivelyReferencedResources?(resources: Set<pulumi.Resource>, exclude: Set<pulumi.Resource>): Promise<pulumi.Resource[]>;
  awaitStackRegistrations(): Promise<void>;
  rpcKeepAlive(): () => void;
  getMonitor(): unknown;
  /** `new Output(resources, promise, isKnown, isSecret, allResources)`, as `invoke.js` makes its result. */
  Output: new <T>(resources: unknown[], promise: Promise<T>, isKnown: Promise<boolean>, isSecret: Promise<boolean>, allResources: Promise<pulumi.Resource[]>) => pulumi.Output<T>;
  MockMonitor: abstract new (...args: never[]) => unknown;
}

let internals: PulumiInternals | undefined;

/** The internals, checked once. */
export function pulumiInternals(): PulumiInternals {
  if (internals) return internals;
  const rpc = rpcModule as unknown as Record<string, unknown>;
  const dependsOn = dependsOnModule as unknown as Record<string, unknown>;
  const settings = settingsModule as unknown as Record<string, unknown>;
  const found = {
    serializePropertiesReturnDeps: rpc.serializePropertiesReturnDeps,
    containsUnknownValues: rpc.containsUnknownValues,
    unwrapSecretValues: rpc.unwrapSecretValues,
    gatherExplicitDependencies: dependsOn.gatherExplicitDependencies,
    getAllTransitivelyReferencedResources: dependsOn.getAllTransitivelyReferencedResources,
    awaitStackRegistrations: settings.awaitStackRegistrations,
    rpcKeepAlive: settings.rpcKeepAlive,
    getMonitor: settings.getMonitor,
    Output: (outputModule as unknown as Record<string, unknown>).Output,
    MockMonitor: (mocksModule as unknown as Record<string, unknown>).MockMonitor,
  };
  const optional = ['getAllTransitivelyReferencedResources'];
  const missing = Object.entries(found).filter(([name, value]) => typeof value !== 'function' && !optional.includes(name)).map(([name]) => name);
  if (missing.length > 0) {
    throw new pulumi.RunError(`hwquota: unsupported: this @pulumi/pulumi lacks ${missing.join(', ')}, which the data sources' Output forms use; install @pulumi/pulumi 3.141 or later`);
  }
  internals = found as unknown as PulumiInternals;
  return internals;
}

/**
 * True under `pulumi.runtime.setMocks`: the data sources then go to the mock monitor as invokes with their tokens, so
 * that a unit test's `mocks.call` answers them.
 */
export function underMocks(): boolean {
  let monitor: unknown;
  try {
    monitor = pulumiInternals().getMonitor();
  } catch {
    return false;
  }
  return monitor instanceof pulumiInternals().MockMonitor;
}
