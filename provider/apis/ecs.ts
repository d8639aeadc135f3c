import { z } from 'zod';
import { toQuotaResource } from '../quota/quota-resource';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { defineService } from './endpoint-service';
import { QuotaNumber } from './quota-number';
import type { QuotaList } from './quota-list';

/**
 * ECS answers `absolute` as pairs of keys (`maxTotalCores` / `totalCoresUsed`); a limit without a `…Used` twin is a
 * quota whose usage ECS does not report. The spot keys are optional (older regions leave them out); `limit_by_flavor`
 * is always `[]` and other keys come and go, so unknown keys pass.
 */
const LIMITS = {
  instances: { limit: 'maxTotalInstances', used: 'totalInstancesUsed', description: 'ECS instances' },
  cores: { limit: 'maxTotalCores', used: 'totalCoresUsed', description: 'vCPUs of all instances' },
  ram: { limit: 'maxTotalRAMSize', used: 'totalRAMUsed', description: 'memory of all instances', unit: 'MiB' },
  spotInstances: { limit: 'maxTotalSpotInstances', used: 'totalSpotInstancesUsed', description: 'spot instances', optional: true },
  spotCores: { limit: 'maxTotalSpotCores', used: 'totalSpotCoresUsed', description: 'vCPUs of spot instances', optional: true },
  spotRam: { limit: 'maxTotalSpotRAMSize', used: 'totalSpotRAMUsed', description: 'memory of spot instances', unit: 'MiB', optional: true },
  serverGroups: { limit: 'maxServerGroups', used: 'totalServerGroupsUsed', description: 'server groups' },
  floatingIps: { limit: 'maxTotalFloatingIps', used: 'totalFloatingIpsUsed', description: 'floating IPs' },
  securityGroups: { limit: 'maxSecurityGroups', used: 'totalSecurityGroupsUsed', description: 'security groups (as the VPC quota allows)' },
  securityGroupRules: { limit: 'maxSecurityGroupRules', description: 'rules of one security group (usage not reported)' },
  serverGroupMembers: { limit: 'maxServerGroupMembers', description: 'instances in one server group (usage not reported)' },
  keypairs: { limit: 'maxTotalKeypairs', description: 'SSH key pairs (usage not reported)' },
  serverMeta: { limit: 'maxServerMeta', description: 'metadata items of an instance (usage not reported)' },
  imageMeta: { limit: 'maxImageMeta', description: 'metadata items of an image (usage not reported)' },
  personality: { limit: 'maxPersonality', description: 'files injected into an instance (usage not reported)' },
  personalitySize: { limit: 'maxPersonalitySize', description: 'size of one injected file (usage not reported)', unit: 'bytes' },
} as const satisfies Record<string, { limit: string; used?: string; description: string; unit?: string; optional?: boolean }>;

type LimitType = keyof typeof LIMITS;
type Limit = { limit: string; used?: string; description: string; unit?: string; optional?: boolean };
const LIMIT_TYPES = Object.keys(LIMITS) as [LimitType, ...LimitType[]];
const limitOf = (type: LimitType): Limit => LIMITS[type];

const ServerLimits = z.object({
  absolute: z
    .object(Object.fromEntries(LIMIT_TYPES.flatMap((type) => {
      const { limit, used, optional } = limitOf(type);
      const number = optional ? QuotaNumber.optional() : QuotaNumber;
      return [[limit, number], ...(used ? [[used, number]] : [])];
    })))
    .passthrough(),
});

/** A flavor as `GET /v1/{project_id}/cloudservers/flavors` lists it: `vcpus` is a string there, `ram` MiB. */
const FlavorList = z.object({
  flavors: z.array(z.object({ id: z.string(), name: z.string(), vcpus: z.string().regex(/^\d{1,6}$/), ram: z.number().int().nonnegative() }).passthrough()),
});

/** Flavors the emulator lists, as ECS does: general (s6, s7) and compute (c7) ones, `vcpus` as a string. */
const EMULATOR_FLAVORS = [
  ['s6.small.1', 1, 1_024], ['s6.medium.2', 1, 2_048], ['s6.large.2', 2, 4_096], ['s6.xlarge.2', 4, 8_192], ['s7.2xlarge.4', 8, 32_768],
  ['c7.large.2', 2, 4_096], ['c7.xlarge.2', 4, 8_192], ['c7.2xlarge.4', 8, 32_768], ['c7.4xlarge.4', 16, 65_536],
].map(([name, vcpus, ram]) => ({ id: name, name, vcpus: String(vcpus), ram, disk: '0', 'os-flavor-access:is_public': true }));

/** ECS: errors come as `{error: {code, message}}`; a policy that does not allow the action is `Pdp.0001` (403). */
const ECS = defineService({
  host: 'ecs',
  envName: 'ECS',
  title: 'ECS',
  errors: {
    badRequest: { code: 'Ecs.0005', status: 400 },
    forbidden: { code: 'Ecs.0023', status: 400 },
    noPermission: { code: 'Pdp.0001', status: 403 },
    notFound: { code: 'Ecs.0023', status: 400 },
    internal: { code: 'Common.0001', status: 500 },
  },
  errorBody: (code, message) => ({ error: { code, message } }),
});

const Count = z.number().int().min(-1);

