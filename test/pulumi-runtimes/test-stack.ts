import type { RunningEmulator } from '../../provider/emulator';
import { cloudResourceTypes } from './cloud-resources';
import { programProject, type ProgramProject } from './program-project';
import { StandInEngine, type Diagnostic, type RunResult, type StepOp } from './stand-in-engine';

/** A stack of a test program: its project directory and the stand-in engine that keeps its state. */
export interface TestStack {
  readonly engine: StandInEngine;
  readonly project: ProgramProject;
  preview(): Promise<RunResult>;
  up(): Promise<{ preview: RunResult; update?: RunResult }>;
  update(): Promise<RunResult>;
  refresh(): Promise<RunResult>;
  destroy(): Promise<RunResult>;
  /** Sets stack config (namespaced keys); `undefined` removes a key. */
  configure(values: Record<string, string | undefined>): void;
  remove(): void;
}

/** A stack of `programDir` whose cloud is the emulator: the engine's own resources raise and lower its usage. */
export function testStack(programDir: string, options: { name: string; emulator: RunningEmulator; config?: Record<string, string> }): TestStack {
  const project = programProject(programDir);
  const engine = new StandInEngine({
    project: options.name,
    stack: 'dev',
    config: { 'huaweicloud-quotas:region': 'cn-north-4', ...options.config },
    env: { PATH: process.env.PATH, HWQUOTA_METADATA_URL: 'off', ...options.emulator.env },
    cloud: cloudResourceTypes(options.emulator, 'cn-north-4'),
  });
  return {
    engine,
    project,
    preview: () => engine.preview(project.dir),
    up: () => engine.up(project.dir),
    update: () => engine.update(project.dir),
    refresh: () => engine.refresh(project.dir),
    destroy: () => engine.destroy(project.dir),
    configure(values) {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) delete engine.config[key];
        else engine.config[key] = value;
      }
    },
    remove: () => project.remove(),
  };
}

/** The messages of a run at a severity (errors: what the engine and the program reported). */
export function messages(result: RunResult, severity: Diagnostic['severity']): string[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.severity === severity).map((diagnostic) => diagnostic.message);
}

/** The names of the resources a run took a step of this kind for. */
export function stepped(result: RunResult, op: StepOp, type?: string): string[] {
  return result.steps.filter((step) => step.op === op && (!type || step.type === type)).map((step) => step.name);
}

/** Fails with what the run printed when it did not pass, so a broken run explains itself. */
export function passed(result: RunResult | undefined): RunResult {
  if (!result) throw new Error('the run did not happen (its preview failed)');
  if (!result.ok) throw new Error(`${result.operation} failed:\n${messages(result, 'error').join('\n')}\n${result.output}`);
  return result;
}

export const KEY = 'huaweicloud:Dew/key:Key';
export const TURBO = 'huaweicloud:Sfs/turbo:Turbo';
export const QUOTA_GUARD = 'pulumi-nodejs:dynamic/huaweicloud-quotas:QuotaGuard';
export const QUOTA_PLACEMENT = 'pulumi-nodejs:dynamic/huaweicloud-quotas:QuotaPlacement';
