import type { QuotaClient } from '../quota-client';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import { applyMargin, type Margin } from './margin';

/** Evaluates requirements, then keeps the margin free on top of each need. */
export async function evaluateWithMargin(client: QuotaClient, requirements: readonly QuotaRequirement[], margin?: Margin): Promise<QuotaCheck[]> {
  return applyMargin(await client.evaluate(requirements), margin);
}

/** The message of a failed guard: how many requirements are short, then the table. */
export function shortfallMessage(checks: readonly QuotaCheck[], table: string): string {
  const short = checks.filter((check) => !check.met).length;
  return `Huawei Cloud quota headroom is short for ${short} of ${checks.length} requirement${checks.length === 1 ? '' : 's'}:\n${table}`;
}
