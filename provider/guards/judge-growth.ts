import type { QuotaClient } from '../quota-client';
import { checkArgs } from '../quota/read-args';
import { QuotaRequirementList } from '../quota/requirement-schema';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import { applyMargin, type Margin } from './margin';
import { findClaim, type QuotaClaim } from './quota-claims';

/**
 * Judges requirements against what the stack already claims: only the growth, `need - claimed`, is read and must fit
 * (with the margin on top). A requirement that does not grow is met without a request, so an unchanged stack passes
 * whatever others have used since, and a smaller need simply releases the difference.
 */
export async function judgeGrowth(client: QuotaClient, requirements: readonly QuotaRequirement[], claims: readonly QuotaClaim[], margin?: Margin): Promise<QuotaCheck[]> {
  // Every requirement is checked, growing or not, before any request.
  checkArgs(QuotaRequirementList, requirements, 'requirements');
  const held = requirements.map((requirement) => findClaim(requirement, claims));
  const growth = requirements.map((requirement, index) => Math.max(0, requirement.need - (held[index]?.requirement.need ?? 0)));
  const growing = requirements.flatMap((requirement, index) => (growth[index]! > 0 ? [{ ...requirement, need: growth[index]! }] : []));
  const judged = applyMargin(await client.evaluate(growing), margin);
  let next = 0;
  return requirements.map((requirement, index): QuotaCheck => {
    const claimed = held[index]?.requirement.need ?? 0;
    if (growth[index]! > 0) return { ...judged[next++]!, requirement, claimed };
    return { requirement, scope: held[index]?.scope ?? '-', quota: null, used: null, headroom: null, unlimited: false, met: true, shortfall: 0, claimed };
  });
}
