import { closestNames, editDistance } from '../closest-name';

/**
 * Huawei Cloud's public regions, as the official SDKs list them (`services/iam/v3/region` of huaweicloud-sdk-go-v3).
 * Only for suggestions: a region missing here (a new one) is still used as given.
 */
export const KNOWN_REGIONS: readonly string[] = [
  'af-south-1', 'ae-ad-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'cn-east-2', 'cn-east-3',
  'cn-east-4', 'cn-east-5', 'cn-north-1', 'cn-north-2', 'cn-north-4', 'cn-north-9', 'cn-north-12', 'cn-south-1', 'cn-south-2',
  'cn-southwest-2', 'eu-west-0', 'eu-west-101', 'la-north-2', 'la-south-2', 'me-east-1', 'my-kualalumpur-1', 'na-mexico-1',
  'ru-moscow-1', 'sa-brazil-1', 'tr-west-1',
];

/** ` "cn-nort-4" is not a Huawei Cloud region (did you mean "cn-north-4"?)`, or nothing for a known region. */
export function unknownRegionHint(region: string): string {
  if (KNOWN_REGIONS.includes(region)) return '';
  // Only the closest: `cn-nort-4` is one edit from cn-north-4 and two from cn-north-1, which would only distract.
  const close = closestNames(region, KNOWN_REGIONS);
  const closest = close.filter((name) => editDistance(region, name) === editDistance(region, close[0] ?? ''));
  const suggestion = closest.length > 0 ? ` (did you mean ${closest.map((name) => JSON.stringify(name)).join(' or ')}?)` : '';
  return `${JSON.stringify(region)} is not a Huawei Cloud region${suggestion}`;
}
