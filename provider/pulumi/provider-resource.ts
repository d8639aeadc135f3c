import * as pulumi from '@pulumi/pulumi';
import type { ServiceName } from '../endpoints/service-names';

/** The package of the provider plugin, and of the `Provider` resource: its type is `pulumi:providers:huaweicloud-quotas`. */
export const PROVIDER_PACKAGE = 'huaweicloud-quotas';

/** The settings of a {@link Provider}: the plugin's configuration (`provider/plugin/schema.json`), each an Input. */
export interface ProviderArgs {
  /** Region ID such as `cn-north-4` or `eu-west-101`. Default: `HW_REGION_NAME`. */
  region?: pulumi.Input<string>;
  /** Access key ID. Default: the environment's credentials chain. */
  accessKey?: pulumi.Input<string>;
  /** Secret access key, with `accessKey`; kept secret. */
  secretKey?: pulumi.Input<string>;
  /** With a temporary access key: its security token; kept secret. */
  securityToken?: pulumi.Input<string>;
  /** An IAM token, instead of an access key; kept secret. */
  authToken?: pulumi.Input<string>;
  /** Cloud domain, such as `myhuaweicloud.eu`. Default: `HW_CLOUD`, else from the region. */
  cloud?: pulumi.Input<string>;
  /** Base URL per service, over the default endpoints. */
  endpoints?: pulumi.Input<Partial<Record<ServiceName, string>>>;
  /** Project ID. Default: from the environment for its region, else looked up by `projectName`. */
  projectId?: pulumi.Input<string>;
  /** Project name to look up. Default: `HW_PROJECT_NAME`, else the region. */
  projectName?: pulumi.Input<string>;
  /** Account (domain) ID. Default: from the environment or the profile file, else looked up. */
  domainId?: pulumi.Input<string>;
}

/** The settings a provider was given, kept on it (not a property: never serialized, never in a message). */
const SETTINGS = Symbol.for('pulumi-huaweicloud-quotas:provider-settings');

const SECRET_SETTINGS = ['secretKey', 'securityToken', 'authToken'] as const;

/**
 * An explicit `huaweicloud-quotas` provider: `new quotas.Provider('eu', { region: 'eu-west-101' })`, then
 * `getKmsQuotas({}, { provider: eu })`, or `{ parent }` of a component made with `providers: [eu]`.
 *
 * The data sources read with its settings directly, in the program (no plugin process is needed for the read): the
 * program that constructed it knows its inputs. Registering it, as every provider resource, makes the engine load the
 * `huaweicloud-quotas` plugin (`pulumi-resource-huaweicloud-quotas`, shipped in this package), so the plugin must be
 * installed for a `pulumi up` with one. Its secret settings are registered as secrets.
 */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts: pulumi.ResourceOptions = {}) {
    const inputs: Record<string, pulumi.Input<unknown> | undefined> = { ...args };
    for (const key of SECRET_SETTINGS) if (inputs[key] !== undefined) inputs[key] = pulumi.secret(inputs[key]);
    // The engine's provider inputs are strings; an object goes as its JSON text, as stack config gives it.
    if (args.endpoints !== undefined) inputs.endpoints = pulumi.output(args.endpoints).apply((endpoints) => JSON.stringify(endpoints));
    super(PROVIDER_PACKAGE, name, inputs, opts);
    Object.defineProperty(this, SETTINGS, { value: { ...args }, enumerable: false });
  }
}

/** True when `value` is a `huaweicloud-quotas` provider made by {@link Provider} (of any copy of this package). */
export function isQuotasProvider(value: unknown): value is Provider {
  return typeof value === 'object' && value !== null && SETTINGS in value;
}

/** The settings of a provider made by this package, as given to it. */
export function providerSettings(provider: Provider): ProviderArgs {
  return (provider as unknown as Record<symbol, ProviderArgs>)[SETTINGS]!;
}
