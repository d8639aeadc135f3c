import { chmodSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { ResourceProviderClient } from '@pulumi/pulumi/proto/provider_grpc_pb';
import * as provider from '@pulumi/pulumi/proto/provider_pb';
import type { PluginInfo } from '@pulumi/pulumi/proto/plugin_pb';
import { startPlugin, type RunningChild } from '../pulumi-runtimes/child-process';
import { fromStruct, toStruct, type Properties } from '../pulumi-runtimes/struct';

export const ROOT = join(__dirname, '..', '..');

/** What package.json's `bin` names the plugin's executable as, resolved in the built package. */
export const PLUGIN_NAME = 'pulumi-resource-huaweicloud-quotas';

/**
 * A directory holding the executable named as package.json's `bin` names it: a link to the built file, made
 * executable, as npm installs a bin. Returns the directory and the file linked to.
 */
export function linkBin(): { binDir: string; target: string } {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const target = join(ROOT, manifest.bin[PLUGIN_NAME]!);
  chmodSync(target, 0o755);
  const binDir = mkdtempSync(join(tmpdir(), 'hwquota-plugin-bin-'));
  symlinkSync(target, join(binDir, PLUGIN_NAME));
  return { binDir, target };
}

/** A failure the plugin answered with: the property at fault and why. */
export interface Failure {
  property: string;
  reason: string;
}

/** A gRPC error: its status code and message. */
export interface CallError {
  code: number;
  details: string;
}

/** An address where no engine listens: the plugin is given one, as the engine gives its own. */
async function unusedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `127.0.0.1:${port}`;
}

/**
 * The built plugin executable, started as the engine starts a provider plugin (its path, the engine's address as the
 * argument, the port read from its first line), and driven over gRPC with requests shaped as the engine's. Every
 * response is kept as text, so that a test can look for secrets in all of them.
 */
export class PluginProcess {
  /**
   * Each response and error, as JSON text; values marked secret are shown as `[secret]`: that is how a secret travels
   * back to the engine (which keeps it encrypted), so only a secret in clear is a leak.
   */
  readonly responses: string[] = [];

  private constructor(
    private readonly child: RunningChild,
    private readonly client: ResourceProviderClient,
    /** The port the plugin printed. */
    readonly port: number,
  ) {}

  /**
   * Starts the plugin by its name, found on PATH in `binDir` (where `linkBin` put it, as npm links a package's bins
   * into node_modules/.bin), as the engine starts `pulumi-resource-<name>` from the plugin's directory.
   */
  static async start(env: NodeJS.ProcessEnv, binDir: string): Promise<PluginProcess> {
    const path = [binDir, dirname(process.execPath), env.PATH].filter(Boolean).join(delimiter);
    const { child, port } = await startPlugin(PLUGIN_NAME, [await unusedAddress()], { cwd: ROOT, env: { ...env, PATH: path } });
    return new PluginProcess(child, new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()), port);
  }

  /** Everything the plugin wrote to stdout and stderr. */
  output(): string {
    return this.child.output();
  }

  async stop(): Promise<void> {
    this.client.close();
    await this.child.stop();
  }

  async pluginInfo(): Promise<string> {
    return (await this.call<PluginInfo>('getPluginInfo', new Empty())).getVersion();
  }

  async schema(): Promise<string> {
    const request = new provider.GetSchemaRequest();
    request.setVersion(0);
    return (await this.call<provider.GetSchemaResponse>('getSchema', request)).getSchema();
  }

  async checkConfig(news: Properties): Promise<{ inputs: Properties; failures: Failure[] }> {
    const request = new provider.CheckRequest();
    request.setUrn('urn:pulumi:dev::quotas::pulumi:providers:huaweicloud-quotas::eu');
    request.setOlds(toStruct({}));
    request.setNews(toStruct(news));
    const response = await this.call<provider.CheckResponse>('checkConfig', request, (checked) => ({ inputs: maskSecrets(fromStruct(checked.getInputs())), failures: failuresOf(checked.getFailuresList()) }));
    return { inputs: fromStruct(response.getInputs()), failures: failuresOf(response.getFailuresList()) };
  }

  async diffConfig(olds: Properties, news: Properties): Promise<'none' | 'some' | 'unknown'> {
    const request = new provider.DiffRequest();
    request.setUrn('urn:pulumi:dev::quotas::pulumi:providers:huaweicloud-quotas::eu');
    request.setOlds(toStruct(olds));
    request.setOldInputs(toStruct(olds));
    request.setNews(toStruct(news));
    const response = await this.call<provider.DiffResponse>('diffConfig', request);
    const changes = { [provider.DiffResponse.DiffChanges.DIFF_NONE]: 'none', [provider.DiffResponse.DiffChanges.DIFF_SOME]: 'some' } as Record<number, 'none' | 'some'>;
    expectNoReplacement(response);
    return changes[response.getChanges()] ?? 'unknown';
  }

  /** Configure as the engine sends it: `args` (typed, secrets wrapped) when given, and `variables` (namespaced strings). */
  async configure(variables: Record<string, string>, args?: Properties): Promise<provider.ConfigureResponse> {
    const request = new provider.ConfigureRequest();
    for (const [key, value] of Object.entries(variables)) request.getVariablesMap().set(`huaweicloud-quotas:config:${key}`, value);
    if (args) request.setArgs(toStruct(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    return this.call<provider.ConfigureResponse>('configure', request);
  }

  async invoke(token: string, args: Properties = {}): Promise<{ result: Properties; failures: Failure[] }> {
    const request = new provider.InvokeRequest();
    request.setTok(token);
    request.setArgs(toStruct(args));
    const response = await this.call<provider.InvokeResponse>('invoke', request, (invoked) => ({ result: maskSecrets(fromStruct(invoked.getReturn())), failures: failuresOf(invoked.getFailuresList()) }));
    return { result: fromStruct(response.getReturn()), failures: failuresOf(response.getFailuresList()) };
  }

  /** A call expected to fail: its gRPC status and message. */
  async failure(promise: Promise<unknown>): Promise<CallError> {
    try {
      await promise;
    } catch (error) {
      const { code, details } = error as grpc.ServiceError;
      return { code, details };
    }
    throw new Error('the call succeeded');
  }

  private call<Response extends { toObject(): unknown }>(method: string, request: unknown, shown: (response: Response) => unknown = (response) => response.toObject()): Promise<Response> {
    const client = this.client as unknown as Record<string, (request: unknown, callback: (error: grpc.ServiceError | null, response: Response) => void) => void>;
    return new Promise((resolve, reject) => {
      client[method]!.call(this.client, request, (error, response) => {
        if (error) {
          this.responses.push(JSON.stringify({ code: error.code, details: error.details }));
          reject(error);
        } else {
          this.responses.push(JSON.stringify(shown(response)));
          resolve(response);
        }
      });
    });
  }
}

/** A provider of functions only: a change of its settings never replaces anything. */
function expectNoReplacement(response: provider.DiffResponse): void {
  if (response.getReplacesList().length > 0 || response.getDeletebeforereplace()) throw new Error(`DiffConfig asked for a replacement: ${JSON.stringify(response.toObject())}`);
}

const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SIG = '1b47061264138c4ac30d75fd1eb44270';

/** The value with each value marked secret replaced by `[secret]`. */
function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (!value || typeof value !== 'object') return value;
  if ((value as Record<string, unknown>)[SIG_KEY] === SIG) return '[secret]';
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskSecrets(item)]));
}

function failuresOf(list: provider.CheckFailure[]): Failure[] {
  return list.map((failure) => ({ property: failure.getProperty(), reason: failure.getReason() }));
}
