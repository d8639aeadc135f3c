import { createRequire } from 'node:module';
import type * as GrpcModule from '@grpc/grpc-js';
import type * as ProviderGrpc from '@pulumi/pulumi/proto/provider_grpc_pb';
import type * as ProviderProto from '@pulumi/pulumi/proto/provider_pb';
import type * as PluginProto from '@pulumi/pulumi/proto/plugin_pb';
import type * as EmptyProto from 'google-protobuf/google/protobuf/empty_pb';
import type * as StructProto from 'google-protobuf/google/protobuf/struct_pb';
import { HuaweiCloudError } from '../errors';
import { QuotaProvider } from './quota-provider';
import type { PropertyFailure } from './plugin-config';
import { unwrapSecrets } from './secret-values';

/**
 * gRPC and Pulumi's generated stubs, loaded from where `@pulumi/pulumi` (the package's peer) is installed: the stubs
 * require `@grpc/grpc-js` from there, and the server must be the same copy that their service definition is built
 * with. `@pulumi/pulumi` depends on `@grpc/grpc-js` itself (its own provider server uses it), so it is always there.
 */
function loadGrpc() {
  let stubs: string;
  try {
    stubs = require.resolve('@pulumi/pulumi/proto/provider_grpc_pb');
  } catch {
    throw new Error('the provider plugin needs @pulumi/pulumi installed beside pulumi-huaweicloud-quotas: npm install @pulumi/pulumi');
  }
  const fromPulumi = createRequire(stubs);
  return {
    grpc: fromPulumi('@grpc/grpc-js') as typeof GrpcModule,
    services: fromPulumi('./provider_grpc_pb') as typeof ProviderGrpc,
    messages: fromPulumi('./provider_pb') as typeof ProviderProto,
    plugin: fromPulumi('./plugin_pb') as typeof PluginProto,
    empty: fromPulumi('google-protobuf/google/protobuf/empty_pb') as typeof EmptyProto,
    struct: fromPulumi('google-protobuf/google/protobuf/struct_pb') as typeof StructProto,
  };
}

type Call<Request> = { request: Request };
type Callback<Response> = (error: GrpcModule.ServiceError | Partial<GrpcModule.StatusObject> | null, response?: Response) => void;

/** What the plugin serves, and how to stop it. */
export interface ServedProvider {
  /** The port it listens on, at 127.0.0.1. */
  readonly port: number;
  /** Stops serving. */
  stop(): Promise<void>;
}

/**
 * Serves Pulumi's `ResourceProvider` gRPC service for {@link QuotaProvider} at 127.0.0.1 on a free port: GetPluginInfo,
 * GetSchema, CheckConfig, DiffConfig, Configure, Invoke, Attach and Cancel; the other calls answer UNIMPLEMENTED (the
 * package has functions and no resource). Its own implementation rather than `@pulumi/pulumi/provider`'s server, which
 * answers CheckConfig with UNIMPLEMENTED, ignores Configure's settings, passes secret inputs wrapped, and prints the
 * stack of every failed Invoke.
 */
