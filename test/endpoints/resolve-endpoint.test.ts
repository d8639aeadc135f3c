import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegion } from '../../provider/endpoints/region';
import { resolveEndpoint, resolveEndpoints } from '../../provider/endpoints/resolve-endpoint';

describe('resolveEndpoint', () => {
  const env = {};
  it('builds https://{service}.{region}.{cloud}, with the European domain for eu-west-1xx', () => {
    expect(resolveEndpoint('kms', 'cn-north-4', { env })).toBe('https://kms.cn-north-4.myhuaweicloud.com');
    expect(resolveEndpoint('sfs-turbo', 'eu-west-101', { env })).toBe('https://sfs-turbo.eu-west-101.myhuaweicloud.eu');
    expect(resolveEndpoint('metastudio', 'eu-west-0', { env })).toBe('https://metastudio.eu-west-0.myhuaweicloud.com');
    expect(resolveEndpoint('iam', 'ap-southeast-1', { env, cloud: 'example.cloud' })).toBe('https://iam.ap-southeast-1.example.cloud');
    expect(resolveEndpoint('iam', 'cn-north-4', { env: { HW_CLOUD: 'other.cloud' } })).toBe('https://iam.cn-north-4.other.cloud');
  });

  it('uses the global IAM endpoint without a region, and asks for a region for other services', () => {
    expect(resolveEndpoint('iam', undefined, { env })).toBe('https://iam.myhuaweicloud.com');
    expect(() => resolveEndpoint('kms', undefined, { env })).toThrow('region: kms needs a region; set the region option or HW_REGION_NAME');
  });

  it('takes overrides from the option, then the per-region variable; HUAWEICLOUD_SDK_IAM_ENDPOINT serves only ID look-ups', () => {
    const overrides = {
      HUAWEICLOUD_SDK_REGION_SFSTURBO_CN_NORTH_4: 'http://127.0.0.1:9000/sfs-turbo/cn-north-4/',
      HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4: 'http://127.0.0.1:9000/iam/cn-north-4',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: 'http://127.0.0.1:9000/iam',
    };
    expect(resolveEndpoint('sfs-turbo', 'cn-north-4', { env: overrides })).toBe('http://127.0.0.1:9000/sfs-turbo/cn-north-4');
    expect(resolveEndpoint('sfs-turbo', 'cn-north-4', { env: overrides, endpoints: { 'sfs-turbo': 'https://x.example.com/base' } })).toBe('https://x.example.com/base');
    expect(resolveEndpoint('iam', 'cn-north-4', { env: overrides })).toBe('http://127.0.0.1:9000/iam/cn-north-4');
    expect(resolveEndpoint('iam', 'cn-east-3', { env: overrides })).toBe('https://iam.cn-east-3.myhuaweicloud.com');
    expect(resolveEndpoint('iam', undefined, { env: overrides })).toBe('https://iam.myhuaweicloud.com');
    expect(resolveEndpoint('kms', 'cn-east-3', { env: overrides })).toBe('https://kms.cn-east-3.myhuaweicloud.com');
    // As the official SDKs use it: for the project and account ID look-ups, over the per-region variable.
    expect(resolveEndpoint('iam', 'cn-north-4', { env: overrides }, 'id-lookup')).toBe('http://127.0.0.1:9000/iam');
    expect(resolveEndpoint('iam', undefined, { env: overrides }, 'id-lookup')).toBe('http://127.0.0.1:9000/iam');
    expect(resolveEndpoint('iam', 'cn-north-4', { env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: 'iam.eu-west-101.myhuaweicloud.eu' } }, 'id-lookup')).toBe('https://iam.eu-west-101.myhuaweicloud.eu');
    expect(resolveEndpoint('iam', 'cn-north-4', { env: overrides, endpoints: { iam: 'https://own.example' } }, 'id-lookup')).toBe('https://own.example');
  });

  it('splits a per-region variable of several endpoints, in order', () => {
    const env = { HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4: 'https://ecs.cn-north-4.myhuaweicloud.com, https://ecs-backup.example/ecs/' };
    expect(resolveEndpoints('ecs', 'cn-north-4', { env })).toEqual(['https://ecs.cn-north-4.myhuaweicloud.com', 'https://ecs-backup.example/ecs']);
    expect(() => resolveEndpoints('ecs', 'cn-north-4', { env: { HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4: 'https://a.example,not a url' } })).toThrow(/^HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4: must be/);
  });

  it('reads the official regions file after the environment, any case of the service name, one or several endpoints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hwquota-regions-'));
    try {
      const file = join(dir, 'regions.yaml');
      writeFileSync(file, "ecs:\n  - id: cn-north-4\n    endpoint: 'https://ecs.from-file.example'\nVPC:\n  - id: cn-north-4\n    endpoints: ['https://vpc-a.example', 'https://vpc-b.example']\n");
      const env = { HUAWEICLOUD_SDK_REGIONS_FILE: file };
      expect(resolveEndpoints('ecs', 'cn-north-4', { env })).toEqual(['https://ecs.from-file.example']);
      expect(resolveEndpoints('vpc', 'cn-north-4', { env })).toEqual(['https://vpc-a.example', 'https://vpc-b.example']);
      expect(resolveEndpoints('ecs', 'cn-east-3', { env })).toEqual(['https://ecs.cn-east-3.myhuaweicloud.com']);
      expect(resolveEndpoints('ecs', 'cn-north-4', { env: { ...env, HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4: 'https://from-env.example' } })).toEqual(['https://from-env.example']);
      // The default place is the home the environment names.
      mkdirSync(join(dir, '.huaweicloud'));
      writeFileSync(join(dir, '.huaweicloud', 'regions.yaml'), "EVS:\n  - id: cn-north-4\n    endpoint: 'https://evs.home.example'\n");
      expect(resolveEndpoints('evs', 'cn-north-4', { env: { HOME: dir } })).toEqual(['https://evs.home.example']);
      // An entry without an endpoint is skipped, as the official SDKs skip it; a file that is not that shape is an error.
      const partial = join(dir, 'partial.yaml');
      writeFileSync(partial, "ECS:\n  - id: cn-north-4\n  - id: cn-east-3\n    endpoint: 'https://ecs.east.example'\n");
      expect(resolveEndpoints('ecs', 'cn-north-4', { env: { HUAWEICLOUD_SDK_REGIONS_FILE: partial } })).toEqual(['https://ecs.cn-north-4.myhuaweicloud.com']);
      expect(resolveEndpoints('ecs', 'cn-east-3', { env: { HUAWEICLOUD_SDK_REGIONS_FILE: partial } })).toEqual(['https://ecs.east.example']);
      const broken = join(dir, 'broken.yaml');
      writeFileSync(broken, 'ECS: {id: cn-north-4}\n');
      expect(() => resolveEndpoints('ecs', 'cn-north-4', { env: { HUAWEICLOUD_SDK_REGIONS_FILE: broken } })).toThrow(`HUAWEICLOUD_SDK_REGIONS_FILE: ${broken}: ECS must be a list of {id, endpoint} or {id, endpoints}`);
      expect(resolveEndpoints('ecs', 'cn-north-4', { env: { HUAWEICLOUD_SDK_REGIONS_FILE: join(dir, 'absent.yaml') } })).toEqual(['https://ecs.cn-north-4.myhuaweicloud.com']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad overrides and cloud domains, naming where they came from', () => {
    expect(() => resolveEndpoint('kms', 'cn-north-4', { env, endpoints: { kms: 'ftp://x' } })).toThrow(/^endpoints\.kms: must be an http/);
    expect(() => resolveEndpoint('kms', 'cn-north-4', { env: { HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: 'not a url' } })).toThrow(/^HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4: must be/);
    expect(() => resolveEndpoint('kms', 'cn-north-4', { env, endpoints: { kms: 'https://u:p@x.example.com' } })).toThrow('without credentials, query or fragment');
    expect(() => resolveEndpoint('kms', 'cn-north-4', { env, cloud: 'evil.com/path?' })).toThrow(/^cloud: must be a domain name/);
    // A host ending in a number is an IPv4 address to URLs: an invalid-argument error, not "Invalid URL".
    for (const [settings, field] of [[{ env, cloud: '1.2.3.4' }, 'cloud'], [{ env: { HW_CLOUD: 'x.123' } }, 'HW_CLOUD'], [{ env, cloud: 'example.0x1f' }, 'cloud']] as const) {
      expect(() => resolveEndpoint('kms', 'cn-north-4', settings)).toThrow(expect.objectContaining({ kind: 'invalid-argument', field, message: expect.stringContaining('its last label a name, not a number') }));
    }
  });
});

describe('checkRegion', () => {
  it.each(['cn-north-4', 'eu-west-101', 'ap-southeast-1', 'la-south-2', 'ru-northwest-2', 'cn-southwest-2'])('accepts %s', (region) => {
    expect(checkRegion('region', region)).toBe(region);
  });
  it.each(['', 'cn-north', 'CN-NORTH-4', 'cn-north-4.evil.com', 'cn-north-4/x', '../cn-north-4'])('refuses %j', (region) => {
    expect(() => checkRegion('region', region)).toThrow(/^region: must be a Huawei Cloud region ID such as cn-north-4 or eu-west-101/);
  });
});
