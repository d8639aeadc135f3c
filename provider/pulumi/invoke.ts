import * as pulumi from '@pulumi/pulumi';
import { QUOTA_API_CATALOG } from '../apis/catalog';
import type { QuotaReadArgs, QuotaReadResult, QuotaService } from '../apis/quota-apis';
import type { QuotaClient, QuotaClientOptions } from '../quota-client';
import type { QuotaRequirement } from '../quota/requirements';
import { pulumiInternals, underMocks } from './pulumi-internals';
import { isQuotasProvider, PROVIDER_PACKAGE, providerSettings, type Provider } from './provider-resource';
import { invalidOption, toRunError } from './run-error';
import { mergeSettings, stackConfigSettings, type ConnectionArgs } from './settings';
import { sharedQuotaClient } from './shared-client';

/** The token of a data source, as the provider plugin serves it: `huaweicloud-quotas:index:getKmsQuotas`. */
export function dataSourceToken(name: QuotaService): string {
  const entry = QUOTA_API_CATALOG.find((candidate) => candidate.name === name)!;
  return `${PROVIDER_PACKAGE}:index:get${entry.method[0]!.toUpperCase()}${entry.method.slice(1)}`;
}

/** The token of `evaluateRequirements`. */
export const EVALUATE_REQUIREMENTS_TOKEN = `${PROVIDER_PACKAGE}:index:evaluateRequirements`;

const CONNECTION_KEYS = ['region', 'accessKey', 'secretKey', 'securityToken', 'authToken', 'cloud', 'endpoints'] as const;

/**
 * The provider an invoke goes to, resolved as Pulumi resolves it (`opts.provider`, else `opts.parent.getProvider(token)`):
 * undefined for the default provider (stack config). A provider of another package, one of this package not made by
 * {@link Provider}, `version` and `pluginDownloadURL` are errors, never ignored.
 */
export function resolveProvider(token: string, opts: pulumi.InvokeOptions | pulumi.InvokeOutputOptions | undefined): Provider | undefined {
  if (!opts) return undefined;
  if (opts.version !== undefined) throw invalidOption('version', `${token} reads directly, in the program, and takes no plugin version; remove the version option`);
  if (opts.pluginDownloadURL !== undefined) throw invalidOption('pluginDownloadURL', `${token} reads directly, in the program, and downloads no plugin; remove the pluginDownloadURL option`);
  const provider = opts.provider ?? opts.parent?.getProvider(token);
  if (provider === undefined) return undefined;
  const from = opts.provider ? 'provider' : 'parent';
  const pkg = (provider as unknown as { getPackage?: () => string }).getPackage?.();
  if (pkg !== PROVIDER_PACKAGE) {
    throw invalidOption(from, `${token} needs a ${PROVIDER_PACKAGE} provider (new quotas.Provider(name, { region })); got a provider of the package ${JSON.stringify(pkg ?? 'unknown')}`);
  }
  if (!isQuotasProvider(provider)) {
    throw invalidOption(from, `${token} reads with the settings of a provider made by this package's Provider class; this ${PROVIDER_PACKAGE} provider was made otherwise, and its settings cannot be read`);
  }
  return provider;
}

interface OutputInternals<T> {
  isKnown: Promise<boolean>;
  promise(): Promise<T>;
}

/** A provider's settings as client options, checked as the plugin checks them; undefined while one is unknown. */
async function providerOptions(provider: Provider): Promise<QuotaClientOptions | undefined> {
  const settings = pulumi.output(providerSettings(provider)) as unknown as OutputInternals<Record<string, unknown>>;
  if (!(await settings.isKnown)) return undefined;
  const plain = await settings.promise();
  // Loaded on first use: the plugin's checks load every definition, which the default path does not need.
  const { checkSettings, settingsToOptions, throwFailures } = await import('../plugin/plugin-config.js');
  throwFailures(checkSettings(plain));
  return settingsToOptions(plain);
}

