import { z } from 'zod';
import { toQuotaResource } from '../quota/quota-resource';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { defineService } from './endpoint-service';
import { QuotaNumber } from './quota-number';
import type { QuotaList } from './quota-list';

/** The totals EVS reports in every region; per-type keys (`volumes_SSD`, `gigabytes_GPSSD`...) vary by region. */
const EVS_TOTALS = {
  volumes: { description: 'disks' },
  gigabytes: { description: 'capacity of all disks and snapshots', unit: 'GiB' },
  snapshots: { description: 'snapshots' },
  backups: { description: 'backups' },
  backup_gigabytes: { description: 'capacity of all backups', unit: 'GiB' },
  per_volume_gigabytes: { description: 'size of one disk', unit: 'GiB' },
} as const;

const PER_TYPE = /^(volumes|gigabytes|snapshots)_[A-Za-z0-9]{1,32}$/;

const QuotaDetail = z.object({ in_use: QuotaNumber, limit: QuotaNumber, reserved: QuotaNumber.optional(), allocated: QuotaNumber.optional() });
const QuotaSet = z.object({ quota_set: z.object({ id: z.string().optional() }).catchall(QuotaDetail) });

/**
 * EVS: errors come as `{error: {code, message}}` (sometimes `{badrequest: {...}}`). A policy that does not allow the
 * action is `EVS.5403` (403); a project it does not know is `EVS.0001`, invalid tenant (400).
 */
const EVS = defineService({
  host: 'evs',
  envName: 'EVS',
  title: 'EVS',
  errors: {
    badRequest: { code: 'EVS.5400', status: 400 },
    forbidden: { code: 'EVS.0001', status: 400 },
    noPermission: { code: 'EVS.5403', status: 403 },
    notFound: { code: 'EVS.0001', status: 400 },
    internal: { code: 'EVS.2002', status: 500 },
  },
  errorBody: (code, message) => ({ error: { code, message } }),
});

type Entry = { type: string; limit: number; in_use: number; reserved: number };
const entry = (type: string, limit: number, in_use: number, reserved = 0): Entry => ({ type, limit, in_use, reserved });

/** The built-in quotas: totals and the SSD, SAS and GPSSD types; the dev project has disks being created (reserved). */
const DEFAULTS: Record<string, Entry[]> = {
  'cn-north-4': [
    entry('volumes', 200, 108), entry('gigabytes', 42_790, 2_792), entry('snapshots', 10, 6), entry('backups', 100, 10),
    entry('backup_gigabytes', 5_120, 51), entry('per_volume_gigabytes', 32_768, 0),
    entry('volumes_SSD', -1, 28), entry('gigabytes_SSD', -1, 21), entry('volumes_SAS', -1, 80), entry('gigabytes_SAS', -1, 2_771),
    entry('volumes_GPSSD', -1, 0), entry('gigabytes_GPSSD', -1, 0),
  ],
  'cn-north-4_dev': [
    entry('volumes', 50, 44, 4), entry('gigabytes', 4_000, 3_600, 200), entry('snapshots', 10, 0), entry('backups', 100, 0),
    entry('backup_gigabytes', 5_120, 0), entry('per_volume_gigabytes', 32_768, 0),
    entry('volumes_SSD', 20, 20), entry('gigabytes_SSD', 2_000, 1_800, 100), entry('volumes_GPSSD', -1, 24, 4), entry('gigabytes_GPSSD', -1, 1_800, 100),
  ],
  'eu-west-101': [entry('volumes', 200, 0), entry('gigabytes', 42_790, 0), entry('snapshots', 10, 0), entry('backups', 100, 0), entry('backup_gigabytes', 5_120, 0), entry('per_volume_gigabytes', 32_768, 0)],
};

/**
 * EVS `GET /v2/{project_id}/os-quota-sets/{target_project_id}?usage=True`: disks, capacity, snapshots and backups, in
 * total and per disk type. `used` is `in_use + reserved` (disks being created hold quota too).
 */
