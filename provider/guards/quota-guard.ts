import * as pulumi from '@pulumi/pulumi';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import type { GuardConnection } from './guard-inputs';
import { GUARD_OUTPUTS } from './guard-registration';
import type { Margin } from './margin';
import type { QuotaClaim } from './quota-claims';
import { quotaGuardProvider } from './quota-guard-provider';

/** The inputs of a {@link QuotaGuard}. */
export interface QuotaGuardArgs {
  /** What the guarded resources hold of each quota once deployed; see {@link QuotaRequirement}. */
  requirements: pulumi.Input<pulumi.Input<QuotaRequirement>[]>;
  /** Headroom to keep free on top of any growth. */
  margin?: pulumi.Input<Margin>;
  /** Record a shortfall as a warning (in `warnings`) instead of failing. */
  warnOnly?: pulumi.Input<boolean>;
  /** Region, cloud domain and endpoints; credentials come from stack config and the environment. */
  region?: pulumi.Input<string>;
  /** Cloud domain, such as `myhuaweicloud.eu`. */
  cloud?: pulumi.Input<string>;
  /** Base URL per service, over the default endpoints. */
  endpoints?: pulumi.Input<GuardConnection['endpoints']>;
}

/**
 * A resource that keeps a stack's claim on Huawei Cloud quotas, and fails preview and update when the stack grows
 * beyond what is free. `need` is what the stack holds once deployed; the guard records what it granted in its outputs
 * (the stack's state), and each run reads only the growth beyond that claim: an unchanged stack always passes, a
 * smaller need releases the difference, and deleting the guard releases everything.
 *
 * Its provider's `check()` fails the step with a table (service, scope, type, need, claimed, headroom, shortfall), so
 * resources with `dependsOn: [guard]` are never created. Unknown inputs during preview give no verdict. Refresh
 * re-reads the claimed quotas into `checks` and never fails. Credentials come from the environment or from stack
 * config (`huaweicloud-quotas:*`, then `huaweicloud:*`), read by the provider itself: none is kept in state.
 *
 * @example
 * ```ts
 * const guard = new QuotaGuard('kms-headroom', { requirements: [{ service: 'kms', type: 'CMK', need: 3 }] });
 * const key = new huaweicloud.dew.Key('app-key', { keyAlias: 'app' }, { dependsOn: [guard] });
 * ```
 */
export class QuotaGuard extends pulumi.dynamic.Resource {
  /** What the stack holds through this guard, per requirement: the amount granted and where. */
  declare public readonly claims: pulumi.Output<QuotaClaim[]>;
  /** The checks of the run that last changed the claim (or of the last refresh): only growth is read. */
  declare public readonly checks: pulumi.Output<QuotaCheck[]>;
  /** Warnings of that run (a shortfall, with `warnOnly`). */
  declare public readonly warnings: pulumi.Output<string[]>;
  /** When the checks were made (ISO 8601). */
  declare public readonly checkedAt: pulumi.Output<string>;

  constructor(name: string, args: QuotaGuardArgs, opts?: pulumi.CustomResourceOptions) {
    const { requirements, margin, warnOnly, region, cloud, endpoints } = args;
    super(quotaGuardProvider, name, { requirements, margin, warnOnly, region, cloud, endpoints, ...GUARD_OUTPUTS }, opts, 'huaweicloud-quotas', 'QuotaGuard');
  }
}
