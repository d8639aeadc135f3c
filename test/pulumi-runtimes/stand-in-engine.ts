import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { EngineService } from '@pulumi/pulumi/proto/engine_grpc_pb';
import * as engine from '@pulumi/pulumi/proto/engine_pb';
import { ResourceMonitorService } from '@pulumi/pulumi/proto/resource_grpc_pb';
import * as resource from '@pulumi/pulumi/proto/resource_pb';
import { startChild, type RunningChild } from './child-process';
import type { CloudResourceType } from './cloud-resources';
import { DynamicProviderProcess, ProviderCallError } from './dynamic-provider';
import { canonical, fromStruct, toStruct, withoutSecrets, type Properties } from './struct';

const noColourErrors = join(__dirname, 'no-colour-errors.cjs');

/** A resource as the stand-in engine keeps it in the stack's state between runs. */
export interface StateResource {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  id: string;
  inputs: Properties;
  outputs: Properties;
}

export type StepOp = 'same' | 'create' | 'update' | 'replace' | 'delete' | 'refresh';
export interface Step {
  op: StepOp;
  type: string;
  name: string;
}
export interface Diagnostic {
  severity: 'debug' | 'info' | 'warning' | 'error';
  message: string;
  urn: string;
}

/** What one engine operation did. */
export interface RunResult {
  operation: 'preview' | 'update' | 'refresh' | 'destroy';
  ok: boolean;
  /** The program's exit code (32: it logged a user-actionable error), or null when the engine stopped it. */
  exitCode: number | null;
  steps: Step[];
  diagnostics: Diagnostic[];
  /** The stack's outputs, as the program registered them. */
  outputs: Properties;
  /** What the program and the provider process printed, for failure messages. */
  output: string;
}

export interface StandInEngineOptions {
  project: string;
  stack: string;
  /** Stack config, namespaced keys (`huaweicloud-quotas:region`). */
  config?: Record<string, string>;
  /** The environment of the program and of the provider plugins (the engine passes its own on). */
  env: NodeJS.ProcessEnv;
  /** Resource types the engine plays the provider of; dynamic resources go to the dynamic-provider server. */
  cloud: Record<string, CloudResourceType>;
}

const SEVERITIES = ['debug', 'info', 'warning', 'error'] as const;
const DYNAMIC = /^pulumi-nodejs:dynamic/;

/**
 * A stand-in for the Pulumi engine: it serves the Engine and ResourceMonitor services to Pulumi's own program runner
 * (`@pulumi/pulumi/cmd/run`), keeps the stack's state between runs, and takes the engine's steps per registered
 * resource (Check, then Diff against the old state, then same, create, update or replace; in preview no Create or
 * Update is called). Dynamic resources go to Pulumi's own dynamic-provider server. See README.md for the engine
 * files this follows.
 */
export class StandInEngine {
  /** The stack's state, in registration order. */
  state: StateResource[] = [];
  config: Record<string, string>;

  constructor(private readonly options: StandInEngineOptions) {
    this.config = { ...options.config };
  }

  preview(programDir: string): Promise<RunResult> {
    return this.deploy(programDir, true);
  }

  /** An update without its preview (`pulumi up --skip-preview`). */
  update(programDir: string): Promise<RunResult> {
    return this.deploy(programDir, false);
  }

  /** `pulumi up`: a preview, and the update when the preview passed. */
  async up(programDir: string): Promise<{ preview: RunResult; update?: RunResult }> {
    const preview = await this.preview(programDir);
    return preview.ok ? { preview, update: await this.update(programDir) } : { preview };
  }

  /** `pulumi refresh`: Read for every custom resource; outputs (and inputs, when given) replaced. */
  async refresh(programDir: string): Promise<RunResult> {
    return this.withPlugins(programDir, 'refresh', async (run) => {
      for (const held of this.state.filter((candidate) => candidate.custom && DYNAMIC.test(candidate.type))) {
        const read = await (await run.provider()).read(held.urn, held.id, held.inputs, held.outputs);
        held.outputs = read.outputs;
        if (read.inputs) held.inputs = read.inputs;
        run.steps.push({ op: 'refresh', type: held.type, name: held.name });
      }
    });
  }

