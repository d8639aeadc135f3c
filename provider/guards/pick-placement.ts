import * as pulumi from '@pulumi/pulumi';
import { checkArgs } from '../quota/read-args';
import { QuotaRequirementList } from '../quota/requirement-schema';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import { quotaClientFor } from '../pulumi/invoke';
import type { ConnectionArgs } from '../pulumi/settings';
import { formatChecks } from '../report/check-table';
import { evaluateWithMargin } from './evaluate-with-margin';
import type { Margin } from './margin';
import { asRunError } from './run-error';

/** Where resources could go: a region, and optionally a project in it (by ID or name). */
export interface PlacementCandidate {
  /** Region ID, such as `eu-west-101`. */
  region: string;
  /** A project of that region, by ID. */
  projectId?: string;
  /** A project of that region, by name (`eu-west-101_prod`). Default: the region's own project. */
  projectName?: string;
}

/** A requirement without a place: the candidate gives it one. */
export type UnplacedRequirement = Omit<QuotaRequirement, 'region' | 'projectId' | 'projectName'>;

/** The candidate chosen, and the checks that made it fit. */
export interface Placement {
  /** The first candidate, in the order given, where every requirement fits. */
  readonly candidate: PlacementCandidate;
  /** The requirements judged in that candidate. */
  readonly checks: readonly QuotaCheck[];
}

/** Settings of {@link pickPlacement}: connection settings, and a margin. */
export interface PickPlacementOptions extends ConnectionArgs {
  /** Headroom to keep free on top of each need. */
  margin?: Margin;
}

/**
 * The first candidate, in the order given, where every requirement fits. All candidates are read at once. When none
 * fits, throws `pulumi.RunError` with a table per candidate (or the reason it could not be read).
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
  const { margin, ...connection } = options;
  // A bad requirement is bad for every candidate: say so once, before any request.
  await asRunError(async () => checkArgs(QuotaRequirementList, requirements, 'requirements'));
  const client = quotaClientFor(connection);
  const outcomes = await Promise.all(
    candidates.map(async (candidate) => {
      try {
        const projectId = candidate.projectId ?? (await client.http.resolveProjectId({ region: candidate.region, projectName: candidate.projectName }));
        const placed = requirements.map((requirement) => ({ ...requirement, region: candidate.region, projectId }));
        return { candidate, checks: await evaluateWithMargin(client, placed, margin) };
      } catch (error) {
        return { candidate, error: error as Error };
      }
    }),
  );
  const fits = outcomes.find((outcome) => outcome.checks?.every((check) => check.met));
  if (fits?.checks) return { candidate: fits.candidate, checks: fits.checks };
  const sections = outcomes.map(({ candidate, checks, error }) => {
    const name = `${candidate.region}${candidate.projectName ? ` (${candidate.projectName})` : candidate.projectId ? ` (${candidate.projectId})` : ''}`;
    return `${name}:\n${checks ? formatChecks(checks, false) : `could not be read: ${error?.message}\n`}`;
  });
  throw new pulumi.RunError(`No candidate placement has enough Huawei Cloud quota headroom:\n\n${sections.join('\n')}`);
}

/**
 * The Output form of {@link pickPlacement}, for candidates or requirements that are Outputs. An unknown input during
 * preview gives an unknown placement, without a request.
 */
export function pickPlacementOutput(
  candidates: pulumi.Input<pulumi.Input<PlacementCandidate>[]>,
  requirements: pulumi.Input<pulumi.Input<UnplacedRequirement>[]>,
  options: PickPlacementOptions = {},
): pulumi.Output<Placement> {
  return pulumi
    .all([pulumi.output(candidates), pulumi.output(requirements)])
    .apply(([plainCandidates, plainRequirements]) => pickPlacement(plainCandidates as PlacementCandidate[], plainRequirements as UnplacedRequirement[], options));
}
