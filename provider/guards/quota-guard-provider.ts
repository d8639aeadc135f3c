import type * as pulumi from '@pulumi/pulumi';
import type { QuotaClientOptions } from '../quota-client';
import type { QuotaGuardInputs } from './quota-guard-verdict';

// This object is serialized into the stack's state by Pulumi's closure serializer and run in the engine's provider
// process. So it captures nothing heavy and no credential: it loads the package with `require` inside its methods,
// and reads credentials there, from the environment or from stack config handed to `configure()`.

/** The engine's placeholder for a value not known yet (during preview). */
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/**
 * Settings from `configure()`, kept on a process-global slot rather than in a captured variable: the closure
 * serializer copies captured values into the state, and these may hold a secret key.
 */
function configuredOptions(options?: QuotaClientOptions): QuotaClientOptions {
  const slot = globalThis as { [key: symbol]: QuotaClientOptions | undefined };
  const key = Symbol.for('pulumi-huaweicloud-quotas.quota-guard.settings');
  if (options) slot[key] = options;
  return slot[key] ?? {};
}

type Core = typeof import('../client');

/** The dynamic provider of `QuotaGuard`: `check()` fails the step when a requirement does not fit. */
export const quotaGuardProvider: pulumi.dynamic.ResourceProvider<QuotaGuardInputs> = {
  async configure(request) {
    const core = require('pulumi-huaweicloud-quotas/client') as Core; // eslint-disable-line @typescript-eslint/no-require-imports
    configuredOptions(core.settingsFromConfig((key) => request.config.get(key)));
  },

  async check(_olds, news) {
    // Unknown inputs during preview give no verdict, and no failure.
    if (JSON.stringify(news).includes(UNKNOWN)) return { inputs: news };
    const core = require('pulumi-huaweicloud-quotas/client') as Core; // eslint-disable-line @typescript-eslint/no-require-imports
    const verdict = await core.evaluateQuotaGuard(news, configuredOptions());
    return verdict.failure ? { inputs: news, failures: [{ property: 'requirements', reason: verdict.failure }] } : { inputs: news };
  },

  async diff(_id, olds, news) {
    const changed = JSON.stringify([olds.requirements, olds.margin]) !== JSON.stringify([news.requirements, news.margin]);
    return { changes: changed };
  },

  async create(inputs) {
    const core = require('pulumi-huaweicloud-quotas/client') as Core; // eslint-disable-line @typescript-eslint/no-require-imports
    const verdict = await core.evaluateQuotaGuard(inputs, configuredOptions());
    if (verdict.failure) throw new Error(verdict.failure);
    return { id: `quota-guard-${Date.now().toString(36)}`, outs: { ...inputs, checks: verdict.checks, checkedAt: new Date().toISOString() } };
  },

  async update(_id, _olds, news) {
    const core = require('pulumi-huaweicloud-quotas/client') as Core; // eslint-disable-line @typescript-eslint/no-require-imports
    const verdict = await core.evaluateQuotaGuard(news, configuredOptions());
    if (verdict.failure) throw new Error(verdict.failure);
    return { outs: { ...news, checks: verdict.checks, checkedAt: new Date().toISOString() } };
  },
};
