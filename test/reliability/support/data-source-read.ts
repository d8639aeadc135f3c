import * as quotas from '../../../provider/index';
import type { ConnectionArgs } from '../../../provider/index';
import type { RunningEmulator } from '../../../provider/emulator';
import { projectsOf } from '../../emulator/harness';
import type { ReadName } from './result-shapes';

/** Every service's endpoint in the emulator's cn-north-4, as a program passes `endpoints`. */
export function emulatorEndpoints(emulator: RunningEmulator): NonNullable<ConnectionArgs['endpoints']> {
  return {
    iam: `${emulator.url}/iam/cn-north-4`,
    kms: `${emulator.url}/kms/cn-north-4`,
    'sfs-turbo': `${emulator.url}/sfs-turbo/cn-north-4`,
    metastudio: `${emulator.url}/metastudio/cn-north-4`,
  };
}

/**
 * The Promise form of the data source `name` (getAccountQuotas, getKmsQuotas...), with the project or account ID given,
 * so that no lookup comes before the read.
 */
export function readDataSource(name: ReadName, emulator: RunningEmulator, connection: ConnectionArgs, signal?: AbortSignal): Promise<unknown> {
  const projectId = projectsOf(emulator).main.id;
  const args = { region: 'cn-north-4', endpoints: emulatorEndpoints(emulator), ...connection, signal };
  switch (name) {
    case 'account':
      return quotas.getAccountQuotas({ ...args, domainId: emulator.state.accounts[0]!.id });
    case 'project':
      return quotas.getProjectQuotas({ ...args, projectId });
    case 'kms':
      return quotas.getKmsQuotas({ ...args, projectId });
    case 'sfs-turbo':
      return quotas.getSfsTurboQuotas({ ...args, projectId });
    case 'metastudio':
      return quotas.getMetaStudioUserQuotas({ ...args, projectId });
  }
}
