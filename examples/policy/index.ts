// A CrossGuard policy pack: `pulumi preview --policy-pack examples/policy`. Constructing the PolicyPack starts the
// analyzer's gRPC server, so it happens here, in the pack's own entry; the policies come from the library.
import { PolicyPack } from '@pulumi/policy';
import { quotaPolicies } from 'pulumi-huaweicloud-quotas/policy';

new PolicyPack('huaweicloud-quotas', {
  description: 'Huawei Cloud quotas: KMS keys, SFS Turbo file systems and capacity, IAM users, groups, agencies and projects.',
  // Credentials, region and endpoints come from the environment the Pulumi CLI runs in, and from each policy's config.
  policies: quotaPolicies().policies,
});
