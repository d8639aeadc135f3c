// A CrossGuard policy pack: `pulumi preview --policy-pack examples/policy`. Constructing the PolicyPack starts the
// analyzer's gRPC server, so it happens here, in the pack's own entry; the policies come from the library.
import { PolicyPack } from '@pulumi/policy';
// In this repository the pack uses the library's source. A pack of your own imports 'pulumi-huaweicloud-quotas/policy'.
import { quotaPolicies } from '../../provider/policy';

new PolicyPack('huaweicloud-quotas', {
  description: 'Huawei Cloud quotas: KMS keys, SFS Turbo file systems and capacity, IAM users, groups, agencies and projects.',
  // Credentials, region and endpoints come from the environment the Pulumi CLI runs in, and from each policy's config.
  policies: quotaPolicies().policies,
});
