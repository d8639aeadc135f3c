import * as pulumi from '@pulumi/pulumi';
import type { QuotaCheck } from '../quota/requirements';
import type { GuardConnection, PlacementCandidate, PlacementGuardInputs, UnplacedRequirement } from './guard-inputs';
import { checkedGuardInputs, guardConnection, guardVerdict } from './guard-registration';
import type { Margin } from './margin';
import { QuotaPlacementGuard } from './placement-guard';

/** The candidate chosen, and the checks that placed it there. */
export interface Placement {
  /** Where the stack is placed. */
  readonly candidate: PlacementCandidate;
  /** The checks of the run that last changed the placement or the claim: only growth is read. */
  readonly checks: readonly QuotaCheck[];
}

/** Settings of {@link pickPlacement}. */
export interface PickPlacementOptions extends GuardConnection {
  /** Headroom to keep free on top of any growth. */
  margin?: Margin;
  /**
   * Let a placed stack move when its candidate cannot take the growth. Moving replaces what is placed there (a
   * region or project is part of a resource's identity), so it is off by default and warns when it happens.
   */
  allowMove?: boolean;
  /**
   * The name of the guard resource that keeps the placement. Default `quota-placement` (for both forms): set one for
   * each further call in a program. Keep it once deployed: a guard of another name places the stack afresh.
   */
  name?: string;
}

/**
 * Chooses where the stack goes, once, and keeps it there: the first candidate, in the order given, where every
 * requirement fits (all are read at once). The choice and the stack's claim there are kept in the stack's state (a
 * resource it registers), so later runs stay put while that candidate can take the growth, and read nothing when
 * there is none. When it cannot, the run fails and says so; with `allowMove: true` it chooses again, with a warning.
 * A candidate that could not be read is named in a warning; a placed stack is never moved by a failed read. When no
 * candidate fits, the preview fails with a table per candidate.
 *
 * @example
 * ```ts
 * const { candidate } = await pickPlacement(
 *   [{ region: 'cn-north-4' }, { region: 'eu-west-101' }],
 *   [{ service: 'sfs-turbo', type: 'capacity', need: 500 }],
 * );
 * ```
 */
export async function pickPlacement(
  candidates: readonly PlacementCandidate[],
  requirements: readonly UnplacedRequirement[],
  options: PickPlacementOptions = {},
): Promise<Placement> {
  const { margin, allowMove, name, ...connection } = options;
  const inputs = await checkedGuardInputs<PlacementGuardInputs>({ candidates, requirements, margin, allowMove, ...guardConnection(connection) });
  const guard = new QuotaPlacementGuard(name ?? 'quota-placement', inputs);
  const record = await guardVerdict(guard, inputs, connection);
  return { candidate: record.placement!, checks: record.checks };
}

/**
 * The Output form of {@link pickPlacement}, for candidates or requirements that are Outputs. An unknown input during
 * preview gives an unknown placement, with no verdict and no failure.
 */
export function pickPlacementOutput(
  candidates: pulumi.Input<pulumi.Input<PlacementCandidate>[]>,
  requirements: pulumi.Input<pulumi.Input<UnplacedRequirement>[]>,
  options: PickPlacementOptions = {},
): pulumi.Output<Placement> {
  const { margin, allowMove, name, ...connection } = options;
  const guard = new QuotaPlacementGuard(name ?? 'quota-placement', { candidates, requirements, margin, allowMove, ...guardConnection(connection) });
  return pulumi.all([candidates, requirements, guard.urn]).apply(async ([plainCandidates, plainRequirements]) => {
    const inputs: PlacementGuardInputs = { candidates: plainCandidates, requirements: plainRequirements, margin, allowMove, ...guardConnection(connection) };
    const record = await guardVerdict(guard, inputs, connection);
    return { candidate: record.placement!, checks: record.checks };
  });
}
