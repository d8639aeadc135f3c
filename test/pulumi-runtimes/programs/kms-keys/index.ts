import * as pulumi from '@pulumi/pulumi';
import { requireHeadroom } from 'pulumi-huaweicloud-quotas';

/** A KMS key, by the Huawei Cloud provider's type token; the stand-in engine plays its provider. */
class KmsKey extends pulumi.CustomResource {
  constructor(name: string, args: { keyAlias: string }) {
    super('huaweicloud:Dew/key:Key', name, args);
  }
}

const keys = new pulumi.Config().requireNumber('keys');

export = async () => {
  const checks = await requireHeadroom([{ service: 'kms', type: 'CMK', need: keys }]);
  for (let i = 1; i <= keys; i++) new KmsKey(`key-${i}`, { keyAlias: `alias/key-${i}` });
  return { checks };
};
