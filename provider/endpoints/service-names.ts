/** The Huawei Cloud services this package calls, as they appear in their endpoints' host names. */
export type ServiceName = 'iam' | 'kms' | 'sfs-turbo' | 'metastudio';

/** Every {@link ServiceName}: the keys of the `endpoints` option. */
export const SERVICE_NAMES: readonly ServiceName[] = ['iam', 'kms', 'sfs-turbo', 'metastudio'];

/** How the official SDKs spell a service in `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`. */
export const SERVICE_ENV_NAMES: Record<ServiceName, string> = {
  iam: 'IAM',
  kms: 'KMS',
  'sfs-turbo': 'SFSTURBO',
  metastudio: 'METASTUDIO',
};
