import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { toQuotaResource } from '../quota/quota-resource';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { defineService } from './endpoint-service';
import { QuotaNumber } from './quota-number';
import type { QuotaList } from './quota-list';

/** The quota keys of dedicated load balancers (ELB v3), as ELB spells them. */
const ELB_QUOTA_KEYS = {
  loadbalancer: 'load balancers',
  listener: 'listeners',
  pool: 'backend server groups',
  member: 'backend servers',
  healthmonitor: 'health checks',
  l7policy: 'forwarding policies',
  certificate: 'certificates',
  security_policy: 'custom security policies',
  ipgroup: 'IP address groups',
  ipgroup_bindings: 'listeners one IP address group can be bound to',
  ipgroup_max_length: 'IP addresses in the IP address groups of one listener',
  ipgroups_per_listener: 'IP address groups of one listener',
  listeners_per_loadbalancer: 'listeners of one load balancer',
  listeners_per_pool: 'listeners of one backend server group',
  members_per_pool: 'backend servers of one backend server group',
  condition_per_policy: 'conditions of one forwarding policy',
  pools_per_l7policy: 'backend server groups of one forwarding policy',
  l7policies_per_listener: 'forwarding policies of one listener',
  free_instance_members_per_pool: 'backend servers of one group of a free load balancer',
  free_instance_listeners_per_loadbalancer: 'listeners of a free load balancer',
} as const;
type ElbQuotaKey = keyof typeof ELB_QUOTA_KEYS;
const KEYS = Object.keys(ELB_QUOTA_KEYS) as [ElbQuotaKey, ...ElbQuotaKey[]];

const QuotaDetails = z.object({
  quotas: z.array(z.object({ quota_key: z.string(), quota_limit: QuotaNumber, used: QuotaNumber, unit: z.string().optional() })),
});

/**
 * ELB (dedicated, v3): errors come as `{error_code, error_msg, request_id}`. A policy that does not allow the action is
 * `ELB.9802` (403).
 */
const ELB = defineService({
  host: 'elb',
  envName: 'ELB',
  title: 'ELB',
  errors: {
    badRequest: { code: 'ELB.8902', status: 400 },
    forbidden: { code: 'ELB.1102', status: 403 },
    noPermission: { code: 'ELB.9802', status: 403 },
    notFound: { code: 'ELB.8904', status: 404 },
    internal: { code: 'ELB.8906', status: 500 },
  },
  errorBody: (code, message) => ({ error_code: code, error_msg: message, request_id: randomBytes(16).toString('hex') }),
});

const DEFAULT_LIMITS: Record<ElbQuotaKey, number> = {
  loadbalancer: 50, listener: 100, pool: 500, member: 10_000, healthmonitor: -1, l7policy: 500, certificate: -1, security_policy: 50,
  ipgroup: 1_000, ipgroup_bindings: 50, ipgroup_max_length: 300, ipgroups_per_listener: 50, listeners_per_loadbalancer: -1,
  listeners_per_pool: -1, members_per_pool: 1_000, condition_per_policy: -1, pools_per_l7policy: -1, l7policies_per_listener: -1,
  free_instance_members_per_pool: -1, free_instance_listeners_per_loadbalancer: 2_000,
};
const DEFAULT_USAGE: Record<string, Partial<Record<ElbQuotaKey, number>>> = {
  'cn-north-4': { loadbalancer: 3, listener: 8, pool: 9, member: 24, healthmonitor: 9, certificate: 2 },
  'cn-north-4_dev': { loadbalancer: 49, listener: 98, pool: 120, member: 360, healthmonitor: 120 },
  'eu-west-101': {},
};

/** ELB (dedicated, v3) `GET /v3/{project_id}/elb/quotas/details`: load balancers, listeners, pools and members. */
export const elb = defineQuotaApi({
  name: 'elb',
  method: 'elbQuotas',
  title: 'ELB quotas',
  summary: 'the quotas of dedicated load balancers (ELB v3) in a project: `loadbalancer`, `listener`, `pool`, `member`, `certificate` and the per-resource limits such as `members_per_pool`',
  reference: 'https://support.huaweicloud.com/intl/en-us/api-elb/ListQuotaDetails.html',
  service: ELB,
  scope: 'regional',
  path: '/v3/{project_id}/elb/quotas/details',
  args: {},
  quotaTypes: Object.fromEntries(KEYS.map((key) => [key, { description: ELB_QUOTA_KEYS[key] }])),
  read: async (call): Promise<QuotaList> => {
    const { quotas } = call.parse(QuotaDetails, await call.get());
    // `count` is no unit: counts carry none here, as in the other APIs.
    const unitOf = (unit: string | undefined) => (unit && unit !== 'count' ? { unit } : {});
    return { resources: quotas.map((quota) => toQuotaResource({ type: quota.quota_key, quota: quota.quota_limit, used: quota.used, ...unitOf(quota.unit) })) };
  },
  countedBy: {
    'huaweicloud:DedicatedElb/loadbalancer:Loadbalancer': [{ type: 'loadbalancer' }],
    'huaweicloud:DedicatedElb/listener:Listener': [{ type: 'listener' }],
  },
  emulator: emulatorPart(() => ({
    level: 'project',
    stateKey: 'elbQuotas',
    entry: z
      .object({
        /** The quota key, as ELB spells it. */
        type: z.enum(KEYS),
        /** The quota; `-1`: no limit. */
        quota: z.number().int().min(-1),
        /** The usage. */
        used: z.number().int().nonnegative(),
      })
      .strict(),
    defaults: (owner) => {
      const usage = DEFAULT_USAGE[owner];
      return usage ? KEYS.map((type) => ({ type, quota: DEFAULT_LIMITS[type], used: usage[type] ?? 0 })) : [];
    },
    query: { quota_key: (value) => Object.hasOwn(ELB_QUOTA_KEYS, value) },
    repeatable: ['quota_key'],
    answer: (entries, request) => {
      const keys = request.query.getAll('quota_key');
      const quotas = entries
        .filter((entry) => keys.length === 0 || keys.includes(entry.type))
        .map((entry) => ({ quota_key: entry.type, quota_limit: entry.quota, used: entry.used, unit: 'count' }));
      return { request_id: randomBytes(16).toString('hex'), quotas };
    },
  })),
  example: `const elb = await quotas.getElbQuotas({ region: 'cn-north-4' });
const balancers = elb.resources.find((r) => r.type === 'loadbalancer');`,
});