/** The built-in quotas: the reference's example for cn-north-4, a busier dev project, a fresh eu-west-101. */
const DEFAULT_USAGE: Record<string, Partial<Record<LimitType, number>>> = {
  'cn-north-4': { instances: 21, cores: 40, ram: 75_776, serverGroups: 2, floatingIps: 0, securityGroups: 1 },
  'cn-north-4_dev': { instances: 46, cores: 184, ram: 376_832, spotInstances: 2, spotCores: 8, spotRam: 16_384, serverGroups: 1, securityGroups: 3 },
  'eu-west-101': {},
};
const DEFAULT_LIMITS: Record<LimitType, number> = {
  instances: 50, cores: 200, ram: 409_600, spotInstances: 20, spotCores: 320, spotRam: 655_360, serverGroups: 10, floatingIps: 10,
  securityGroups: 10, securityGroupRules: 20, serverGroupMembers: 16, keypairs: -1, serverMeta: 128, imageMeta: 128, personality: 5, personalitySize: 10_240,
};

/** ECS `GET /v1/{project_id}/cloudservers/limits`: instances, vCPUs and memory, as pairs of limit and usage. */
export const ecs = defineQuotaApi({
  name: 'ecs',
  method: 'ecsQuotas',
  title: 'ECS quotas',
  summary: 'the ECS quotas of a project: `instances`, `cores`, `ram` (MiB), their spot twins, server groups and floating IPs; limits whose usage ECS does not report have `used: null`',
  reference: 'https://support.huaweicloud.com/intl/en-us/api-ecs/ecs_02_0801.html',
  service: ECS,
  scope: 'regional',
  path: '/v1/{project_id}/cloudservers/limits',
  args: {},
  quotaTypes: Object.fromEntries(LIMIT_TYPES.map((type) => {
    const { description, unit } = limitOf(type);
    return [type, unit ? { description, unit } : { description }];
  })),
  read: async (call): Promise<QuotaList> => {
    const { absolute } = call.parse(ServerLimits, await call.get());
    const value = (key: string | undefined) => (key === undefined ? undefined : (absolute[key] as number | undefined));
    return {
      resources: LIMIT_TYPES.filter((type) => value(limitOf(type).limit) !== undefined).map((type) => {
        const { limit, used, unit } = limitOf(type);
        return toQuotaResource({ type, quota: value(limit)!, used: used ? (value(used) ?? null) : null, ...(unit ? { unit } : {}) });
      }),
    };
  },
  countedBy: {
    // An instance's vCPUs and memory are its flavor's, looked up once per region and run.
    'huaweicloud:Ecs/instance:Instance': [
      { type: 'instances' },
      { type: 'cores', amountFromLookup: { lookup: 'flavors', keyFrom: ['flavorId', 'flavorName'], field: 'vcpus' } },
      { type: 'ram', amountFromLookup: { lookup: 'flavors', keyFrom: ['flavorId', 'flavorName'], field: 'ram' } },
    ],
  },
  lookups: {
    flavors: {
      path: '/v1/{project_id}/cloudservers/flavors',
      read: async (call) => {
        const { flavors } = call.parse(FlavorList, await call.get());
        const figures = new Map<string, Readonly<Record<string, number>>>();
        for (const flavor of flavors) {
          const of = { vcpus: Number(flavor.vcpus), ram: flavor.ram };
          figures.set(flavor.id, of);
          figures.set(flavor.name, of);
        }
        return figures;
      },
      emulatorAnswer: () => ({ flavors: EMULATOR_FLAVORS }),
    },
  },
  emulator: emulatorPart(() => ({
    level: 'project',
    stateKey: 'ecsQuotas',
    entry: z
      .object({
        /** The quota type (`instances`, `cores`, `ram`...): answered as its `max…` key. */
        type: z.enum(LIMIT_TYPES),
        /** The limit; `-1`: no limit. */
        quota: Count,
        /** The usage, answered as the `…Used` twin; ignored for limits without one. Default 0. */
        used: z.number().int().nonnegative().default(0),
      })
      .strict(),
    defaults: (owner) => {
      const usage = DEFAULT_USAGE[owner];
      return usage ? LIMIT_TYPES.map((type) => ({ type, quota: DEFAULT_LIMITS[type], used: usage[type] ?? 0 })) : [];
    },
    // ECS always answers every limit: a type the state does not list has its default limit, nothing used.
    answer: (entries) => {
      const absolute: Record<string, unknown> = {};
      const listed = new Set(entries.map((entry) => entry.type));
      const unlisted = LIMIT_TYPES.filter((type) => !listed.has(type)).map((type) => ({ type, quota: DEFAULT_LIMITS[type], used: 0 }));
      for (const { type, quota, used } of [...entries, ...unlisted]) {
        const limit = limitOf(type);
        absolute[limit.limit] = quota;
        if (limit.used) absolute[limit.used] = used;
      }
      return { absolute: { ...absolute, limit_by_flavor: [] } };
    },
  })),
  example: `const ecs = await quotas.getEcsQuotas({ region: 'cn-north-4' });
const cores = ecs.resources.find((r) => r.type === 'cores');
if ((cores?.headroom ?? 0) < 16) throw new pulumi.RunError('not enough vCPUs left for the cluster');`,
});
