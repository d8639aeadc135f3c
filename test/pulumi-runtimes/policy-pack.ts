import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { AnalyzerClient } from '@pulumi/pulumi/proto/analyzer_grpc_pb';
import * as analyzer from '@pulumi/pulumi/proto/analyzer_pb';
import { startPlugin, type RunningChild } from './child-process';
import { programProject } from './program-project';
import { toStruct, type Properties } from './struct';

const LEVELS = { [analyzer.EnforcementLevel.ADVISORY]: 'advisory', [analyzer.EnforcementLevel.MANDATORY]: 'mandatory' } as Record<number, string>;

/** A violation as the engine receives it. */
export interface Violation {
  policy: string;
  level: string;
  message: string;
}

/**
 * A policy pack as a user writes one, with this package installed: `new PolicyPack(..., { policies:
 * quotaPolicies().policies })`, run by Pulumi's policy-pack runner (`@pulumi/pulumi/cmd/run-policy-pack`),
 * one process per engine operation, driven over gRPC as the engine drives it.
 */
export class PolicyPackProcess {
  private constructor(
    private readonly child: RunningChild,
    private readonly client: AnalyzerClient,
    private readonly dir: string,
  ) {}

  /**
   * Starts the pack in `packDir` (a copy, its dependencies installed from this repository, as `npm install` there
   * would), or by default a pack that is only `new PolicyPack(..., { policies: quotaPolicies().policies })` in JavaScript.
   */
  static async start(env: NodeJS.ProcessEnv, packDir?: string): Promise<PolicyPackProcess> {
    const project = programProject(packDir ?? defaultPack());
    const dir = project.dir;
    const runner = createRequire(join(dir, 'package.json')).resolve('@pulumi/pulumi/cmd/run-policy-pack');
    // The runner takes the engine's address first; these policies never log through it.
    const { child, port } = await startPlugin(process.execPath, [runner, '127.0.0.1:1', dir], { cwd: dir, env });
    return new PolicyPackProcess(child, new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()), dir);
  }

  /** Each policy's config, as the engine sends it after checking it against the declared schema. */
  async configure(config: Record<string, { level: 'advisory' | 'mandatory'; properties?: Properties }>): Promise<void> {
    const request = new analyzer.ConfigureAnalyzerRequest();
    for (const [policy, { level, properties = {} }] of Object.entries(config)) {
      const policyConfig = new analyzer.PolicyConfig();
      policyConfig.setEnforcementlevel(level === 'mandatory' ? analyzer.EnforcementLevel.MANDATORY : analyzer.EnforcementLevel.ADVISORY);
      policyConfig.setProperties(toStruct(properties));
      request.getPolicyconfigMap().set(policy, policyConfig);
    }
    await this.call('configure', request);
  }

  /** Analyze, for one resource about to be stepped. */
  async analyze(resource: { type: string; name: string; properties?: Properties; providerProperties?: Properties }): Promise<Violation[]> {
    const request = new analyzer.AnalyzeRequest();
    request.setType(resource.type);
    request.setName(resource.name);
    request.setUrn(`urn:pulumi:dev::app::${resource.type}::${resource.name}`);
    request.setProperties(toStruct(resource.properties ?? {}));
    // The engine always sends the resource's options; @pulumi/policy refuses a request without them.
    const options = new analyzer.AnalyzerResourceOptions();
    options.setCustomtimeouts(new analyzer.AnalyzerResourceOptions.CustomTimeouts());
    request.setOptions(options);
    if (resource.providerProperties) {
      const provider = new analyzer.AnalyzerProviderResource();
      provider.setType('pulumi:providers:huaweicloud');
      provider.setName('default');
      provider.setUrn('urn:pulumi:dev::app::pulumi:providers:huaweicloud::default');
      provider.setProperties(toStruct(resource.providerProperties));
      request.setProvider(provider);
    }
    const response = await this.call<analyzer.AnalyzeResponse>('analyze', request);
    return response.getDiagnosticsList().map((diagnostic) => ({
      policy: diagnostic.getPolicyname(),
      level: LEVELS[diagnostic.getEnforcementlevel()] ?? String(diagnostic.getEnforcementlevel()),
      message: diagnostic.getMessage(),
    }));
  }

  async stop(): Promise<void> {
    this.client.close();
    await this.child.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private call<R>(method: string, request: unknown): Promise<R> {
    return new Promise((resolve, reject) => {
      const invoke = (this.client as unknown as Record<string, (request: unknown, callback: (error: grpc.ServiceError | null, response: R) => void) => void>)[method]!;
      invoke.call(this.client, request, (error, response) => (error ? reject(new Error(`${method}: ${error.details || error.message}\n${this.child.output()}`)) : resolve(response)));
    });
  }
}

/** The smallest pack a user writes, in JavaScript (no compile on each start), written once per process. */
let defaultPackDir: string | undefined;
function defaultPack(): string {
  if (defaultPackDir) return defaultPackDir;
  const dir = mkdtempSync(join(tmpdir(), 'hwquota-policy-pack-src-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pack', version: '0.0.1', private: true, main: 'index.js', dependencies: { '@pulumi/policy': '*', '@pulumi/pulumi': '*', 'pulumi-huaweicloud-quotas': '*' } }));
  writeFileSync(join(dir, 'PulumiPolicy.yaml'), 'runtime: nodejs\n');
  writeFileSync(
    join(dir, 'index.js'),
    "const { PolicyPack } = require('@pulumi/policy');\nconst { quotaPolicies } = require('pulumi-huaweicloud-quotas/policy');\nnew PolicyPack('huaweicloud-quotas', { policies: quotaPolicies().policies });\n",
  );
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return (defaultPackDir = dir);
}