export async function serveProvider(options: { version: string; schema: () => string; initialConfig?: Record<string, unknown> }): Promise<ServedProvider> {
  const { grpc, services, messages, plugin, empty, struct } = loadGrpc();
  const provider = new QuotaProvider(options.initialConfig);
  let schemaText: string | undefined;

  const toStruct = (value: Record<string, unknown>) => struct.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as never);
  const fromStruct = (value: StructProto.Struct | undefined) => (value?.toJavaScript() ?? {}) as Record<string, unknown>;
  const checkFailures = (failures: readonly PropertyFailure[]) =>
    failures.map((failure) => {
      const message = new messages.CheckFailure();
      message.setProperty(failure.property);
      message.setReason(failure.reason);
      return message;
    });
  const grpcError = (code: GrpcModule.status, error: unknown): Partial<GrpcModule.StatusObject> => ({
    code,
    details: error instanceof Error ? error.message : String(error),
    metadata: new grpc.Metadata(),
  });
  const invalid = (error: unknown) => grpcError(error instanceof HuaweiCloudError && error.kind === 'invalid-argument' ? grpc.status.INVALID_ARGUMENT : grpc.status.UNKNOWN, error);

  const implementation: Partial<ProviderGrpc.IResourceProviderServer> = {
    getPluginInfo(_call: Call<EmptyProto.Empty>, callback: Callback<PluginProto.PluginInfo>) {
      const info = new plugin.PluginInfo();
      info.setVersion(options.version);
      callback(null, info);
    },
    getSchema(call: Call<ProviderProto.GetSchemaRequest>, callback: Callback<ProviderProto.GetSchemaResponse>) {
      if (call.request.getVersion() !== 0) return callback(grpcError(grpc.status.INVALID_ARGUMENT, `unsupported schema version ${call.request.getVersion()}`));
      const response = new messages.GetSchemaResponse();
      response.setSchema((schemaText ??= options.schema()));
      callback(null, response);
    },
    checkConfig(call: Call<ProviderProto.CheckRequest>, callback: Callback<ProviderProto.CheckResponse>) {
      try {
        const { inputs, failures } = provider.checkConfig(fromStruct(call.request.getNews()));
        const response = new messages.CheckResponse();
        response.setInputs(toStruct(inputs));
        response.setFailuresList(checkFailures(failures));
        callback(null, response);
      } catch (error) {
        callback(invalid(error));
      }
    },
    diffConfig(call: Call<ProviderProto.DiffRequest>, callback: Callback<ProviderProto.DiffResponse>) {
      // The settings only steer reads: a change never replaces anything, it is just an update of the provider.
      const olds = JSON.stringify(sorted(unwrapSecrets(fromStruct(call.request.getOldInputs() ?? call.request.getOlds())).value));
      const news = JSON.stringify(sorted(unwrapSecrets(fromStruct(call.request.getNews())).value));
      const response = new messages.DiffResponse();
      response.setChanges(olds === news ? messages.DiffResponse.DiffChanges.DIFF_NONE : messages.DiffResponse.DiffChanges.DIFF_SOME);
      callback(null, response);
    },
    configure(call: Call<ProviderProto.ConfigureRequest>, callback: Callback<ProviderProto.ConfigureResponse>) {
      try {
        const request = call.request;
        // Newer engines send typed `args`; older ones only `variables`, keyed `huaweicloud-quotas:config:<name>`.
        const values = request.hasArgs() ? fromStruct(request.getArgs()) : Object.fromEntries(request.getVariablesMap().getEntryList());
        provider.configure(values);
        const response = new messages.ConfigureResponse();
        response.setAcceptsecrets(true);
        response.setSupportspreview(true);
        callback(null, response);
      } catch (error) {
        callback(invalid(error));
      }
    },
    invoke(call: Call<ProviderProto.InvokeRequest>, callback: Callback<ProviderProto.InvokeResponse>) {
      provider.invoke(call.request.getTok(), fromStruct(call.request.getArgs())).then(
        (outcome) => {
          const response = new messages.InvokeResponse();
          if (outcome.failures) response.setFailuresList(checkFailures(outcome.failures));
          else response.setReturn(toStruct(outcome.outputs));
          callback(null, response);
        },
        (error: unknown) => callback(invalid(error)),
      );
    },
    attach(_call: Call<PluginProto.PluginAttach>, callback: Callback<EmptyProto.Empty>) {
      callback(null, new empty.Empty());
    },
    cancel(_call: Call<EmptyProto.Empty>, callback: Callback<EmptyProto.Empty>) {
      callback(null, new empty.Empty());
    },
  };

  const server = new grpc.Server({ 'grpc.max_receive_message_length': 400 * 1024 * 1024 });
  server.addService(services.ResourceProviderService, implementation as unknown as GrpcModule.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

/** A value with object keys sorted, so that two settings compare equal whatever their order. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
}
