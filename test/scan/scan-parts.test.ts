import { describe, expect, it } from 'vitest';
import { QUOTA_SERVICES } from '../../provider/apis/quota-apis';
import { parseSelection, parseThresholds } from '../../provider/cli/scan-flags';
import { parseAdaptiveRateFlag, parseConcurrencyFlag } from '../../provider/cli/client-flags';
import { toQuotaResource } from '../../provider/quota/quota-resource';
import { cutPercent } from '../../provider/scan/percent-text';
import { byPressure } from '../../provider/scan/pressure-order';
import { regionOfProject, scannableProjects } from '../../provider/scan/project-regions';
import type { ScanRow } from '../../provider/scan/scan-result';
import { rowsOfRead } from '../../provider/scan/scan-rows';
import { scanTargets } from '../../provider/scan/scan-targets';
import { DEFAULT_THRESHOLDS, percentUsed, quotaStatus, scanExitCode } from '../../provider/scan/thresholds';

const row = (type: string, quota: number, used: number | null, extra: Partial<ScanRow> = {}): ScanRow => {
  const resource = toQuotaResource({ type, quota, used });
  const percent = percentUsed(resource.quota, resource.used);
  return { service: 'kms', type, quota: resource.quota, used: resource.used, headroom: resource.headroom, unlimited: resource.unlimited, percentUsed: percent, status: quotaStatus(resource, percent, DEFAULT_THRESHOLDS), ...extra };
};

describe('percent used and status', () => {
  it.each([
    [20, 15, 75, 'ok'],
    [20, 16, 80, 'warn'], // reaching --warn is ≥
    [100, 94.99, 94.99, 'warn'],
    [20, 19, 95, 'fail'], // reaching --fail is ≥
    [20, 25, 125, 'fail'], // over a lowered quota
    [100, 29, 29, 'ok'], // exact, not 28.999999999999996
  ])('quota %d, used %d: %d %% (%s)', (quota, used, percent, status) => {
    const scanned = row('CMK', quota, used);
    expect(scanned.percentUsed).toBe(percent);
    expect(scanned.status).toBe(status);
  });

  it('never shows unlimited quotas or unknown usage as 0 % or 100 %, and treats a quota of 0 on its own', () => {
    expect(row('keypairs', -1, 5)).toMatchObject({ percentUsed: null, status: 'unlimited', headroom: null });
    expect(row('mapping', 10, null)).toMatchObject({ percentUsed: null, status: 'unknown', headroom: null });
    expect(row('spot', 0, 0)).toMatchObject({ percentUsed: null, status: 'zero', headroom: 0 });
    expect(row('spot', 0, 2)).toMatchObject({ percentUsed: null, status: 'fail', headroom: -2 });
  });

  it('cuts percents rather than rounding them up to a threshold', () => {
    expect(cutPercent(94.99, 1)).toBe(94.9);
    expect(cutPercent(99.999, 2)).toBe(99.99);
    expect(cutPercent(29, 1)).toBe(29);
    expect(cutPercent((1 * 100) / 3, 2)).toBe(33.33);
  });
});

