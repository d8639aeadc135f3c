import * as pulumi from '@pulumi/pulumi';
import type { QuotaCheck } from '../quota/requirements';
import type { GuardConnection, PlacementCandidate, UnplacedRequirement } from './guard-inputs';
import { GUARD_OUTPUTS } from './guard-registration';
import type { Margin } from './margin';
import type { QuotaClaim } from './quota-claims';
import { quotaGuardProvider } from './quota-guard-provider';

/** The inputs of a {@link QuotaPlacementGuard}. */
export interface QuotaPlacementGuardArgs extends GuardConnection {
  /** Where the stack could go, in order of preference. */
  candidates: pulumi.Input<pulumi.Input<PlacementCandidate>[]>;
  /** What the stack holds of each quota, wherever it is placed. */
  requirements: pulumi.Input<pulumi.Input<UnplacedRequirement>[]>;
  /** Headroom to keep free on top of any growth. */
  margin?: pulumi.Input<Margin>;
  /** Let a placed stack move when its candidate cannot take the growth (moving replaces what is placed). */
  allowMove?: pulumi.Input<boolean>;
}

/**
 * The resource `pickPlacement` registers: it keeps the candidate chosen and the stack's claim there, so that later
 * runs stay where the first one placed the stack (see {@link pickPlacement}).
 */
export class QuotaPlacementGuard extends pulumi.dynamic.Resource {
  /** The candidate chosen. */
  declare public readonly placement: pulumi.Output<PlacementCandidate>;
  /** What the stack holds there, per requirement. */
  declare public readonly claims: pulumi.Output<QuotaClaim[]>;
  /** The checks of the run that last changed the placement or the claim. */
  declare public readonly checks: pulumi.Output<QuotaCheck[]>;
  /** Warnings of that run: a move, a candidate that could not be read. */
  declare public readonly warnings: pulumi.Output<string[]>;

  constructor(name: string, args: QuotaPlacementGuardArgs, opts?: pulumi.CustomResourceOptions) {
    const { candidates, requirements, margin, allowMove, region, cloud, endpoints } = args;
    const inputs = { candidates, requirements, margin, allowMove, region, cloud, endpoints };
    super(quotaGuardProvider, name, { ...inputs, ...GUARD_OUTPUTS, placement: undefined }, opts, 'huaweicloud-quotas', 'QuotaPlacement');
  }
}