export const evs = defineQuotaApi({
  name: 'evs',
  method: 'evsQuotas',
  title: 'EVS quotas',
  summary:
    'the EVS quotas of a project: `volumes`, `gigabytes` (GiB), `snapshots`, `backups` and the per-type keys such as `volumes_SSD` and `gigabytes_GPSSD`; `used` counts what is in use and what is reserved',
  reference: 'https://support.huaweicloud.com/intl/en-us/api-evs/evs_04_2073.html',
  service: EVS,
  scope: 'regional',
  path: '/v2/{project_id}/os-quota-sets/{target_project_id}',
  // The quotas of the project itself: the target is the same project.
  pathParameters: (scope) => ({ target_project_id: scope.projectId! }),
  args: {},
  quotaTypes: EVS_TOTALS,
  quotaTypePattern: { pattern: PER_TYPE, description: 'volumes_<TYPE>, gigabytes_<TYPE>, snapshots_<TYPE> (TYPE such as SSD, SAS, GPSSD, ESSD)' },
  read: async (call): Promise<QuotaList> => {
    const { quota_set: quotaSet } = call.parse(QuotaSet, await call.get({ usage: 'True' }));
    return {
      resources: Object.entries(quotaSet)
        .filter((pair): pair is [string, z.output<typeof QuotaDetail>] => pair[0] !== 'id')
        .map(([type, detail]) =>
          toQuotaResource({
            type,
            quota: detail.limit,
            used: detail.in_use === -1 ? null : detail.in_use + (detail.reserved ?? 0),
            ...(type.startsWith('gigabytes') || type.endsWith('_gigabytes') ? { unit: 'GiB' } : {}),
          }),
        ),
    };
  },
  countedBy: {
    // In total and per disk type (`volumes_SSD`, `gigabytes_SSD`).
    'huaweicloud:Evs/volume:Volume': [
      { type: 'volumes' },
      { type: 'gigabytes', amountFrom: 'size' },
      { type: 'volumes', typeSuffixFrom: 'volumeType' },
      { type: 'gigabytes', amountFrom: 'size', typeSuffixFrom: 'volumeType' },
    ],
    // An instance's system disk, and each of its data disks.
    'huaweicloud:Ecs/instance:Instance': [
      { type: 'volumes' },
      { type: 'gigabytes', amountFrom: 'systemDiskSize' },
      { type: 'volumes', typeSuffixFrom: 'systemDiskType' },
      { type: 'gigabytes', amountFrom: 'systemDiskSize', typeSuffixFrom: 'systemDiskType' },
      { type: 'volumes', each: 'dataDisks' },
      { type: 'gigabytes', each: 'dataDisks', amountFrom: 'size' },
      { type: 'volumes', each: 'dataDisks', typeSuffixFrom: 'type' },
      { type: 'gigabytes', each: 'dataDisks', amountFrom: 'size', typeSuffixFrom: 'type' },
    ],
  },
  emulator: emulatorPart(() => ({
    level: 'project',
    stateKey: 'evsQuotas',
    entry: z
      .object({
        /** A total (`volumes`, `gigabytes`...) or a per-type key (`volumes_SSD`). */
        type: z.string().refine((type) => Object.hasOwn(EVS_TOTALS, type) || PER_TYPE.test(type), 'must be an EVS quota key such as volumes, gigabytes or volumes_SSD'),
        /** The quota; `-1`: no limit. */
        limit: z.number().int().min(-1),
        /** What is in use. */
        in_use: z.number().int().nonnegative(),
        /** What is being created (held, not yet in use). Default 0. */
        reserved: z.number().int().nonnegative().default(0),
      })
      .strict(),
    defaults: (owner) => DEFAULTS[owner] ?? [],
    query: { usage: (value) => value === 'True' },
    refuse: (request) => {
      if (request.params.target_project_id !== request.params.project_id) return request.error('forbidden', 'invalid tenant id!: the target project is not the project of the request');
      return request.query.get('usage') === 'True' ? undefined : request.error('badRequest', 'Malformed request url: usage=True is required');
    },
    answer: (entries, request) => ({
      quota_set: Object.fromEntries([
        ['id', request.params.project_id],
        ...entries.map(({ type, limit, in_use, reserved }) => [type, { in_use, limit, reserved }]),
      ]),
    }),
  })),
  example: `const evs = await quotas.getEvsQuotas({ region: 'cn-north-4' });
const ssd = evs.resources.find((r) => r.type === 'gigabytes_SSD');
export const ssdGigabytesLeft = ssd?.unlimited ? 'unlimited' : ssd?.headroom;`,
});
