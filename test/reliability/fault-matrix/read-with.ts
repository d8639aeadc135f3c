import type { QuotaClient } from '../../../provider/client';
import type { ReadName } from '../support/result-shapes';

/** The read of `name` through a quota client, with every scope from the client's environment (no lookups). */
export function readWith(client: QuotaClient, name: ReadName): Promise<unknown> {
  switch (name) {
    case 'account':
      return client.accountQuotas();
    case 'project':
      return client.projectQuotas();
    case 'kms':
      return client.kmsQuotas();
    case 'sfs-turbo':
      return client.sfsTurboQuotas();
    case 'metastudio':
      return client.metaStudioUserQuotas();
  }
}