describe('pressure order and exit codes', () => {
  it('puts the highest percent first, over a quota of 0 above all, then zero, unknown and unlimited', () => {
    const rows = [row('a', -1, 1), row('b', 10, null), row('c', 10, 1), row('d', 0, 0), row('e', 10, 9), row('f', 0, 1), row('g', 10, 5)];
    expect(rows.sort(byPressure).map((scanned) => scanned.type)).toEqual(['f', 'e', 'g', 'c', 'd', 'b', 'a']);
  });

  it('breaks ties by service, region, project and type', () => {
    const rows = [row('x', 10, 5, { service: 'vpc', region: 'cn-north-4' }), row('y', 10, 5, { service: 'kms', region: 'eu-west-101' }), row('x', 10, 5, { service: 'kms', region: 'cn-north-4', projectName: 'cn-north-4_dev' }), row('x', 10, 5, { service: 'kms', region: 'cn-north-4', projectName: 'cn-north-4' })];
    expect(rows.sort(byPressure).map((scanned) => `${scanned.service} ${scanned.region} ${scanned.projectName ?? ''} ${scanned.type}`)).toEqual([
      'kms cn-north-4 cn-north-4 x',
      'kms cn-north-4 cn-north-4_dev x',
      'kms eu-west-101  y',
      'vpc cn-north-4  x',
    ]);
  });

  const failure = { status: 'error', kind: 'network', message: 'refused' } as const;
  it.each([
    ['all under --warn', [row('a', 10, 1)], [], 0],
    ['one at --warn', [row('a', 10, 1), row('b', 10, 8)], [], 3],
    ['one at --fail and one at --warn', [row('a', 10, 8), row('b', 10, 10)], [], 1],
    ['a failed read, with one at --fail', [row('a', 10, 10)], [failure], 2],
    ['a failed read alone', [], [failure], 2],
    ['unlimited, unknown and zero only', [row('a', -1, 5), row('b', 5, null), row('c', 0, 0)], [], 0],
  ] as const)('%s: exit %d', (_name, rows, failures, code) => {
    expect(scanExitCode({ rows, failures })).toBe(code);
  });
});

describe('projects and regions', () => {
  it.each([
    ['cn-north-4', 'cn-north-4'],
    ['cn-north-4_dev', 'cn-north-4'],
    ['eu-west-101_team_a', 'eu-west-101'],
    ['MOS', undefined],
    ['cn-north-4_', undefined],
    ['cn_north_4', undefined],
    ['', undefined],
  ])('the region of project %j is %j', (name, region) => {
    expect(regionOfProject(name)).toBe(region);
  });

  it('scans only enabled projects named after a region', () => {
    const listed = [
      { id: 'a', name: 'cn-north-4', enabled: true },
      { id: 'b', name: 'MOS', enabled: true },
      { id: 'c', name: 'cn-north-4_old', enabled: false },
      { id: 'd', name: 'cn-north-4_dev', enabled: true },
    ];
    expect(scannableProjects(listed)).toEqual([
      { id: 'a', name: 'cn-north-4', region: 'cn-north-4' },
      { id: 'd', name: 'cn-north-4_dev', region: 'cn-north-4' },
    ]);
  });

  it('reads account quotas once, project and regional ones per project, MetaStudio once per region it is offered in', () => {
    const projects = [
      { id: 'dev', name: 'cn-north-4_dev', region: 'cn-north-4' },
      { id: 'main', name: 'cn-north-4', region: 'cn-north-4' },
      { id: 'eu', name: 'eu-west-101', region: 'eu-west-101' },
    ];
    const targets = scanTargets(['account', 'project', 'kms', 'metastudio'], projects);
    const described = targets.map((target) => `${target.service} ${target.project?.id ?? '-'}`);
    // Taken in turn from each service and region, so that reads in flight spread over every endpoint's rate limit.
    expect(described).toEqual(['account -', 'project dev', 'project eu', 'kms dev', 'kms eu', 'metastudio main', 'project main', 'kms main']);
  });
});

describe('MetaStudio rows', () => {
  const resources = (quota: number, used: number) => [toQuotaResource({ type: 'video_time_2d_model', quota, used }), toQuotaResource({ type: 'voice_clone_basic', quota: -1, used })];
  it('gives one row per type: the user under the most pressure, with the number of users and the unit the definition knows', () => {
    const outcome = { region: 'cn-north-4', projectId: 'p', users: [{ userId: 'u1', resources: resources(60, 30) }, { userId: 'u2', resources: resources(60, 59.5) }, { userId: 'u3', resources: resources(-1, 100) }] };
    const rows = rowsOfRead({ service: 'metastudio' }, outcome, { video_time_2d_model: { unit: 'minutes' } }, DEFAULT_THRESHOLDS);
    expect(rows).toEqual([
      expect.objectContaining({ type: 'video_time_2d_model', userId: 'u2', users: 3, quota: 60, used: 59.5, unit: 'minutes', status: 'fail', region: 'cn-north-4', projectId: 'p' }),
      expect.objectContaining({ type: 'voice_clone_basic', users: 3, unlimited: true, percentUsed: null, status: 'unlimited' }),
    ]);
  });
});

