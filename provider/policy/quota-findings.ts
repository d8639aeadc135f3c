import { quotaApi } from '../apis/defined-apis';
import type { QuotaUse } from './quota-rules';
import type { QuotaReading } from './quota-reader';
import type { QuotaScope } from './resource-uses';

/** `mandatory`: can never fit, and stops the resource's step. `advisory`: short today, or could not be checked. */
export interface QuotaFinding {
  readonly level: 'mandatory' | 'advisory';
  readonly message: string;
  /** What the finding is about (a quota scope, or a quota and why it could not be counted): reported once a run. */
  readonly about: string;
}

/** A quota's name in messages: `KMS CMK`, `SFS Turbo capacity`, `IAM user`. */
export function quotaLabel({ service, type }: Pick<QuotaUse, 'service' | 'type'>): string {
  return `${quotaApi(service).service.title} ${type}`;
}

/** For a use that could not be counted (a value unknown during preview, no region, no size). */
export function uncountedFinding(subject: string, use: QuotaUse, reason: string): QuotaFinding {
  return { level: 'advisory', message: `${subject}: ${quotaLabel(use)} could not be checked: ${reason}.`, about: JSON.stringify([use.service, use.type, reason]) };
}

/**
 * Judges what the stack declares so far in a scope (`declared`, this resource included) against the quota read:
 * more than the whole quota can never fit; more than today's headroom may not, unless some of it already exists.
 */
export function judgeDeclared(subject: string, scope: QuotaScope, declared: number, reading: QuotaReading): QuotaFinding | undefined {
  const finding = judgeScope(subject, scope, declared, reading);
  return finding && { ...finding, about: JSON.stringify([scope.service, scope.type, scope.region ?? null]) };
}

function judgeScope(subject: string, scope: QuotaScope, declared: number, reading: QuotaReading): Omit<QuotaFinding, 'about'> | undefined {
  const label = quotaLabel(scope);
  if (!reading.ok) {
    return { level: 'advisory', message: `${subject}: ${label}${scope.region ? ` in ${scope.region}` : ''} could not be checked: reading the quota failed: ${reading.message}` };
  }
  const { where } = reading;
  const resource = reading.resources.find((candidate) => candidate.type === scope.type);
  if (!resource) {
    if (scope.optional) return undefined;
    return { level: 'advisory', message: `${subject}: ${label} could not be checked: the service reports no "${scope.type}" quota in ${where}.` };
  }
  if (resource.unlimited || resource.quota === null) return undefined;
  const quantity = (value: number) => (resource.unit ? `${value} ${resource.unit}` : `${value}`);
  const declaredText = resource.unit ? `${quantity(declared)} of ${label}` : `${declared} ${label}`;
  if (declared > resource.quota) {
    return {
      level: 'mandatory',
      message:
        `${subject}: this stack declares ${declaredText} in ${where}, but the quota is ${quantity(resource.quota)}: ` +
        `it can never fit (${quantity(declared - resource.quota)} over). Declare less, or ask for a higher quota.`,
    };
  }
  if (resource.headroom === null || resource.used === null) {
    return { level: 'advisory', message: `${subject}: ${label} in ${where} could not be checked against today's headroom: the service does not report its usage.` };
  }
  if (declared > resource.headroom) {
    const free = Math.max(0, resource.headroom);
    return {
      level: 'advisory',
      message:
        `${subject}: this stack declares ${declaredText} in ${where}, but only ${quantity(free)} ${free === 1 && !resource.unit ? 'is' : 'are'} free today ` +
        `(${resource.used} of ${quantity(resource.quota)} used): up to ${quantity(declared - free)} short. ` +
        'The count may include resources that already exist, which are already in "used"; it is said once a run, at the resource that crosses the headroom, so the stack may declare more.',
    };
  }
  return undefined;
}