  /** `pulumi destroy`: every resource deleted, last registered first. */
  async destroy(programDir: string): Promise<RunResult> {
    return this.withPlugins(programDir, 'destroy', async (run) => {
      for (const held of [...this.state].reverse()) {
        await run.deleteResource(held);
        this.state = this.state.filter((candidate) => candidate !== held);
      }
    });
  }

  /** The state of a resource, by type and name. */
  find(type: string, name: string): StateResource | undefined {
    return this.state.find((candidate) => candidate.type === type && candidate.name === name);
  }

  private async withPlugins(programDir: string, operation: 'refresh' | 'destroy', body: (run: Deployment) => Promise<void>): Promise<RunResult> {
    const run = new Deployment(this.options, this.config, programDir, true, this.state);
    try {
      await run.listen();
      await body(run);
    } catch (error) {
      run.fail(error);
    } finally {
      await run.close();
    }
    return run.result(operation, 0);
  }

  private async deploy(programDir: string, dryRun: boolean): Promise<RunResult> {
    const run = new Deployment(this.options, this.config, programDir, dryRun, this.state);
    let exitCode: number | null = null;
    try {
      await run.listen();
      exitCode = await run.runProgram();
      if (exitCode !== 0) run.ok = false;
      if (!dryRun && run.ok) {
        // Resources the program no longer declares are deleted, and replaced ones, last registered first.
        for (const held of [...run.deletions, ...this.state.filter((old) => !run.registered.has(old.urn))].reverse()) await run.deleteResource(held);
      }
    } catch (error) {
      run.fail(error);
    } finally {
      await run.close();
    }
    if (!dryRun) {
      const kept = run.ok ? [] : this.state.filter((old) => !run.registered.has(old.urn));
      this.state = [...run.registered.values(), ...kept];
    }
    return run.result(dryRun ? 'preview' : 'update', exitCode);
  }
}

