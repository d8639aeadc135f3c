import { z } from 'zod';
import { mapConcurrently } from '../concurrency';
import { toQuotaResource, type QuotaResource } from '../quota/quota-resource';
import { ResourceId } from '../quota/field-schemas';
import { defineQuotaApi } from './api-definition';
import { emulatorPart, integerBetween } from './emulator-part';
import { defineService, flatErrorBody } from './endpoint-service';
import { readUserQuotaPage } from './metastudio-user-page';
import { generateMetaStudioUsers } from './metastudio-users';

/** The largest page MetaStudio serves. */
export const METASTUDIO_PAGE_SIZE = 100;
/** Pages fetched at once after the first. */
const PAGE_CONCURRENCY = 4;
/** Users in the built-in state: more than two pages of 100. */
const DEFAULT_USER_COUNT = 250;
const DEFAULT_USER_SEED = 20_260_101;

/** The keys of a MetaStudio `ListUserQuotaDetail`; `-1` means no limit, `video_time_*` are minutes and may be fractional. */
export const METASTUDIO_QUOTA_KEYS = [
  'modeling_count_2d_model', 'modeling_count_2d_model_flexus', 'video_time_2d_model', 'video_time_flexus_2d_model',
  'voice_clone_basic', 'voice_clone_middle', 'voice_clone_advance', 'voice_clone_flexus',
] as const;

/**
 * MetaStudio: offered only in the regions the official SDKs list (cn-north-4 and cn-east-3 on the Chinese site,
 * ap-southeast-3 on the international one). Errors come as `{error_code, error_msg}`; its error-code page has no
 * code for an unknown project, which it answers as a bad parameter (`MSS.00000003`, 400).
 */
const METASTUDIO = defineService({
  host: 'metastudio',
  envName: 'METASTUDIO',
  title: 'MetaStudio',
  errors: {
    badRequest: { code: 'MSS.00000003', status: 400 },
    forbidden: { code: 'MSS.00000005', status: 403 },
    noPermission: { code: 'MSS.00000005', status: 403 },
    notFound: { code: 'MSS.00000003', status: 400 },
    internal: { code: 'MSS.00000004', status: 500 },
  },
  errorBody: flatErrorBody,
  regions: ['cn-north-4', 'cn-east-3', 'ap-southeast-3'],
});

/** One IAM user's MetaStudio quotas, each pairing the quota and the usage of the same key. */
export interface MetaStudioUserQuota {
  /** The IAM user's ID. */
  readonly userId: string;
  /** One entry per quota key the service reports for this user (keys with a `null` quota are left out). */
  readonly resources: readonly QuotaResource[];
}

/** The users read, and how many the service counts. */
export interface MetaStudioUsers {
  /** Users the service counts (all of them, or the one asked for). */
  readonly count: number;
  /** Each user with their quotas. */
  readonly users: readonly MetaStudioUserQuota[];
}

const wholeOrUnlimited = z.number().int().min(-1).max(10_000_000);
const minutesOrUnlimited = z.number().min(-1).max(999_999_999);
const QuotaDetail = z
  .object({
    /** Virtual avatar training models; `-1`: no limit. */
    modeling_count_2d_model: wholeOrUnlimited,
    /** Virtual avatar training models (Flexus edition); `-1`: no limit. */
    modeling_count_2d_model_flexus: wholeOrUnlimited,
    /** Virtual avatar video time, in minutes (may be fractional); `-1`: no limit. */
    video_time_2d_model: minutesOrUnlimited,
    /** Virtual avatar video time (Flexus edition), in minutes (may be fractional); `-1`: no limit. */
    video_time_flexus_2d_model: minutesOrUnlimited,
    /** Voice cloning (basic edition); `-1`: no limit. */
    voice_clone_basic: wholeOrUnlimited,
    /** Voice cloning (advanced edition); `-1`: no limit. */
    voice_clone_middle: wholeOrUnlimited,
    /** Voice cloning (premium edition); `-1`: no limit. */
    voice_clone_advance: wholeOrUnlimited,
    /** Voice cloning (Flexus edition); `-1`: no limit. */
    voice_clone_flexus: wholeOrUnlimited,
  })
  .strict();

