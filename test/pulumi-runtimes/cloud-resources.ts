import type { RunningEmulator } from '../../provider/emulator';
import type { Properties } from './struct';

/**
 * The Huawei Cloud provider's resources, as far as quotas see them: the stand-in engine plays their provider, and
 * creating one raises the emulator's usage in its project, deleting it lowers it. A KMS key counts one `CMK`; an SFS
 * Turbo file system one of `shares` and its `size` of `capacity`, in its `region` (which forces replacement).
 */
export interface CloudResourceType {
  /** Input names whose change replaces the resource. */
  readonly replaceOn: readonly string[];
  create(inputs: Properties): void;
  delete(inputs: Properties): void;
}

export function cloudResourceTypes(emulator: RunningEmulator, defaultRegion: string): Record<string, CloudResourceType> {
  const usage = (region: string, list: 'kmsQuotas' | 'sfsTurboQuotas', type: string) => {
    const project = emulator.state.accounts[0]!.projects.find((candidate) => candidate.name === region);
    const quota = (project?.[list] as { type: string; used: number }[] | undefined)?.find((candidate) => candidate.type === type);
    if (!quota) throw new Error(`the emulator has no ${list} ${type} in ${region}`);
    return quota;
  };
  const regionOf = (inputs: Properties) => (typeof inputs.region === 'string' ? inputs.region : defaultRegion);
  return {
    'huaweicloud:Dew/key:Key': {
      replaceOn: ['region'],
      create: (inputs) => void (usage(regionOf(inputs), 'kmsQuotas', 'CMK').used += 1),
      delete: (inputs) => void (usage(regionOf(inputs), 'kmsQuotas', 'CMK').used -= 1),
    },
    'huaweicloud:Sfs/turbo:Turbo': {
      replaceOn: ['region'],
      create: (inputs) => {
        usage(regionOf(inputs), 'sfsTurboQuotas', 'shares').used += 1;
        usage(regionOf(inputs), 'sfsTurboQuotas', 'capacity').used += Number(inputs.size);
      },
      delete: (inputs) => {
        usage(regionOf(inputs), 'sfsTurboQuotas', 'shares').used -= 1;
        usage(regionOf(inputs), 'sfsTurboQuotas', 'capacity').used -= Number(inputs.size);
      },
    },
  };
}
