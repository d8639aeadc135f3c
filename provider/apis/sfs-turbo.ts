import { z } from 'zod';
import { QuotaNumber } from './quota-number';
import { defineQuotaApi } from './api-definition';
import { emulatorPart } from './emulator-part';
import { defineService } from './endpoint-service';
import { readQuotaList } from './quota-list';

const SfsTurboQuotaList = z.object({
  quotas: z.object({
    resources: z.array(z.object({ type: z.string(), quota: QuotaNumber, used: QuotaNumber, unit: z.string().optional() })),
  }),
});

const Count = z.number().int().nonnegative();

/** SFS Turbo: errors come as `{errCode, errMsg}`; no permission is `SFS.TURBO.0015` with 400, as its error-code page says. */
const SFS_TURBO = defineService({
  host: 'sfs-turbo',
  envName: 'SFSTURBO',
  title: 'SFS Turbo',
  errors: {
    badRequest: { code: 'SFS.TURBO.0001', status: 400 },
    forbidden: { code: 'SFS.TURBO.0015', status: 400 },
    noPermission: { code: 'SFS.TURBO.0015', status: 400 },
    notFound: { code: 'SFS.TURBO.0002', status: 404 },
    internal: { code: 'SFS.TURBO.0005', status: 500 },
  },
  errorBody: (code, message) => ({ errCode: code, errMsg: message }),
});

/** SFS Turbo `GET /v1/{project_id}/sfs-turbo/quotas`: file systems and capacity. */
export const sfsTurbo = defineQuotaApi({
  name: 'sfs-turbo',
  method: 'sfsTurboQuotas',
  title: 'SFS Turbo quotas',
  summary: 'the SFS Turbo quotas of a project: `shares` (file systems) and `capacity` (GB)',
  reference: 'SFS Turbo API reference, "Querying Tenant Quotas"',
  service: SFS_TURBO,
  scope: 'regional',
  path: '/v1/{project_id}/sfs-turbo/quotas',
  args: {},
  quotaTypes: {
    shares: { description: 'file systems' },
    capacity: { description: 'total size of the file systems', unit: 'GB' },
  },
  read: readQuotaList(SfsTurboQuotaList),
  countedBy: {
    'huaweicloud:Sfs/turbo:Turbo': [{ type: 'shares' }, { type: 'capacity', amountFrom: 'size' }],
  },
  emulator: emulatorPart(() => ({
    level: 'project',
    stateKey: 'sfsTurboQuotas',
    entry: z
      .object({
        /** `shares` (file systems) or `capacity`. */
        type: z.enum(['shares', 'capacity']),
        /** The quota. */
        quota: Count,
        /** The usage. */
        used: Count,
        /** The unit of `quota` and `used`, such as `GB` for `capacity`. */
        unit: z.string().min(1).optional(),
      })
      .strict(),
    defaults: (owner) => {
      const used = { 'cn-north-4': [5, 0], 'cn-north-4_dev': [1, 4], 'eu-west-101': [0, 0] }[owner];
      if (!used) return [];
      return [
        { type: 'shares', quota: 400, used: used[0]! },
        { type: 'capacity', quota: 20, used: used[1]!, unit: 'GB' },
      ];
    },
    // Its reference makes `Content-Type` mandatory: a request without a JSON one is a parameter error.
    refuse: (request) => {
      const contentType = request.header('content-type');
      if (contentType && /^application\/json\s*(;|$)/i.test(contentType)) return undefined;
      return request.error('badRequest', 'parameter error: the Content-Type header is mandatory (application/json)');
    },
    answer: (entries) => ({ quotas: { resources: entries } }),
  })),
  example: `const sfs = quotas.getSfsTurboQuotasOutput({ region: 'cn-north-4' });
export const sharesLeft = sfs.apply((r) => r.resources.find((q) => q.type === 'shares')?.headroom);`,
});
