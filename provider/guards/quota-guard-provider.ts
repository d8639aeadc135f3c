import type * as pulumi from '@pulumi/pulumi';
import type { QuotaClientOptions } from '../quota-client';

// This object is serialized into the stack's state by Pulumi's closure serializer and run in the engine's provider
// process. So it captures nothing heavy and no credential: it loads the package with `require` inside the methods that
// judge, and reads credentials there, from the environment or from the stack config handed to `configure()`.
// `configure()` and `delete()` load nothing: a stack must stay destroyable after the package is uninstalled.

/** The engine's placeholder for a value not known yet (during preview). */
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
/** What a guard records besides its inputs (see `GuardRecord`), and when. */
const RECORD_KEYS = ['claims', 'placement', 'checks', 'warnings', 'checkedAt'];

type Core = typeof import('../client');
type Inputs = Record<string, unknown>;
interface StackConfig {
  get(key: string): string | undefined;
}

/**
 * Stack config from `configure()`, kept on a process-global slot rather than in a captured variable: the closure
 * serializer copies captured values into the state, and the config may hold a secret key.
 */
function stackConfig(config?: StackConfig): StackConfig | undefined {
  const slot = globalThis as { [key: symbol]: StackConfig | undefined };
  const key = Symbol.for('pulumi-huaweicloud-quotas.quota-guard.config');
  if (config) slot[key] = config;
  return slot[key];
}

function loadCore(): { core: Core; options: QuotaClientOptions } {
  const core = require('pulumi-huaweicloud-quotas/client') as Core; // eslint-disable-line @typescript-eslint/no-require-imports
  const config = stackConfig();
  return { core, options: config ? core.settingsFromConfig((key) => config.get(key)) : {} };
}

/** The inputs without what an earlier verdict recorded; `__provider` stays, as the engine expects it back. */
function withoutRecord(inputs: Inputs): Inputs {
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => !RECORD_KEYS.includes(key)));
}

/** JSON with sorted keys: the engine hands back objects in its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/**
 * What a record grants, and where it reads: a change in it is a change of the guard (so the state follows it); fresh
 * readings alone are not.
 */
function grantOf(state: Inputs): string {
  return canonical([state.claims, state.placement, state.warnings, state.region, state.cloud, state.endpoints]);
}

/** The inputs with the verdict recorded beside them, or why the guard fails. */
async function judge(inputs: Inputs, granted: Inputs | undefined): Promise<{ recorded: Inputs; failure?: undefined } | { failure: string }> {
  const { core, options } = loadCore();
  const verdict = await core.judgeGuard(inputs, granted, options);
  if (verdict.failure !== undefined) return { failure: verdict.failure };
  return { recorded: { ...withoutRecord(inputs), ...JSON.parse(JSON.stringify(verdict.record)) } };
}

/**
 * For create and update: judges again, just before the guarded resources, and returns the record with its time, or
 * throws the failure (the engine then fails the step). A placement stays where `check()` put it (the guarded resources
 * were planned there), with `check()`'s warnings; if it no longer fits there, the step fails.
 */
async function record(news: Inputs, previous: Inputs | undefined): Promise<Inputs> {
  const placed = Boolean(news.placement) && 'candidates' in news;
  const inputs = placed ? { ...news, candidates: [news.placement], allowMove: false } : news;
  const verdict = await judge(inputs, placed ? { ...previous, placement: news.placement } : previous);
  if (verdict.failure !== undefined) throw new Error(verdict.failure);
  const warnings = placed ? [...new Set([...((news.warnings as string[] | undefined) ?? []), ...(verdict.recorded.warnings as string[])])] : verdict.recorded.warnings;
  return { ...verdict.recorded, ...(placed && { candidates: news.candidates, allowMove: news.allowMove }), warnings, checkedAt: new Date().toISOString() };
}

/**
 * The dynamic provider of the guards (`QuotaGuard`, and the resources `requireHeadroom` and `pickPlacement` register).
 * `check()` judges in preview and update, against the claim recorded in the old state: it fails the step when the
 * growth does not fit. `create()` and `update()` judge again just before the guarded resources and record the claim;
 * `read()` (refresh) re-reads without failing; deleting releases the claim with the resource, loading nothing.
 */
export const quotaGuardProvider: pulumi.dynamic.ResourceProvider<Record<string, unknown>> = {
  async configure(request) {
    stackConfig(request.config);
  },

  async check(olds, news) {
    // Unknown inputs during preview give no verdict, and no failure. `__provider` is no input: it holds the sentinel.
    const { __provider: _provider, ...own } = withoutRecord(news);
    if (JSON.stringify(own).includes(UNKNOWN)) return { inputs: withoutRecord(news) };
    const verdict = await judge(news, olds);
    if (verdict.failure === undefined) return { inputs: verdict.recorded };
    // No property named: the engine would print its whole value before the reason.
    return { inputs: news, failures: [{ property: '', reason: verdict.failure }] };
  },

  async diff(_id, olds, news) {
    // Without a verdict (unknown inputs) the engine cannot know yet: say it may change.
    if (!('claims' in news)) return { changes: true };
    return { changes: grantOf(olds) !== grantOf(news) };
  },

  async create(inputs) {
    return { id: `quota-guard-${Date.now().toString(36)}`, outs: await record(inputs, undefined) };
  },

  async update(_id, olds, news) {
    return { outs: await record(news, olds) };
  },

  async read(id, props) {
    try {
      const { core, options } = loadCore();
      const checks = await core.rereadClaims((props.claims ?? []) as never, props as never, options);
      return { id, props: checks ? { ...props, checks, checkedAt: new Date().toISOString() } : props };
    } catch {
      return { id, props };
    }
  },
};