/** MetaStudio `GET /v1/{project_id}/user/quotas`: per IAM user, paged. */
export const metaStudio = defineQuotaApi({
  name: 'metastudio',
  method: 'metaStudioUserQuotas',
  title: 'MetaStudio user quotas',
  summary:
    'the MetaStudio quotas of every IAM user of the account (or one), every page read for you. Only the account\'s root credentials may call it. `video_time_*` values are minutes and may be fractional; `-1` quotas come back as `unlimited`',
  reference: 'MetaStudio API reference, "Querying IAM User Quota"',
  service: METASTUDIO,
  scope: 'regional',
  path: '/v1/{project_id}/user/quotas',
  args: {
    /** One IAM user's ID; default every user. */
    userId: ResourceId.optional().describe('One IAM user (default: every user)'),
  },
  quotaTypes: {
    modeling_count_2d_model: { description: 'virtual avatar training models' },
    modeling_count_2d_model_flexus: { description: 'virtual avatar training models (Flexus edition)' },
    video_time_2d_model: { description: 'virtual avatar video time', unit: 'minutes' },
    video_time_flexus_2d_model: { description: 'virtual avatar video time (Flexus edition)', unit: 'minutes' },
    voice_clone_basic: { description: 'voice cloning (basic edition)' },
    voice_clone_middle: { description: 'voice cloning (advanced edition)' },
    voice_clone_advance: { description: 'voice cloning (premium edition)' },
    voice_clone_flexus: { description: 'voice cloning (Flexus edition)' },
  },
  // Every page: the first tells `count`, the rest are fetched concurrently; one failing stops the others.
  read: async (call): Promise<MetaStudioUsers> => {
    const page = async (offset: number, signal?: AbortSignal) => {
      const { count, assets } = readUserQuotaPage(await call.get({ limit: METASTUDIO_PAGE_SIZE, offset, user_id: call.args.userId }, signal), call.parse);
      // Normalised as each page arrives, not all users at the end in one long task that holds up other reads.
      return { count, users: assets.map((asset) => ({ userId: asset.user_id, resources: pairQuotaAndUsage(asset.quota, asset.usage ?? {}) })) };
    };
    const first = await page(0);
    const offsets: number[] = [];
    for (let offset = METASTUDIO_PAGE_SIZE; offset < first.count; offset += METASTUDIO_PAGE_SIZE) offsets.push(offset);
    const rest = await mapConcurrently(offsets, PAGE_CONCURRENCY, page);
    return { count: first.count, users: [first, ...rest].flatMap((p) => p.users) };
  },
  perUser: true,
  resourcesFor: (result, requirement) => result.users.find((user) => user.userId === requirement.userId)?.resources ?? [],
  emulator: emulatorPart(() => ({
    level: 'account',
    stateKey: 'metaStudioUsers',
    entry: z
      .object({
        /** The IAM user's ID. */
        user_id: z.string().min(1).max(64),
        /** The user's quotas. */
        quota: QuotaDetail,
        /** The user's usage, key by key. */
        usage: QuotaDetail,
      })
      .strict(),
    uniqueBy: 'user_id',
    defaults: (owner) => (owner === 'account' ? generateMetaStudioUsers(DEFAULT_USER_COUNT, DEFAULT_USER_SEED) : []),
    query: {
      limit: integerBetween(1, 100),
      offset: integerBetween(0, 2_147_483_647),
      user_id: (value) => value.length >= 1 && value.length <= 64,
    },
    refuse: (request) => (request.root ? undefined : request.error('forbidden', 'Forbidden: only the account itself (not an IAM user) may query user quotas')),
    answer: (users, request) => {
      const limit = Number(request.query.get('limit') ?? 10);
      const offset = Number(request.query.get('offset') ?? 0);
      const userId = request.query.get('user_id');
      // Without a user_id, every page of a large account would otherwise copy the whole list first.
      const matching = userId === null ? users : users.filter((user) => user.user_id === userId);
      return { count: matching.length, assets: matching.slice(offset, offset + limit) };
    },
  })),
  example: `const meta = await quotas.getMetaStudioUserQuotas({ region: 'cn-north-4', userId: 'c1f0...' });
const minutes = meta.users[0]?.resources.find((r) => r.type === 'video_time_2d_model');`,
});

function pairQuotaAndUsage(quota: Record<string, number | null>, usage: Record<string, number | null>): QuotaResource[] {
  return Object.entries(quota)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    // Own keys only: a quota named `constructor` must not take Object.prototype's member as its usage.
    .map(([type, value]) => toQuotaResource({ type, quota: value, used: Object.hasOwn(usage, type) ? usage[type] : undefined }));
}
