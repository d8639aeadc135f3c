import { HuaweiCloudError } from '../errors';
import type { QuotaClient } from '../quota-client';
import type { QuotaCheck } from '../quota/requirements';
import { formatChecks } from '../report/check-table';
import { placeIn, type PlacementCandidate, type PlacementGuardInputs } from './guard-inputs';
import type { GuardVerdict } from './guard-verdict';
import { judgeGrowth } from './judge-growth';
import { claimsOf, type QuotaClaim } from './quota-claims';

/**
 * Judges a placement. Once placed, a stack stays where it is while that candidate can take its growth: moving would
 * replace what is placed there. When it cannot, the guard fails, unless `allowMove` lets it choose again (with a
 * warning). A failed read never moves a placed stack. Unplaced, it takes the first candidate, in order, where every
 * requirement fits; a candidate that could not be read is named in a warning, never skipped silently.
 */
export async function judgePlacement(client: QuotaClient, inputs: PlacementGuardInputs, claims: readonly QuotaClaim[], placed: PlacementCandidate | undefined): Promise<GuardVerdict> {
  // Bad requirements were refused before any read (checkGuardInputs): past this, an error is the candidate's.
  if (!placed) return choose(client, inputs, inputs.candidates);
  const here = describe(placed);
  const others = inputs.candidates.filter((candidate) => describe(candidate) !== here);
  if (others.length === inputs.candidates.length) {
    if (!inputs.allowMove) {
      return { failure: `This stack is placed in ${here}, which is no longer among the candidates (${inputs.candidates.map(describe).join(', ')}). Name it again, or set allowMove: true to choose among them (moving replaces what is placed in ${here}).` };
    }
  } else {
    let checks: QuotaCheck[];
    try {
      checks = await judgeGrowth(client, placeIn(placed, inputs), claims, inputs.margin);
    } catch (error) {
      if (!(error instanceof HuaweiCloudError)) throw error;
      return { failure: `The quotas of ${here}, where this stack is placed, could not be read: ${error.message}\nA placed stack is never moved by a failed read.` };
    }
    if (checks.every((check) => check.met)) return { record: { placement: placed, claims: claimsOf(checks), checks, warnings: [] } };
    if (!inputs.allowMove) {
      return {
        failure:
          `${here}, where this stack is placed, cannot take its growth:\n${formatChecks(checks, false)}` +
          `Set allowMove: true to let pickPlacement choose another candidate; moving replaces what is placed in ${here}.`,
      };
    }
  }
  const moved = await choose(client, inputs, others);
  if (!moved.record) return moved;
  const to = describe(moved.record.placement!);
  moved.record.warnings.push(`pickPlacement moves this stack from ${here} to ${to} (allowMove is set): what is placed in ${here} will be replaced in ${to}.`);
  return moved;
}

/** The first candidate where every requirement fits, all read at once; earlier candidates that could not be read are named. */
async function choose(client: QuotaClient, inputs: PlacementGuardInputs, candidates: readonly PlacementCandidate[]): Promise<GuardVerdict> {
  const outcomes = await Promise.all(
    candidates.map(async (candidate) => {
      try {
        return { candidate, checks: await judgeGrowth(client, placeIn(candidate, inputs), [], inputs.margin) };
      } catch (error) {
        if (!(error instanceof HuaweiCloudError)) throw error;
        return { candidate, error };
      }
    }),
  );
  const chosen = outcomes.findIndex((outcome) => outcome.checks?.every((check) => check.met));
  if (chosen >= 0) {
    const { candidate, checks } = outcomes[chosen]!;
    const warnings = outcomes
      .slice(0, chosen)
      .flatMap(({ candidate: skipped, error }) => (error ? [`pickPlacement could not read the quotas of ${describe(skipped)}, so it was not chosen: ${error.message}`] : []));
    return { record: { placement: candidate, claims: claimsOf(checks!), checks: checks!, warnings } };
  }
  const sections = outcomes.map(({ candidate, checks, error }) => `${describe(candidate)}:\n${checks ? formatChecks(checks, false) : `could not be read: ${error?.message}\n`}`);
  return { failure: `No candidate placement has enough Huawei Cloud quota headroom:\n\n${sections.join('\n')}` };
}

/** A candidate in messages, and its identity: `eu-west-101`, `eu-west-101 (eu-west-101_prod)`. */
export function describe(candidate: PlacementCandidate): string {
  const project = candidate.projectName ?? candidate.projectId;
  return project ? `${candidate.region} (${project})` : candidate.region;
}
