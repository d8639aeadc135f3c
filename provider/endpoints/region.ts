import { invalidArgument } from '../errors';
import { describeValue } from '../path-parameters';

// Huawei Cloud region IDs: `cn-north-4`, `eu-west-101`, `ap-southeast-1`, `la-south-2`, `ru-northwest-2`...
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,3}$/;

/** Checks a region ID before it goes into a host name. */
export function checkRegion(field: string, value: string): string {
  if (!REGION_PATTERN.test(value)) {
    throw invalidArgument(field, `must be a Huawei Cloud region ID such as cn-north-4 or eu-west-101; got ${describeValue(value)}`);
  }
  return value;
}

/** `eu-west-101` and the other `eu-west-1xx` regions live under the European cloud domain. */
export function defaultCloudDomain(region: string | undefined): string {
  return region && /^eu-west-1\d\d$/.test(region) ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
}

/** `cn-north-4` → `CN_NORTH_4`, as in the official SDKs' environment variable names. */
export function regionEnvName(region: string): string {
  return region.toUpperCase().replace(/-/g, '_');
}
