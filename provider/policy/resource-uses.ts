import { REGION_PATTERN } from '../endpoints/region';
import { describeValue } from '../path-parameters';
import type { QuotaUse, RuleService } from './quota-rules';
import { readProperty } from './read-property';

/** Where a quota is counted: account quotas are global (no region), the others are per region. */
export interface QuotaScope {
  readonly service: RuleService;
  readonly type: string;
  readonly region: string | undefined;
}

/** A quota a declared resource uses: counted with its amount, or not countable (yet) and why. */
export type ResourceUse =
  | { readonly counted: true; readonly use: QuotaUse; readonly scope: QuotaScope; readonly amount: number }
  | { readonly counted: false; readonly use: QuotaUse; readonly reason: string };

/** What a policy knows of a declared resource: its inputs, and its provider's (which hold the provider's region). */
export interface DeclaredResource {
  readonly props: Readonly<Record<string, unknown>>;
  readonly providerProps?: Readonly<Record<string, unknown>>;
}

type Resolved<T> = { readonly known: true; readonly value: T } | { readonly known: false; readonly reason: string };

/**
 * The quotas a resource uses under its type's rules. Its region: the rule's `regionFrom` property (default `region`),
 * else its provider's `region`, else `defaultRegion` (the policy config's region, else `HW_REGION_NAME`).
 */
export function resourceUses(resource: DeclaredResource, uses: readonly QuotaUse[], defaultRegion: string | undefined): ResourceUse[] {
  return uses.map((use) => {
    const region = use.service === 'account' ? { known: true as const, value: undefined } : regionOf(resource, use, defaultRegion);
    if (!region.known) return { counted: false, use, reason: region.reason };
    const amount = amountOf(resource, use);
    if (!amount.known) return { counted: false, use, reason: amount.reason };
    return { counted: true, use, scope: { service: use.service, type: use.type, region: region.value }, amount: amount.value };
  });
}

function regionOf(resource: DeclaredResource, use: QuotaUse, defaultRegion: string | undefined): Resolved<string> {
  const property = use.regionFrom ?? 'region';
  const candidates = [
    { props: resource.props, name: property, unknown: `${property} is not known yet` },
    { props: resource.providerProps, name: 'region', unknown: "its provider's region is not known yet" },
  ];
  for (const { props, name, unknown } of candidates) {
    const read = readProperty(props, name);
    if (!read.known) return { known: false, reason: unknown };
    const region = leadingRegion(read.value);
    if (region) return { known: true, value: region };
  }
  if (defaultRegion) return { known: true, value: defaultRegion };
  return { known: false, reason: `no region: the resource sets no ${property}, and neither its provider, the policy config nor HW_REGION_NAME names one` };
}

/** `cn-north-4` from `cn-north-4` or `cn-north-4_dev`; nothing from values that do not start with a region ID. */
function leadingRegion(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const [head = ''] = value.split('_');
  return REGION_PATTERN.test(head) ? head : undefined;
}

function amountOf(resource: DeclaredResource, use: QuotaUse): Resolved<number> {
  const property = use.amountFrom;
  if (property === undefined) return { known: true, value: use.amount ?? 1 };
  const read = readProperty(resource.props, property);
  if (!read.known) return { known: false, reason: `${property} is not known yet` };
  if (read.value === undefined || read.value === null) return { known: false, reason: `the resource sets no ${property}` };
  if (typeof read.value !== 'number' || !Number.isFinite(read.value) || read.value < 0) {
    return { known: false, reason: `${property} is ${describeValue(read.value)}, not a number ≥ 0` };
  }
  return { known: true, value: read.value };
}