/** The shared client for a read: the args' connection settings over the provider's settings, else over stack config. */
function clientFor(args: ConnectionArgs, base: QuotaClientOptions | undefined): QuotaClient {
  const connection: Record<string, unknown> = {};
  for (const key of CONNECTION_KEYS) connection[key] = (args as Record<string, unknown>)[key];
  return sharedQuotaClient(mergeSettings(base ?? stackConfigSettings(), connection as ConnectionArgs));
}

/** The shared client for these settings: args over stack config over the environment. */
export function quotaClientFor(args: ConnectionArgs): QuotaClient {
  return clientFor(args, undefined);
}

/** The read of a token, with plain args (connection settings among them), in this process. */
async function readDirect(token: string, args: Record<string, unknown>, base: QuotaClientOptions | undefined): Promise<Record<string, unknown>> {
  const readArgs: Record<string, unknown> = { ...args };
  for (const key of CONNECTION_KEYS) if (key !== 'region') delete readArgs[key];
  const client = clientFor(args as ConnectionArgs, base);
  if (token === EVALUATE_REQUIREMENTS_TOKEN) {
    const { requirements, region } = readArgs as { requirements: QuotaRequirement[]; region?: string };
    const withRegion = region === undefined ? requirements : requirements.map((requirement) => ({ region, ...requirement }));
    return { checks: await client.evaluate(withRegion) };
  }
  const entry = QUOTA_API_CATALOG.find((candidate) => dataSourceToken(candidate.name) === token)!;
  return (await client.read(entry.name, readArgs as never)) as unknown as Record<string, unknown>;
}

/** Args as they go to a monitor: no `signal` (not data), no undefined member. */
function invokeArgs(args: Record<string, unknown>): Record<string, unknown> {
  const { signal: _signal, ...rest } = args;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}

/**
 * The Promise form of a function: under `setMocks`, an invoke of its token to the mock monitor; otherwise the read in
 * this process, with the provider's settings (`opts.provider` or `opts.parent`) or stack config. A failure is a
 * {@link QuotaRunError}: the run ends with its message and no stack.
 */
export async function invokeToken(token: string, args: Record<string, unknown>, opts?: pulumi.InvokeOptions): Promise<Record<string, unknown>> {
  try {
    const provider = resolveProvider(token, opts);
    if (underMocks()) return (await pulumi.runtime.invoke(token, invokeArgs(args), opts)) as Record<string, unknown>;
    const base = provider ? await providerOptions(provider) : undefined;
    if (provider && !base) throw invalidOption('provider', `${token} cannot read while the provider's settings are unknown (during preview); use the Output form, which gives an unknown result then`);
    return await readDirect(token, args, base);
  } catch (error) {
    throw toRunError(error);
  }
}

/** The Promise form of a data source. */
export function invokeRead<Name extends QuotaService>(name: Name, args: ConnectionArgs & Omit<QuotaReadArgs<Name>, 'region'>, opts?: pulumi.InvokeOptions): Promise<QuotaReadResult<Name>> {
  return invokeToken(dataSourceToken(name), args as Record<string, unknown>, opts) as Promise<QuotaReadResult<Name>>;
}

interface InvokeOutcome {
  result: Record<string, unknown>;
  isKnown: boolean;
  containsSecrets: boolean;
  dependencies: pulumi.Resource[];
}

const UNKNOWN: InvokeOutcome = { result: {}, isKnown: false, containsSecrets: false, dependencies: [] };

/**
 * The steps of `invokeOutput` (`@pulumi/pulumi/runtime/invoke.js`, `invokeAsync` with `checkDependencies`), with the
 * read in this process instead of the RPC: wait for the stack's registrations; gather `dependsOn` (Outputs and Promises
 * of resources included); serialize the args, collecting the resources behind their Outputs; unknown if an arg is
 * unknown; expand components to their custom and remote descendants (`getAllTransitivelyReferencedResources`); unknown
 * if one of their IDs is unknown (being created, in preview); else read, secret when an arg was secret, with the
 * dependencies of both.
 */
