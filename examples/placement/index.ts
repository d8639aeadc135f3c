import * as pulumi from '@pulumi/pulumi';
import { pickPlacement, type PlacementCandidate } from 'pulumi-huaweicloud-quotas';

/**
 * An SFS Turbo file system, declared by the Huawei Cloud provider's type token (its SDK is not on npm); with the
 * provider's SDK this is `new huaweicloud.sfs.Turbo(name, { ... })`.
 */
class SfsTurbo extends pulumi.CustomResource {
  constructor(name: string, args: { name: pulumi.Input<string>; size: pulumi.Input<number>; region: pulumi.Input<string>; shareProto: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super('huaweicloud:Sfs/turbo:Turbo', name, args, opts);
  }
}

const config = new pulumi.Config();
const sizeGb = config.getNumber('sizeGb') ?? 10;
const candidates = config.getObject<PlacementCandidate[]>('candidates') ?? [{ region: 'cn-north-4' }, { region: 'eu-west-101' }];
// Moving the file system to another region replaces it (its data with it): only when asked.
const allowMove = config.getBoolean('allowMove') ?? false;

export = async () => {
  // The first region, in order, with room for the file system; once placed, the stack stays there while that region
  // can take its growth (its own file system is already counted as its claim).
  const { candidate, checks } = await pickPlacement(
    candidates,
    [
      { service: 'sfs-turbo', type: 'shares', need: 1 },
      { service: 'sfs-turbo', type: 'capacity', need: sizeGb },
    ],
    { allowMove },
  );
  const fileSystem = new SfsTurbo('shared-files', { name: 'shared-files', size: sizeGb, region: candidate.region, shareProto: 'NFS' });
  return { region: candidate.region, capacityHeadroomGb: checks[1]?.headroom, fileSystem: fileSystem.urn };
};
