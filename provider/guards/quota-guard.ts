import * as pulumi from '@pulumi/pulumi';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import type { Margin } from './margin';
import { quotaGuardProvider } from './quota-guard-provider';

/** The inputs of a {@link QuotaGuard}. */
export interface QuotaGuardArgs {
  /** What the guarded resources need; see {@link QuotaRequirement}. */
  requirements: pulumi.Input<pulumi.Input<QuotaRequirement>[]>;
  /** Headroom to keep free on top of each need. */
  margin?: pulumi.Input<Margin>;
}

/**
 * A resource that fails preview and update when its requirements do not fit today's headroom: its provider's
 * `check()` reads the quotas and returns the shortfall table as a failure, so the engine marks it invalid, and
 * resources with `dependsOn: [guard]` are never created. Unknown inputs during preview give no verdict. When it fits,
 * create and update record the checks as outputs. Credentials come from the environment or from stack config
 * (`huaweicloud-quotas:*`, then `huaweicloud:*`), read by the provider itself: none is captured in state.
 *
 * @example
 * ```ts
 * const guard = new QuotaGuard('kms-headroom', { requirements: [{ service: 'kms', type: 'CMK', need: 3 }] });
 * const key = new huaweicloud.dew.Key('app-key', { keyAlias: 'app' }, { dependsOn: [guard] });
 * ```
 */
export class QuotaGuard extends pulumi.dynamic.Resource {
  /** The checks recorded at the last create or update. */
  declare public readonly checks: pulumi.Output<QuotaCheck[]>;
  /** When they were made (ISO 8601). */
  declare public readonly checkedAt: pulumi.Output<string>;

  constructor(name: string, args: QuotaGuardArgs, opts?: pulumi.CustomResourceOptions) {
    super(quotaGuardProvider, name, { requirements: args.requirements, margin: args.margin, checks: undefined, checkedAt: undefined }, opts, 'huaweicloud-quotas', 'QuotaGuard');
  }
}
