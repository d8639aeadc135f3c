import type { QuotaScope } from './resource-uses';

/**
 * The running count, per quota scope, of what a stack declares, as a resource policy sees resources one by one in
 * one run (the engine starts one policy pack process per run). Counts are kept per resource URN, so a resource
 * analysed twice (a preview and then an update in one process) is counted once, with its latest amounts.
 */
export interface StackTally {
  /** Sets what a resource uses, replacing what was recorded for it before, and returns each scope's new total. */
  record(urn: string, uses: readonly { scope: QuotaScope; amount: number }[]): number[];
}

/** A fresh, empty tally. */
export function createStackTally(): StackTally {
  const byResource = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const add = (key: string, amount: number) => totals.set(key, (totals.get(key) ?? 0) + amount);

  return {
    record(urn, uses) {
      for (const [key, amount] of byResource.get(urn) ?? []) add(key, -amount);
      const recorded = new Map<string, number>();
      for (const { scope, amount } of uses) {
        const key = scopeKey(scope);
        recorded.set(key, (recorded.get(key) ?? 0) + amount);
        add(key, amount);
      }
      byResource.set(urn, recorded);
      return uses.map(({ scope }) => totals.get(scopeKey(scope)) ?? 0);
    },
  };
}

function scopeKey({ service, region, type }: QuotaScope): string {
  return [service, region ?? '', type].join('\n');
}
