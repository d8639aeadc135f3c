import { z } from 'zod';
import { ProjectName, RegionId, ResourceId } from '../quota/field-schemas';

/**
 * Where an API's quotas live: `account` (an IAM account, read at the global IAM endpoint or a region's), `project`
 * (an IAM project, at the global or a region's IAM endpoint) or `regional` (a project in a region, at that region's
 * endpoint of the service).
 */
export type ApiScope = 'account' | 'project' | 'regional';

const Signal = z.instanceof(AbortSignal, { message: 'must be an AbortSignal' });

const ACCOUNT_SHAPE = {
  /** Account (domain) ID. Default: the client's, from the environment or profile, else looked up. */
  domainId: ResourceId.optional().describe('Account ID (default: from the environment, else looked up)'),
  /** Read through this region's IAM endpoint. Default: the client's region, else the global IAM endpoint. */
  region: RegionId.optional().describe("Region whose IAM endpoint to use (default: the client's, else the global one)"),
  /** Cancels the read. */
  signal: Signal.optional(),
};

const PROJECT_SHAPE = {
  /** Region ID such as `cn-north-4`. Default: the client's region (`HW_REGION_NAME`). */
  region: RegionId.optional().describe('Region ID (default: HW_REGION_NAME)'),
  /** Project ID. Default: the client's, or the environment's for its own region, else looked up by name. */
  projectId: ResourceId.optional().describe('Project ID (default: from the environment, else looked up)'),
  /** Project name to look up, such as `cn-north-4_dev`. Default: `HW_PROJECT_NAME` for the environment's region, else the region. */
  projectName: ProjectName.optional().describe('Project name to look up, e.g. cn-north-4_dev'),
  /** Cancels the read. */
  signal: Signal.optional(),
};

/** The scope arguments of each kind of API. */
export const SCOPE_SHAPES = {
  /** An account's quotas: `domainId`, `region` (of the IAM endpoint), `signal`. */
  account: ACCOUNT_SHAPE,
  /** An IAM project's quotas: `region`, `projectId`, `projectName`, `signal`. */
  project: PROJECT_SHAPE,
  /** A project's quotas in a region: `region`, `projectId`, `projectName`, `signal`. */
  regional: PROJECT_SHAPE,
} as const;

/** The scope arguments of an API of scope `S`. */
export type ScopeShape<S extends ApiScope> = (typeof SCOPE_SHAPES)[S];

/** Where a read was made, as its result says: the account, or the project (and region). */
export type ScopeFields<S extends ApiScope> = S extends 'account'
  ? {
      /** The account (domain) ID read. */
      readonly domainId: string;
    }
  : S extends 'project'
    ? {
        /** The project read: given, from the environment, or looked up by name. */
        readonly projectId: string;
      }
    : {
        /** The project read: given, from the environment, or looked up by name. */
        readonly projectId: string;
        /** The region read. */
        readonly region: string;
      };