/** One engine operation: its gRPC server, its plugins, and the steps it takes. */
class Deployment {
  ok = true;
  readonly steps: Step[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** This run's new state, by URN, in registration order. */
  readonly registered = new Map<string, StateResource>();
  /** Old resources replaced in this run, deleted at its end. */
  readonly deletions: StateResource[] = [];
  private readonly server = new grpc.Server();
  private address = '';
  private rootUrn = '';
  private outputs: Properties = {};
  private program: RunningChild | undefined;
  private dynamicProvider: Promise<DynamicProviderProcess> | undefined;
  private providerOutput = '';

  constructor(
    private readonly options: StandInEngineOptions,
    private readonly config: Record<string, string>,
    private readonly programDir: string,
    private readonly dryRun: boolean,
    private readonly oldState: readonly StateResource[],
  ) {}

  async listen(): Promise<void> {
    this.server.addService(EngineService, {
      log: (call: grpc.ServerUnaryCall<engine.LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
        const request = call.request;
        this.diagnostics.push({ severity: SEVERITIES[request.getSeverity()] ?? 'info', message: request.getMessage(), urn: request.getUrn() });
        callback(null, new Empty());
      },
      getRootResource: (_call: unknown, callback: grpc.sendUnaryData<engine.GetRootResourceResponse>) => {
        const response = new engine.GetRootResourceResponse();
        response.setUrn(this.rootUrn);
        callback(null, response);
      },
      setRootResource: (call: grpc.ServerUnaryCall<engine.SetRootResourceRequest, engine.SetRootResourceResponse>, callback: grpc.sendUnaryData<engine.SetRootResourceResponse>) => {
        this.rootUrn = call.request.getUrn();
        callback(null, new engine.SetRootResourceResponse());
      },
    });
    this.server.addService(ResourceMonitorService, {
      supportsFeature: (call: grpc.ServerUnaryCall<resource.SupportsFeatureRequest, resource.SupportsFeatureResponse>, callback: grpc.sendUnaryData<resource.SupportsFeatureResponse>) => {
        const response = new resource.SupportsFeatureResponse();
        response.setHassupport(call.request.getId() === 'secrets');
        callback(null, response);
      },
      registerResource: (call: grpc.ServerUnaryCall<resource.RegisterResourceRequest, resource.RegisterResourceResponse>, callback: grpc.sendUnaryData<resource.RegisterResourceResponse>) => {
        this.register(call.request).then(
          (response) => {
            // A failed step gets no answer: the engine cancels the deployment and stops the program.
            if (response) callback(null, response);
          },
          (error: unknown) => {
            this.fail(error);
            void this.program?.stop();
          },
        );
      },
      registerResourceOutputs: (call: grpc.ServerUnaryCall<resource.RegisterResourceOutputsRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
        if (call.request.getUrn() === this.rootUrn) this.outputs = fromStruct(call.request.getOutputs());
        callback(null, new Empty());
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    this.address = `127.0.0.1:${port}`;
  }

  /** Runs the program with Pulumi's program runner, as the Node language host launches it; resolves to its exit code. */
  async runProgram(): Promise<number | null> {
    // The program's own @pulumi/pulumi runs it, as the Node language host does.
    const runProgram = createRequire(join(this.programDir, 'index.ts')).resolve('@pulumi/pulumi/cmd/run');
    const args = ['-r', noColourErrors, runProgram, '--monitor', this.address, '--engine', this.address, '--project', this.options.project, '--stack', this.options.stack, '--pwd', this.programDir];
    if (this.dryRun) args.push('--dry-run');
    // As the language host passes it for a project with no `main`: the runner finds the entry from the package.json.
    args.push('.');
    this.program = startChild(process.execPath, args, {
      cwd: this.programDir,
      env: {
        ...this.options.env,
        PULUMI_CONFIG: JSON.stringify(this.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(Object.keys(this.config).filter((key) => /secret|token/i.test(key))),
        PULUMI_NODEJS_TYPESCRIPT: 'true',
        PULUMI_NODEJS_TRANSPILE_ONLY: 'true',
      },
    });
    const code = await this.program.exited;
    return this.ok ? code : null;
  }

  /** The dynamic-provider server, started on first use, as the engine loads a plugin. */
  provider(): Promise<DynamicProviderProcess> {
    this.dynamicProvider ??= DynamicProviderProcess.start(this.address, { cwd: this.programDir, env: this.options.env, config: this.config });
    return this.dynamicProvider;
  }

  async deleteResource(held: StateResource): Promise<void> {
    if (!held.custom) return;
    if (DYNAMIC.test(held.type)) await (await this.provider()).delete(held.urn, held.id, held.inputs, held.outputs);
    else this.cloudType(held.type).delete(held.inputs);
    this.steps.push({ op: 'delete', type: held.type, name: held.name });
  }

  fail(error: unknown): void {
    this.ok = false;
    this.diagnostics.push({ severity: 'error', message: error instanceof Error ? error.message : String(error), urn: '' });
  }

  result(operation: RunResult['operation'], exitCode: number | null): RunResult {
    const output = `${this.program?.output() ?? ''}${this.providerOutput}`;
    return { operation, ok: this.ok, exitCode, steps: this.steps, diagnostics: this.diagnostics, outputs: this.outputs, output };
  }

  async close(): Promise<void> {
    await this.program?.stop();
    const provider = await this.dynamicProvider?.catch(() => undefined);
    this.providerOutput = provider?.output() ?? '';
    await provider?.stop();
    this.server.forceShutdown();
  }

  private cloudType(type: string): CloudResourceType {
    const cloudType = this.options.cloud[type];
    if (!cloudType) throw new Error(`the stand-in engine has no provider for ${type}`);
    return cloudType;
  }

  private urnOf(request: resource.RegisterResourceRequest): string {
    const parent = request.getParent();
    const parentType = parent && parent !== this.rootUrn ? `${parent.split('::')[2]}$` : '';
    return `urn:pulumi:${this.options.stack}::${this.options.project}::${parentType}${request.getType()}::${request.getName()}`;
  }

  /** The engine's steps for one registration; `undefined` when the step failed (the program gets no answer). */
  private async register(request: resource.RegisterResourceRequest): Promise<resource.RegisterResourceResponse | undefined> {
    const urn = this.urnOf(request);
    const type = request.getType();
    const name = request.getName();
    // Dynamic providers do not accept secrets (their Configure says so): the engine hands them plain values.
    const registered = fromStruct(request.getObject());
    const inputs = DYNAMIC.test(type) ? withoutSecrets(registered) : registered;
    const old = this.oldState.find((candidate) => candidate.urn === urn);
    let id = '';
    let outputs = inputs;
    let checked = inputs;
    if (request.getCustom()) {
      try {
        ({ id, outputs, checked } = await this.customSteps(urn, type, name, inputs, old));
      } catch (error) {
        if (!(error instanceof StepFailure)) throw error;
        this.diagnostics.push({ severity: 'error', message: error.message, urn });
        this.ok = false;
        void this.program?.stop();
        return undefined;
      }
    }
    this.registered.set(urn, { urn, type, name, custom: request.getCustom(), id, inputs: checked, outputs });
    const response = new resource.RegisterResourceResponse();
    response.setUrn(urn);
    response.setId(id);
    response.setObject(toStruct(outputs));
    return response;
  }

  private async customSteps(urn: string, type: string, name: string, inputs: Properties, old: StateResource | undefined) {
    const dynamic = DYNAMIC.test(type);
    const provider = dynamic ? await this.provider() : undefined;
    // Check: the provider's check(old inputs, new inputs); failures stop the deployment.
    let checked = inputs;
    if (provider) {
      const check = await provider.check(urn, old?.inputs ?? {}, inputs).catch(rethrowAsStepFailure);
      if (check.failures.length > 0) {
        throw new StepFailure(check.failures.map((failure) => `${type} resource '${name}' has a problem: ${failure.reason}`).join('\n'));
      }
      checked = check.inputs;
    }
    // Diff against the old state: same, update or replace.
    let op: StepOp = 'create';
    if (old) {
      let changes: 'none' | 'some' | 'unknown';
      let replaces: string[];
      if (provider) {
        ({ changes, replaces } = await provider.diff(urn, old.id, old.inputs, old.outputs, checked).catch(rethrowAsStepFailure));
      } else {
        replaces = this.cloudType(type).replaceOn.filter((key) => canonical(old.inputs[key]) !== canonical(checked[key]));
        changes = 'unknown';
      }
      if (changes === 'unknown') changes = canonical(old.inputs) === canonical(checked) ? 'none' : 'some';
      op = changes === 'none' ? 'same' : replaces.length > 0 ? 'replace' : 'update';
    }
    this.steps.push({ op, type, name });
    if (op === 'same') return { id: old!.id, outputs: old!.outputs, checked };
    if (this.dryRun) return { id: op === 'update' ? old!.id : '', outputs: checked, checked };
    if (op === 'update') {
      if (provider) return { id: old!.id, outputs: await provider.update(urn, old!.id, old!.outputs, checked).catch(rethrowAsStepFailure), checked };
      this.cloudType(type).delete(old!.inputs);
      this.cloudType(type).create(checked);
      return { id: old!.id, outputs: checked, checked };
    }
    if (op === 'replace') this.deletions.push(old!);
    if (provider) return { ...(await provider.create(urn, checked).catch(rethrowAsStepFailure)), checked };
    this.cloudType(type).create(checked);
    return { id: `${name}-${Date.now().toString(36)}`, outputs: checked, checked };
  }
}

/** A step the provider refused: the engine reports it and stops the deployment. */
class StepFailure extends Error {}

function rethrowAsStepFailure(error: unknown): never {
  throw error instanceof ProviderCallError ? new StepFailure(error.message) : error;
}

