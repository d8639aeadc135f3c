import type { z } from 'zod';
import type { QuotaResource } from '../quota/quota-resource';
import type { EmulatorPart } from './emulator-part';
import type { EndpointService } from './endpoint-service';
import type { ApiScope, ScopeFields, ScopeShape } from './scope-args';

/** A quota type a service reports, for docs, help and the errors that list the allowed types. */
export interface QuotaTypeInfo {
  /** What it counts. */
  readonly description: string;
  /** The unit of its quota and usage, when not a count (`MiB`, `GB`, `minutes`). */
  readonly unit?: string;
}

/** Quota types spelled by a pattern, for services whose keys vary by region (EVS's `volumes_SSD`, `gigabytes_GPSSD`...). */
export interface QuotaTypePattern {
  /** What the further types match. */
  readonly pattern: RegExp;
  /** How the pattern reads, for errors and docs: `volumes_<TYPE>, gigabytes_<TYPE>, snapshots_<TYPE>`. */
  readonly description: string;
}

/** One quota use of a Pulumi resource type: which type of this API's quotas, and how much. */
export interface ResourceQuotaUse {
  /** The quota type, as the API spells it. */
  readonly type: string;
  /** A fixed amount per resource. Default 1. */
  readonly amount?: number;
  /** Instead of `amount`: the input property holding the amount (SFS Turbo's `size`, in GB). */
  readonly amountFrom?: string;
  /**
   * Instead of `amount`: a figure of what an input names, from one of the API's `lookups` (an ECS flavor's `vcpus`):
   * the first of `keyFrom` the resource sets is looked up.
   */
  readonly amountFromLookup?: {
    /** The name of one of the API's `lookups` (`flavors`). */
    readonly lookup: string;
    /** The inputs that may name what to look up, the first set one winning (`flavorId`, `flavorName`). */
    readonly keyFrom: readonly string[];
    /** The figure to count (`vcpus`, `ram`). */
    readonly field: string;
  };
  /**
   * Counted once per element of this array input (an instance's `dataDisks`); `amountFrom` and `typeSuffixFrom` are
   * then read from each element.
   */
  readonly each?: string;
  /**
   * A per-type quota: `_` and this input's value are added to `type` (`volumes` and `volumeType` SSD: `volumes_SSD`).
   * Not counted when the resource sets none; no finding when the service has no such quota.
   */
  readonly typeSuffixFrom?: string;
  /** The input property naming the region (its value is a region, or starts with one and `_`). Default `region`. */
  readonly regionFrom?: string;
}

/**
 * A read that turns what a resource names into figures the policies count (ECS flavors into vCPUs and memory): one
 * GET per region and run, served by the emulator too.
 */
export interface ApiLookup {
  /** The path template, `{project_id}` filled from the scope. */
  readonly path: string;
  /** The figures of each item, by every name it may be given by (a flavor's ID and its name). */
  read(call: ApiCall<Record<string, never>>): Promise<ReadonlyMap<string, Readonly<Record<string, number>>>>;
  /** The emulator's answer, from fixed data. */
  emulatorAnswer(): unknown;
}

