import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { requireHeadroom, type QuotaRequirement } from 'pulumi-huaweicloud-quotas';

/**
 * A KMS key, declared by the Huawei Cloud provider's type token (its SDK is not on npm); with the provider's SDK this
 * is `new huaweicloud.dew.Key(name, { keyAlias })`.
 */
class KmsKey extends pulumi.CustomResource {
  constructor(name: string, args: { keyAlias: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super('huaweicloud:Dew/key:Key', name, args, opts);
  }
}

/** What this stack needs: the same file `hwquota check requirements.json` checks. */
const requirements = JSON.parse(readFileSync(join(__dirname, 'requirements.json'), 'utf8')) as QuotaRequirement[];
const keyCount = requirements.find((r) => r.service === 'kms' && r.type === 'CMK')?.need ?? 0;

export = async () => {
  // Stops the preview here, before any key is declared, when the keys would not fit.
  const checks = await requireHeadroom(requirements);
  const keys = Array.from({ length: keyCount }, (_, i) => new KmsKey(`app-key-${i + 1}`, { keyAlias: `alias/app-key-${i + 1}` }));
  return { cmkHeadroom: checks[0]?.headroom, keys: keys.map((key) => key.urn) };
};
