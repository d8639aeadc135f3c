import { REGION_PATTERN } from '../endpoints/region';
import { describeValue } from '../path-parameters';
import type { QuotaUse, RuleService } from './quota-rules';
import { readProperty } from './read-property';

/** Where a quota is counted: account quotas are global (no region), the others are per region. */
export interface QuotaScope {
  readonly service: RuleService;
  readonly type: string;
  readonly region: string | undefined;
  /** A per-type quota (`volumes_SSD`): when the service has none of that type, there is nothing to judge. */
  readonly optional?: boolean;
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

/** What counting needs besides the resource: the default region, and the APIs' lookups (ECS flavors). */
export interface CountingContext {
  /** The region of resources that name none (the policy config's, else `HW_REGION_NAME`). */
  readonly defaultRegion: string | undefined;
  /** The figures of what `key` names (a flavor's `vcpus` and `ram`), or why they cannot be had. */
  lookup(service: RuleService, lookup: string, region: string, key: string): Promise<Readonly<Record<string, number>> | { readonly reason: string }>;
}

type Resolved<T> = { readonly known: true; readonly value: T } | { readonly known: false; readonly reason: string };
type Props = Readonly<Record<string, unknown>>;

/**
 * The quotas a resource uses under its type's rules. Its region: the rule's `regionFrom` property (default `region`),
 * else its provider's `region`, else the context's default. A use with `each` counts once per element of that input;
 * one with `typeSuffixFrom` counts against the per-type quota its input names, and not at all when it names none.
 */
export async function resourceUses(resource: DeclaredResource, uses: readonly QuotaUse[], context: CountingContext): Promise<ResourceUse[]> {
  const counted = await Promise.all(uses.map((use) => usesOf(resource, use, context)));
  return counted.flat();
}

async function usesOf(resource: DeclaredResource, use: QuotaUse, context: CountingContext): Promise<ResourceUse[]> {
  const region = use.service === 'account' ? { known: true as const, value: undefined } : regionOf(resource, use, context.defaultRegion);
  if (!region.known) return [{ counted: false, use, reason: region.reason }];
  const elements = elementsOf(resource.props, use);
  if (!elements.known) return [{ counted: false, use, reason: elements.reason }];
  const found = await Promise.all(
    elements.value.map(async (element): Promise<ResourceUse | undefined> => {
      const type = typeOf(element, use);
      if (!type.known) return { counted: false, use, reason: type.reason };
      if (type.value === undefined) return undefined;
      const amount = await amountOf(resource.props, element, use, region.value, context);
      if (!amount.known) return { counted: false, use, reason: amount.reason };
      const scope: QuotaScope = { service: use.service, type: type.value, region: region.value, ...(use.typeSuffixFrom ? { optional: true } : {}) };
      return { counted: true, use, scope, amount: amount.value };
    }),
  );
  return found.filter((item): item is ResourceUse => item !== undefined);
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

/** What a use counts per: the resource itself, or each element of its `each` input (none when it sets none). */
function elementsOf(props: Props, use: QuotaUse): Resolved<Props[]> {
  if (use.each === undefined) return { known: true, value: [props] };
  const read = readProperty(props, use.each);
  if (!read.known) return { known: false, reason: `${use.each} is not known yet` };
  if (read.value === undefined || read.value === null) return { known: true, value: [] };
  if (!Array.isArray(read.value)) return { known: false, reason: `${use.each} is ${describeValue(read.value)}, not a list` };
  return { known: true, value: read.value.map((element) => (typeof element === 'object' && element !== null ? (element as Props) : {})) };
}

/** The quota type, with the per-type suffix its input names; `undefined` when that input is not set. */
function typeOf(element: Props, use: QuotaUse): Resolved<string | undefined> {
  if (use.typeSuffixFrom === undefined) return { known: true, value: use.type };
  const read = readProperty(element, use.typeSuffixFrom);
  if (!read.known) return { known: false, reason: `${use.typeSuffixFrom} is not known yet` };
  return { known: true, value: typeof read.value === 'string' && read.value !== '' ? `${use.type}_${read.value}` : undefined };
}

async function amountOf(props: Props, element: Props, use: QuotaUse, region: string | undefined, context: CountingContext): Promise<Resolved<number>> {
  if (use.amountFromLookup) return lookedUpAmount(props, use, region, context);
  const property = use.amountFrom;
  if (property === undefined) return { known: true, value: use.amount ?? 1 };
  const read = readProperty(element, property);
  if (!read.known) return { known: false, reason: `${property} is not known yet` };
  if (read.value === undefined || read.value === null) return { known: false, reason: `the resource sets no ${property}` };
  if (typeof read.value !== 'number' || !Number.isFinite(read.value) || read.value < 0) {
    return { known: false, reason: `${property} is ${describeValue(read.value)}, not a number ≥ 0` };
  }
  return { known: true, value: read.value };
}

/** A figure of what the resource names (its flavor's `vcpus`), from the API's lookup in the resource's region. */
async function lookedUpAmount(props: Props, use: QuotaUse, region: string | undefined, context: CountingContext): Promise<Resolved<number>> {
  const { lookup, keyFrom, field } = use.amountFromLookup!;
  for (const property of keyFrom) {
    const read = readProperty(props, property);
    if (!read.known) return { known: false, reason: `${property} is not known yet` };
    if (typeof read.value !== 'string' || read.value === '') continue;
    if (!region) return { known: false, reason: `no region to look ${property} ${read.value} up in` };
    const figures = await context.lookup(use.service, lookup, region, read.value);
    if ('reason' in figures) return { known: false, reason: figures.reason as string };
    const value = figures[field];
    return typeof value === 'number' ? { known: true, value } : { known: false, reason: `${property} ${describeValue(read.value)} has no ${field}` };
  }
  return { known: false, reason: `the resource sets none of ${keyFrom.join(', ')}` };
}
