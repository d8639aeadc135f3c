import * as pulumi from '@pulumi/pulumi';
import { QuotaGuard } from 'pulumi-huaweicloud-quotas';

/** A KMS key, by the Huawei Cloud provider's type token; the stand-in engine plays its provider. */
class KmsKey extends pulumi.CustomResource {
  constructor(name: string, args: { keyAlias: string }, opts?: pulumi.CustomResourceOptions) {
    super('huaweicloud:Dew/key:Key', name, args, opts);
  }
}

const config = new pulumi.Config();
const keys = config.requireNumber('keys');
// With `unknownNeed`, the need waits on a resource being created: unknown during its preview.
const marker = config.getBoolean('unknownNeed') ? new KmsKey('marker', { keyAlias: 'alias/marker' }) : undefined;
const need = marker ? marker.id.apply(() => keys) : keys;

const requirement = pulumi.output(need).apply((amount) => ({ service: 'kms' as const, type: 'CMK', need: amount }));
const guard = new QuotaGuard('kms-headroom', { requirements: [requirement] });
for (let i = 1; i <= keys; i++) new KmsKey(`key-${i}`, { keyAlias: `alias/key-${i}` }, { dependsOn: [guard] });

export const claims = guard.claims;
