import { z } from 'zod';
import { SERVICE_NAMES, type ServiceName } from '../endpoints/service-names';
import { ProjectName, RegionId, ResourceId } from '../quota/field-schemas';
import { checkArgs } from '../quota/read-args';
import { QuotaRequirementList, QuotaRequirementSchema } from '../quota/requirement-schema';
import { invalidArgument } from '../errors';
import { claimKey } from './quota-claims';
import type { QuotaRequirement } from '../quota/requirements';
import type { Margin } from './margin';

/**
 * Connection settings a guard may be given in code. They are kept in the stack's state with the guard, so credentials
 * are not among them: the guard's provider takes those from stack config and the environment.
 */
export interface GuardConnection {
  /** Region ID such as `cn-north-4`. Default: stack config `huaweicloud-quotas:region`, `huaweicloud:region`, else `HW_REGION_NAME`. */
  region?: string;
  /** Cloud domain, such as `myhuaweicloud.eu`. Default: `HW_CLOUD`, else from the region. */
  cloud?: string;
  /** Base URL per service (`SERVICE_NAMES`: `iam`, `kms`, `ecs`...), over the default endpoints. */
  endpoints?: Partial<Record<ServiceName, string>>;
}

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

/** What a headroom guard (`QuotaGuard`, `requireHeadroom`) is given. */
export interface HeadroomGuardInputs extends GuardConnection {
  /** What the stack holds of each quota once deployed. */
  requirements: QuotaRequirement[];
  /** Headroom to keep free on top of any growth. */
  margin?: Margin;
  /** A shortfall is a warning, not a failure (the claim is still recorded). */
  warnOnly?: boolean;
}

/** What a placement guard (`pickPlacement`) is given. */
export interface PlacementGuardInputs extends GuardConnection {
  /** Where the stack could go, in order of preference. */
  candidates: PlacementCandidate[];
  /** What the stack holds of each quota, wherever it is placed. */
  requirements: UnplacedRequirement[];
  /** Headroom to keep free on top of any growth. */
  margin?: Margin;
  /** Once placed, the stack stays unless this is set and its place cannot take the growth. */
  allowMove?: boolean;
}

/** What a guard is given: a headroom guard's inputs, or a placement guard's. */
export type GuardInputs = HeadroomGuardInputs | PlacementGuardInputs;

const Connection = {
  region: RegionId.optional(),
  cloud: z.string().min(1, 'must be a cloud domain such as myhuaweicloud.eu').optional(),
  endpoints: z.record(z.enum(SERVICE_NAMES as [ServiceName, ...ServiceName[]]), z.string().url('must be a URL')).optional(),
};
const MarginSchema = z.object({ absolute: z.number().optional(), percentOfQuota: z.number().optional() }).strict();
const CandidateSchema = z.object({ region: RegionId, projectId: ResourceId.optional(), projectName: ProjectName.optional() }).strict();

const HeadroomGuardSchema = z
  .object({ ...Connection, requirements: z.array(QuotaRequirementSchema), margin: MarginSchema.optional(), warnOnly: z.boolean().optional() })
  .strict();
const PlacementGuardSchema = z
  .object({
    ...Connection,
    candidates: z.array(CandidateSchema).min(1, 'name at least one candidate'),
    requirements: z.array(QuotaRequirementSchema.innerType().omit({ region: true, projectId: true, projectName: true }).strict()),
    margin: MarginSchema.optional(),
    allowMove: z.boolean().optional(),
  })
  .strict();

/**
 * A guard's inputs, checked; the error names the field at fault. Placement guards are told apart by `candidates`.
 * Only the inputs a guard takes are read: the verdict fields it records and `__provider` are left out.
 */
export function checkGuardInputs(inputs: Record<string, unknown>): GuardInputs {
  const placement = 'candidates' in inputs;
  const keys = Object.keys((placement ? PlacementGuardSchema : HeadroomGuardSchema).shape);
  const own = Object.fromEntries(Object.entries(inputs).filter(([key, value]) => keys.includes(key) && value !== undefined && value !== null));
  const checked = placement ? checkArgs(PlacementGuardSchema, own) : checkArgs(HeadroomGuardSchema, own);
  // A placed requirement must be a valid requirement in every candidate (its quota type, a MetaStudio user).
  const requirements = isPlacementGuard(checked) ? checkArgs(QuotaRequirementList, placeIn(checked.candidates[0]!, checked), 'requirements') : checked.requirements;
  refuseDuplicates(requirements);
  return checked;
}

/** The requirements of a placement guard, placed in a candidate. */
export function placeIn(candidate: PlacementCandidate, inputs: PlacementGuardInputs): QuotaRequirement[] {
  return inputs.requirements.map((requirement) => ({ ...requirement, region: candidate.region, projectId: candidate.projectId, projectName: candidate.projectName }));
}

/** Each quota once: a guard keeps one claim per quota, so two requirements of the same quota would share it. */
function refuseDuplicates(requirements: readonly QuotaRequirement[]): void {
  const seen = new Map<string, number>();
  requirements.forEach((requirement, index) => {
    const key = claimKey(requirement);
    const first = seen.get(key);
    if (first !== undefined) throw invalidArgument(`requirements[${index}]`, `names the same quota as requirements[${first}]: put their need in one requirement`);
    seen.set(key, index);
  });
}

/** Placement guards are told apart by their candidates. */
export function isPlacementGuard(inputs: GuardInputs): inputs is PlacementGuardInputs {
  return 'candidates' in inputs;
}
