import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ResourceProviderClient } from '@pulumi/pulumi/proto/provider_grpc_pb';
import * as provider from '@pulumi/pulumi/proto/provider_pb';
import { startPlugin, type RunningChild } from './child-process';
import { fromStruct, toStruct, type Properties } from './struct';

/** Why a provider call failed, as the engine would show it. */
export class ProviderCallError extends Error {}

export interface CheckResult {
  inputs: Properties;
  failures: { property: string; reason: string }[];
}
export interface DiffResult {
  changes: 'none' | 'some' | 'unknown';
  replaces: string[];
}

/**
 * The dynamic-provider server (`pulumi-resource-pulumi-nodejs`, which the engine starts for every dynamic resource),
 * in its own process, driven over gRPC with requests shaped as the engine shapes them.
 */
export class DynamicProviderProcess {
  private constructor(
    private readonly child: RunningChild,
    private readonly client: ResourceProviderClient,
  ) {}

  /** Starts the server with the engine's address, then configures it with the whole stack config (namespaced keys). */
  static async start(engineAddress: string, options: { cwd: string; env: NodeJS.ProcessEnv; config: Record<string, string> }): Promise<DynamicProviderProcess> {
    // The plugin of the program's own @pulumi/pulumi, started in the program's directory, as the engine does.
    const pulumiPackage = dirname(createRequire(join(options.cwd, 'index.ts')).resolve('@pulumi/pulumi/package.json'));
    const script = join(pulumiPackage, 'pulumi-resource-pulumi-nodejs');
    const { child, port } = await startPlugin('sh', [script, engineAddress], { cwd: options.cwd, env: options.env });
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const started = new DynamicProviderProcess(child, client);
    const request = new provider.ConfigureRequest();
    request.setArgs(toStruct(options.config));
    for (const [key, value] of Object.entries(options.config)) request.getVariablesMap().set(key, value);
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    await started.call('configure', request);
    return started;
  }

  async check(urn: string, olds: Properties, news: Properties): Promise<CheckResult> {
    const request = new provider.CheckRequest();
    request.setUrn(urn);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    const response = await this.call<provider.CheckResponse>('check', request);
    return {
      inputs: fromStruct(response.getInputs()),
      failures: response.getFailuresList().map((failure) => ({ property: failure.getProperty(), reason: failure.getReason() })),
    };
  }

  async diff(urn: string, id: string, oldInputs: Properties, oldOutputs: Properties, news: Properties): Promise<DiffResult> {
    const request = new provider.DiffRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setOldInputs(toStruct(oldInputs));
    request.setOlds(toStruct(oldOutputs));
    request.setNews(toStruct(news));
    const response = await this.call<provider.DiffResponse>('diff', request);
    const changes = { [provider.DiffResponse.DiffChanges.DIFF_NONE]: 'none', [provider.DiffResponse.DiffChanges.DIFF_SOME]: 'some' } as Record<number, 'none' | 'some'>;
    return { changes: changes[response.getChanges()] ?? 'unknown', replaces: response.getReplacesList() };
  }

  async create(urn: string, properties: Properties): Promise<{ id: string; outputs: Properties }> {
    const request = new provider.CreateRequest();
    request.setUrn(urn);
    request.setProperties(toStruct(properties));
    const response = await this.call<provider.CreateResponse>('create', request);
    return { id: response.getId(), outputs: fromStruct(response.getProperties()) };
  }

  async update(urn: string, id: string, oldOutputs: Properties, news: Properties): Promise<Properties> {
    const request = new provider.UpdateRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setOlds(toStruct(oldOutputs));
    request.setNews(toStruct(news));
    const response = await this.call<provider.UpdateResponse>('update', request);
    return fromStruct(response.getProperties());
  }

  async read(urn: string, id: string, inputs: Properties, outputs: Properties): Promise<{ id: string; outputs: Properties; inputs?: Properties }> {
    const request = new provider.ReadRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setInputs(toStruct(inputs));
    request.setProperties(toStruct(outputs));
    const response = await this.call<provider.ReadResponse>('read', request);
    return { id: response.getId(), outputs: fromStruct(response.getProperties()), ...(response.hasInputs() && { inputs: fromStruct(response.getInputs()) }) };
  }

  async delete(urn: string, id: string, oldInputs: Properties, outputs: Properties): Promise<void> {
    const request = new provider.DeleteRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setOldInputs(toStruct(oldInputs));
    request.setProperties(toStruct(outputs));
    await this.call('delete', request);
  }

  /** What the server printed (its errors go to stderr). */
  output(): string {
    return this.child.output();
  }

  async stop(): Promise<void> {
    this.client.close();
    await this.child.stop();
  }

  private call<R>(method: string, request: unknown): Promise<R> {
    return new Promise((resolve, reject) => {
      const invoke = (this.client as unknown as Record<string, (request: unknown, callback: (error: grpc.ServiceError | null, response: R) => void) => void>)[method]!;
      invoke.call(this.client, request, (error, response) => (error ? reject(new ProviderCallError(error.details || error.message)) : resolve(response)));
    });
  }
}