async function invokeDirectAsync(token: string, props: unknown, opts: pulumi.InvokeOutputOptions | undefined): Promise<InvokeOutcome> {
  const internals = pulumiInternals();
  const provider = resolveProvider(token, opts);
  await internals.awaitStackRegistrations();
  const done = internals.rpcKeepAlive();
  try {
    const dependsOnDeps = await internals.gatherExplicitDependencies(opts?.dependsOn);
    const [serialized, deps] = await internals.serializePropertiesReturnDeps(`invoke:${token}`, props);
    if (internals.containsUnknownValues(serialized)) return UNKNOWN;
    const resourcesToWaitFor = new Set<pulumi.Resource>(dependsOnDeps);
    for (const resourceDeps of deps.values()) for (const resource of resourceDeps) resourcesToWaitFor.add(resource);
    // Before 3.16x, @pulumi/pulumi's invokeOutput did not expand components either: with that version, neither do we.
    const expanded = internals.getAllTransitivelyReferencedResources ? await internals.getAllTransitivelyReferencedResources(resourcesToWaitFor, new Set()) : [...resourcesToWaitFor];
    for (const dep of expanded) {
      // DependencyResources are CustomResources without an ID: skipped, as invokeOutput skips them.
      if (pulumi.CustomResource.isInstance(dep) && dep.id && !(await (dep.id as unknown as OutputInternals<string>).isKnown)) return UNKNOWN;
    }
    const base = provider ? await providerOptions(provider) : undefined;
    if (provider && !base) return UNKNOWN;
    const [plainInputs, inputsContainSecrets] = internals.unwrapSecretValues(serialized);
    const result = await readDirect(token, plainInputs as Record<string, unknown>, base);
    const dependencies = dependsOnDeps;
    for (const dep of deps.values()) for (const d of dep) if (!dependencies.includes(d)) dependencies.push(d);
    return { result, isKnown: true, containsSecrets: inputsContainSecrets, dependencies };
  } finally {
    done();
  }
}

/**
 * The Output form of a function: under `setMocks`, `pulumi.runtime.invokeOutput` of its token; otherwise
 * {@link invokeDirectAsync}'s read, resolved into an Output as `invokeOutput` resolves its own. A failure rejects the
 * Output with a {@link QuotaRunError}.
 */
export function invokeTokenOutput<R>(token: string, args: unknown, opts?: pulumi.InvokeOutputOptions): pulumi.Output<R> {
  if (underMocks()) {
    try {
      resolveProvider(token, opts);
    } catch (error) {
      return rejected<R>(error);
    }
    return pulumi.runtime.invokeOutput(token, args as pulumi.Inputs, opts) as pulumi.Output<R>;
  }
  let internals;
  try {
    internals = pulumiInternals();
  } catch (error) {
    return rejected<R>(error);
  }
  const outcome = invokeDirectAsync(token, args, opts).catch((error: unknown) => Promise.reject(toRunError(error)));
  return new internals.Output<R>(
    [],
    outcome.then((response) => response.result as R),
    outcome.then((response) => response.isKnown),
    outcome.then((response) => response.containsSecrets),
    outcome.then((response) => response.dependencies),
  );
}

/** An Output that fails with this error (as a RunError when it is this package's). */
function rejected<R>(error: unknown): pulumi.Output<R> {
  return pulumi.output(Promise.reject(toRunError(error)) as Promise<R>) as unknown as pulumi.Output<R>;
}

/** The Output form of a data source. */
export function invokeReadOutput<Name extends QuotaService>(name: Name, args: unknown, opts?: pulumi.InvokeOutputOptions): pulumi.Output<QuotaReadResult<Name>> {
  return invokeTokenOutput<QuotaReadResult<Name>>(dataSourceToken(name), args, opts);
}
