import * as pulumi from '@pulumi/pulumi';
import type { QuotaReadArgs, QuotaReadResult, QuotaService } from '../apis/quota-apis';
import type { QuotaClient } from '../quota-client';
import { mergeSettings, stackConfigSettings, type ConnectionArgs } from './settings';
import { sharedQuotaClient } from './shared-client';

/** The shared client for these settings: args over stack config over the environment. */
export function quotaClientFor(args: ConnectionArgs): QuotaClient {
  const { region, accessKey, secretKey, securityToken, authToken, cloud, endpoints } = args;
  const connection = { region, accessKey, secretKey, securityToken, authToken, cloud, endpoints };
  return sharedQuotaClient(mergeSettings(stackConfigSettings(), connection));
}

/**
 * The Promise form of a data source: the API's read with the shared client for the connection settings, given the
 * rest of the args (and the region).
 */
export function invokeRead<Name extends QuotaService>(name: Name, args: ConnectionArgs & Omit<QuotaReadArgs<Name>, 'region'>): Promise<QuotaReadResult<Name>> {
  const { accessKey, secretKey, securityToken, authToken, cloud, endpoints, ...readArgs } = args;
  return quotaClientFor(args).read(name, readArgs as QuotaReadArgs<Name>);
}

/**
 * The Output form, keeping the engine's rules: an unknown input (during preview) gives an unknown result and sends no
 * request; a secret input gives a secret result; `dependsOn` resources are waited for (a custom resource's ID, a
 * component's URN), and while one is unknown the result is unknown too.
 */
export function invokeReadOutput<A extends ConnectionArgs, R>(
  args: pulumi.Inputs | pulumi.Input<A>,
  opts: pulumi.InvokeOutputOptions | undefined,
  read: (plainArgs: A) => Promise<R>,
): pulumi.Output<R> {
  const dependencies = pulumi.output(opts?.dependsOn ?? []).apply((value) => {
    const resources = (Array.isArray(value) ? value : [value]) as pulumi.Resource[];
    return pulumi.all(resources.map((resource) => (pulumi.CustomResource.isInstance(resource) ? resource.id : resource.urn)));
  });
  return pulumi.all([pulumi.output(args as pulumi.Input<A>), dependencies]).apply(([plainArgs]) => read(plainArgs as A));
}
