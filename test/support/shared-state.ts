import { sharedReads } from '../../provider/quota/read-cache';
import { sharedLookups } from '../../provider/scope/shared-lookups';

/** Starts a test with nothing read or looked up by an earlier one: the process-wide reads and ID lookups forgotten. */
export function clearSharedState(): void {
  sharedReads.clear();
  sharedLookups.clear();
}