/** What a definition's `read` hook is given: where to read, its extra arguments, and one signed GET of its path. */
export interface ApiCall<Args> {
  /** The scope resolved: account, project, and the region (`undefined` for IAM's global endpoint). */
  readonly scope: {
    /** The account, for an account's quotas. */
    readonly domainId?: string;
    /** The project, for a project's quotas. */
    readonly projectId?: string;
    /** The region whose endpoint is called. */
    readonly region?: string;
  };
  /** The API's own arguments (`type`, `userId`...), checked. */
  readonly args: Args;
  /**
   * Sends `GET {path}` with this query, signed and scoped; resolves to the parsed JSON body. `signal` cancels this GET
   * alone (the read's own cancellation applies as well).
   */
  get(query?: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<unknown>;
  /** Checks a body against the response schema; a mismatch is a `response-invalid` error naming the field. */
  parse<T>(schema: z.ZodType<T>, body: unknown): T;
}

/** The requirement fields a read is for, as the quota client passes them to `resourcesFor`. */
export interface RequirementScope {
  /** The quota type required. */
  readonly type: string;
  /** The IAM user, for per-user quotas. */
  readonly userId?: string;
}

/**
 * One Huawei Cloud quota API, declared once: everything else (the client's read, the Pulumi data sources, `hwquota
 * get`, requirements, policy rules, the emulator's route and state, the README table) is derived from it.
 */
export interface QuotaApiDefinition<
  Name extends string = string,
  Method extends string = string,
  Host extends string = string,
  Scope extends ApiScope = ApiScope,
  Extra extends z.ZodRawShape = z.ZodRawShape,
  Fields extends object = object,
  Emulator extends EmulatorPart = EmulatorPart,
> {
  /** The API's name in requirements, `hwquota get`, emulator routes and faults: `kms`, `sfs-turbo`. */
  readonly name: Name;
  /** The client method (`kmsQuotas`); the data sources are `get` + it capitalised (`getKmsQuotas`, `getKmsQuotasOutput`). */
  readonly method: Method;
  /** A short title for tables and help: `KMS quotas`. */
  readonly title: string;
  /** One sentence on what it reads, for docs. */
  readonly summary: string;
  /** Where the API is documented. */
  readonly reference: string;
  /** The service whose endpoint it is called at. */
  readonly service: EndpointService<Host>;
  /** `account` (IAM domain), `project` (an IAM project, any region's IAM endpoint) or `regional` (a project in a region). */
  readonly scope: Scope;
  /** The path template, `{project_id}` and `{domain_id}` filled from the scope (see `pathParameters`). */
  readonly path: string;
  /** Path parameters beyond `{project_id}` and `{domain_id}`, from the scope (EVS's `{target_project_id}`). */
  pathParameters?(scope: { readonly projectId?: string; readonly domainId?: string }): Readonly<Record<string, string>>;
  /** The API's own arguments beyond its scope, each with `.describe()` (used for docs and `hwquota get` flags). */
  readonly args: Extra;
  /** The quota types it reports, by their API spelling. */
  readonly quotaTypes: Readonly<Record<string, QuotaTypeInfo>>;
  /** More types, spelled by a pattern. */
  readonly quotaTypePattern?: QuotaTypePattern;
  /** Reads the quotas: one GET, or every page. */
  read(call: ApiCall<z.output<z.ZodObject<Extra>>>): Promise<Fields>;
  /**
   * Quotas are per IAM user (MetaStudio): a requirement names `userId`, and resources are found under `users`.
   * Such quotas are not counted by the policies (no resource maps to a user).
   */
  readonly perUser?: boolean;
  /** The quotas a requirement is judged against; default the result's `resources`. */
  resourcesFor?(result: Fields, requirement: RequirementScope): readonly QuotaResource[];
  /** What Pulumi resources of the Huawei Cloud provider use of these quotas, by type token. */
  readonly countedBy?: Readonly<Record<string, readonly ResourceQuotaUse[]>>;
  /** Reads that `countedBy` uses look figures up with, by name (ECS: `flavors`). */
  readonly lookups?: Readonly<Record<string, ApiLookup>>;
  /** How the local emulator serves it (made on first use: see `emulatorPart`). */
  readonly emulator: () => Emulator;
  /** A TypeScript example for the data source's docs. */
  readonly example: string;
}

/** The arguments of an API's read: its scope, then its own. */
export type ApiArgsShape<A extends QuotaApiDefinition> = ScopeShape<A['scope']> & A['args'];

/** What an API's read returns: where it was read, then its quotas. */
export type ApiResult<A extends QuotaApiDefinition> = A extends QuotaApiDefinition<string, string, string, infer Scope, z.ZodRawShape, infer Fields, EmulatorPart>
  ? ScopeFields<Scope> & Fields
  : never;

/** Declares an API, keeping its names as literal types so that the client's method names can be derived. */
export function defineQuotaApi<
  const Name extends string,
  const Method extends string,
  const Host extends string,
  const Scope extends ApiScope,
  Extra extends z.ZodRawShape,
  Fields extends object,
  Emulator extends EmulatorPart,
>(definition: QuotaApiDefinition<Name, Method, Host, Scope, Extra, Fields, Emulator>): QuotaApiDefinition<Name, Method, Host, Scope, Extra, Fields, Emulator> {
  return definition;
}
