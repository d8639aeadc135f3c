// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import type { QuotaApiEntry, ServiceEntry } from './quota-apis';

/**
 * What is known of each quota API before its first read: its names, scope, service and quota types, and where its
 * whole definition is (`loadQuotaApi` loads it), so that a process loads only the APIs it reads.
 */
export const QUOTA_API_CATALOG: readonly QuotaApiEntry[] = [
  {
    name: 'account',
    method: 'accountQuotas',
    title: 'IAM account quotas',
    scope: 'account',
    service: 'iam',
    quotaTypes: ['user', 'group', 'idp', 'agency', 'policy', 'assigment_group_mp', 'assigment_agency_mp', 'assigment_group_ep', 'assigment_user_ep', 'mapping'],
    definedIn: { file: 'account', constant: 'account' },
  },
  {
    name: 'ecs',
    method: 'ecsQuotas',
    title: 'ECS quotas',
    scope: 'regional',
    service: 'ecs',
    quotaTypes: ['instances', 'cores', 'ram', 'spotInstances', 'spotCores', 'spotRam', 'serverGroups', 'floatingIps', 'securityGroups', 'securityGroupRules', 'serverGroupMembers', 'keypairs', 'serverMeta', 'imageMeta', 'personality', 'personalitySize'],
    definedIn: { file: 'ecs', constant: 'ecs' },
  },
  {
    name: 'elb',
    method: 'elbQuotas',
    title: 'ELB quotas',
    scope: 'regional',
    service: 'elb',
    quotaTypes: ['loadbalancer', 'listener', 'pool', 'member', 'healthmonitor', 'l7policy', 'certificate', 'security_policy', 'ipgroup', 'ipgroup_bindings', 'ipgroup_max_length', 'ipgroups_per_listener', 'listeners_per_loadbalancer', 'listeners_per_pool', 'members_per_pool', 'condition_per_policy', 'pools_per_l7policy', 'l7policies_per_listener', 'free_instance_members_per_pool', 'free_instance_listeners_per_loadbalancer'],
    definedIn: { file: 'elb', constant: 'elb' },
  },
  {
    name: 'evs',
    method: 'evsQuotas',
    title: 'EVS quotas',
    scope: 'regional',
    service: 'evs',
    quotaTypes: ['volumes', 'gigabytes', 'snapshots', 'backups', 'backup_gigabytes', 'per_volume_gigabytes'],
    quotaTypePattern: { pattern: /^(volumes|gigabytes|snapshots)_[A-Za-z0-9]{1,32}$/, description: 'volumes_<TYPE>, gigabytes_<TYPE>, snapshots_<TYPE> (TYPE such as SSD, SAS, GPSSD, ESSD)' },
    definedIn: { file: 'evs', constant: 'evs' },
  },
  {
    name: 'kms',
    method: 'kmsQuotas',
    title: 'KMS quotas',
    scope: 'regional',
    service: 'kms',
    quotaTypes: ['CMK', 'grant_per_CMK'],
    definedIn: { file: 'kms', constant: 'kms' },
  },
  {
    name: 'metastudio',
    method: 'metaStudioUserQuotas',
    title: 'MetaStudio user quotas',
    scope: 'regional',
    service: 'metastudio',
    quotaTypes: ['modeling_count_2d_model', 'modeling_count_2d_model_flexus', 'video_time_2d_model', 'video_time_flexus_2d_model', 'voice_clone_basic', 'voice_clone_middle', 'voice_clone_advance', 'voice_clone_flexus'],
    perUser: true,
    definedIn: { file: 'metastudio', constant: 'metaStudio' },
  },
  {
    name: 'project',
    method: 'projectQuotas',
    title: 'IAM project quotas',
    scope: 'project',
    service: 'iam',
    quotaTypes: ['project'],
    definedIn: { file: 'project', constant: 'project' },
  },
  {
    name: 'sfs-turbo',
    method: 'sfsTurboQuotas',
    title: 'SFS Turbo quotas',
    scope: 'regional',
    service: 'sfs-turbo',
    quotaTypes: ['shares', 'capacity'],
    definedIn: { file: 'sfs-turbo', constant: 'sfsTurbo' },
  },
  {
    name: 'vpc',
    method: 'vpcQuotas',
    title: 'VPC quotas',
    scope: 'regional',
    service: 'vpc',
    quotaTypes: ['vpc', 'subnet', 'securityGroup', 'securityGroupRule', 'publicIp', 'vpn', 'vpngw', 'vpcPeer', 'loadbalancer', 'listener', 'physicalConnect', 'virtualInterface', 'firewall', 'shareBandwidth', 'shareBandwidthIP', 'address_group', 'flow_log', 'vpcContainRoutetable', 'routetableContainRoutes'],
    definedIn: { file: 'vpc', constant: 'vpc' },
  },
];

/** The services the APIs are called at, IAM first (the ID look-ups need it), with their endpoint facts. */
export const SERVICE_CATALOG: readonly ServiceEntry[] = [
  { host: 'iam', envName: 'IAM', title: 'IAM' },
  { host: 'ecs', envName: 'ECS', title: 'ECS' },
  { host: 'elb', envName: 'ELB', title: 'ELB' },
  { host: 'evs', envName: 'EVS', title: 'EVS' },
  { host: 'kms', envName: 'KMS', title: 'KMS' },
  { host: 'metastudio', envName: 'METASTUDIO', title: 'MetaStudio', regions: ['cn-north-4', 'cn-east-3', 'ap-southeast-3'] },
  { host: 'sfs-turbo', envName: 'SFSTURBO', title: 'SFS Turbo' },
  { host: 'vpc', envName: 'VPC', title: 'VPC' },
];
