import { z } from 'zod';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { defineService } from './endpoint-service';
import { QuotaNumber } from './quota-number';
import { readQuotaList } from './quota-list';

/** The resource types VPC's quota API reports (and takes as `type`), as it spells them. */
const VPC_QUOTA_TYPES = {
  vpc: 'VPCs',
  subnet: 'subnets',
  securityGroup: 'security groups',
  securityGroupRule: 'security group rules',
  publicIp: 'EIPs',
  vpn: 'VPNs',
  vpngw: 'VPN gateways',
  vpcPeer: 'VPC peering connections',
  loadbalancer: 'load balancers (shared ELB)',
  listener: 'listeners (shared ELB)',
  physicalConnect: 'Direct Connect connections',
  virtualInterface: 'virtual interfaces',
  firewall: 'firewalls (network ACLs)',
  shareBandwidth: 'shared bandwidths',
  shareBandwidthIP: 'EIPs added to shared bandwidths',
  address_group: 'IP address groups',
  flow_log: 'VPC flow logs',
  vpcContainRoutetable: 'route tables of one VPC',
  routetableContainRoutes: 'routes of one route table',
} as const;
type VpcQuotaType = keyof typeof VPC_QUOTA_TYPES;
const TYPE_NAMES = Object.keys(VPC_QUOTA_TYPES) as [VpcQuotaType, ...VpcQuotaType[]];

const VpcQuotaList = z.object({
  quotas: z.object({
    resources: z.array(z.object({ type: z.string(), quota: QuotaNumber, used: QuotaNumber, min: QuotaNumber.optional() })),
  }),
});

/**
 * VPC (also the EIP and shared ELB counts): errors come as `{code, message}`. A policy that does not allow the action
 * is `VPC.2201` (403); a project in the URL that is not the credentials' is `VPC.0007` (400).
 */
const VPC = defineService({
  host: 'vpc',
  envName: 'VPC',
  title: 'VPC',
  errors: {
    badRequest: { code: 'VPC.1207', status: 400 },
    forbidden: { code: 'VPC.0007', status: 400 },
    noPermission: { code: 'VPC.2201', status: 403 },
    notFound: { code: 'VPC.0007', status: 400 },
    internal: { code: 'VPC.0111', status: 500 },
  },
  errorBody: (code, message) => ({ code, message }),
});

const DEFAULT_QUOTAS: Record<VpcQuotaType, number> = {
  vpc: 150, subnet: 400, securityGroup: 100, securityGroupRule: 5000, publicIp: 10, vpn: 5, vpngw: 2, vpcPeer: 50, loadbalancer: 10,
  listener: 10, physicalConnect: 10, virtualInterface: 50, firewall: 200, shareBandwidth: 5, shareBandwidthIP: 20, address_group: 50,
  flow_log: 10, vpcContainRoutetable: 1, routetableContainRoutes: 200,
};
/** Usage of the built-in projects: the reference's example for cn-north-4, a dev project with its EIPs all taken. */
const DEFAULT_USAGE: Record<string, Partial<Record<VpcQuotaType, number>>> = {
  'cn-north-4': { vpc: 4, subnet: 5, securityGroup: 1, securityGroupRule: 6, publicIp: 2 },
  'cn-north-4_dev': { vpc: 2, subnet: 6, securityGroup: 4, securityGroupRule: 40, publicIp: 10, loadbalancer: 3, listener: 6 },
  'eu-west-101': {},
};

/** VPC `GET /v1/{project_id}/quotas[?type=]`: VPCs, subnets, security groups, EIPs, shared bandwidth and shared ELB. */
export const vpc = defineQuotaApi({
  name: 'vpc',
  method: 'vpcQuotas',
  title: 'VPC quotas',
  summary:
    'the VPC quotas of a project: `vpc`, `subnet`, `securityGroup`, `securityGroupRule`, `publicIp` (EIPs), shared bandwidth, and the shared load balancers and listeners',
  reference: 'https://support.huaweicloud.com/intl/en-us/api-vpc/vpc_quota_0001.html',
  service: VPC,
  scope: 'regional',
  path: '/v1/{project_id}/quotas',
  args: {
    /** One resource type (`publicIp`, `vpc`...); default all. */
    type: z.enum(TYPE_NAMES).optional().describe('One quota type (default: all)'),
  },
  quotaTypes: Object.fromEntries(TYPE_NAMES.map((type) => [type, { description: VPC_QUOTA_TYPES[type] }])),
  read: readQuotaList(VpcQuotaList, (args) => ({ type: args.type })),
  countedBy: {
    'huaweicloud:Vpc/vpc:Vpc': [{ type: 'vpc' }],
    'huaweicloud:Vpc/subnet:Subnet': [{ type: 'subnet' }],
    'huaweicloud:Vpc/secgroup:Secgroup': [{ type: 'securityGroup' }],
    'huaweicloud:Vpc/secgroupRule:SecgroupRule': [{ type: 'securityGroupRule' }],
    'huaweicloud:Vpc/eip:Eip': [{ type: 'publicIp' }],
    // Shared load balancers count in VPC; dedicated ones in ELB.
    'huaweicloud:Elb/loadbalancer:Loadbalancer': [{ type: 'loadbalancer' }],
    'huaweicloud:Elb/listener:Listener': [{ type: 'listener' }],
  },
  emulator: emulatorPart(() => ({
    level: 'project',
    stateKey: 'vpcQuotas',
    entry: z
      .object({
        /** The resource type, as VPC spells it. */
        type: z.enum(TYPE_NAMES),
        /** The quota; `-1`: no limit. */
        quota: z.number().int().min(-1),
        /** The usage. */
        used: z.number().int().nonnegative(),
        /** The lowest value the quota can be set to. Default 0. */
        min: z.number().int().nonnegative().default(0),
      })
      .strict(),
    defaults: (owner) => {
      const usage = DEFAULT_USAGE[owner];
      return usage ? TYPE_NAMES.map((type) => ({ type, quota: DEFAULT_QUOTAS[type], used: usage[type] ?? 0, min: 0 })) : [];
    },
    query: { type: (value) => Object.hasOwn(VPC_QUOTA_TYPES, value) },
    answer: (entries, request) => {
      const type = request.query.get('type');
      return { quotas: { resources: entries.filter((entry) => type === null || entry.type === type) } };
    },
  })),
  example: `const vpc = await quotas.getVpcQuotas({ region: 'cn-north-4', type: 'publicIp' });
export const eipsLeft = vpc.resources[0]?.headroom;`,
});