describe('flags', () => {
  const env = { HW_REGION_NAME: 'cn-north-4' };
  it('defaults to the configured region, its own project and every API', () => {
    expect(parseSelection({}, env)).toEqual({ regions: ['cn-north-4'], projects: 'own', services: QUOTA_SERVICES });
    expect(parseSelection({ regions: 'all', projects: 'all', services: 'kms, ecs' }, {})).toEqual({ regions: 'all', projects: 'all', services: ['kms', 'ecs'] });
    expect(parseSelection({ services: 'account' }, {})).toEqual({ regions: [], projects: 'own', services: ['account'] });
    expect(parseSelection({ projects: 'cn-north-4_dev,eu-west-101' }, {})).toEqual({ regions: ['cn-north-4', 'eu-west-101'], projects: ['cn-north-4_dev', 'eu-west-101'], services: QUOTA_SERVICES });
  });

  it.each([
    [{}, {}, '--regions: no region given and HW_REGION_NAME is not set; pass --regions R[,R...] or --regions all'],
    [{ regions: 'cn_north_4' }, env, '--regions takes all, or region IDs separated by commas, such as cn-north-4,eu-west-101; got "cn_north_4"'],
    [{ regions: 'cn-north-4,' }, env, '--regions takes all, or region IDs separated by commas, such as cn-north-4,eu-west-101; got "cn-north-4,"'],
    [{ services: 'kms,ecss' }, env, `--services: unknown API "ecss" (did you mean "ecs"?); the APIs are ${QUOTA_SERVICES.join(', ')}`],
    [{ projects: 'MOS' }, env, '--projects takes all, or project names separated by commas, such as cn-north-4,cn-north-4_dev; "MOS" is not a project name (a region ID, or {region}_{name})'],
    [{ projects: 'eu-west-101_dev', regions: 'cn-north-4' }, env, '--projects: eu-west-101_dev is in eu-west-101, which --regions cn-north-4 leaves out'],
  ])('%j is refused: %s', (values, environment, message) => {
    expect(() => parseSelection(values, environment)).toThrow(message);
  });

  it('takes --warn and --fail as percents, --warn not above --fail', () => {
    expect(parseThresholds({})).toEqual({ warn: 80, fail: 95 });
    expect(parseThresholds({ warn: '50', fail: '99.5' })).toEqual({ warn: 50, fail: 99.5 });
    expect(() => parseThresholds({ warn: '96' })).toThrow('--warn (96) must not be above --fail (95)');
    expect(() => parseThresholds({ fail: '101' })).toThrow('--fail takes a percent used, a number from 0 to 100; got "101"');
    expect(() => parseThresholds({ warn: '80%' })).toThrow('--warn takes a percent used, a number from 0 to 100; got "80%"');
  });

  it('takes --concurrency from 1 to 64 and --adaptive-rate on or off', () => {
    expect(parseConcurrencyFlag(undefined)).toBe(8);
    expect(parseConcurrencyFlag('16')).toBe(16);
    expect(() => parseConcurrencyFlag('0')).toThrow('--concurrency takes a whole number from 1 to 64; got "0"');
    expect(parseAdaptiveRateFlag('off')).toEqual({ adaptiveRate: false });
    expect(parseAdaptiveRateFlag('on')).toEqual({});
    expect(() => parseAdaptiveRateFlag('no')).toThrow('--adaptive-rate takes on or off; got "no"');
  });
});
