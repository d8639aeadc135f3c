// The local Huawei Cloud quota emulator (`pulumi-huaweicloud-quotas/emulator`): a real HTTP server for development,
// tests and demos without a cloud account. It must not import @pulumi/pulumi.
/**
 * `pulumi-huaweicloud-quotas/emulator`: a local stand-in for the Huawei Cloud quota APIs, behind a gateway that
 * checks signatures. `startEmulator()` is what `hwquota emulator` runs.
 *
 * @module pulumi-huaweicloud-quotas/emulator
 */
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './emulator/start-emulator';
export {
  EmulatorStateSchema,
  EmulatorAccountFields,
  EmulatorProjectFields,
  type EmulatorState,
  type EmulatorStateInput,
  type EmulatorAccount,
  type EmulatorUser,
  type EmulatorAccessKey,
  type EmulatorToken,
  type EmulatorProject,
  type EmulatorAccountInput,
  type EmulatorProjectInput,
  type EmulatorMetaStudioUser,
} from './emulator/state-schema';
export { ACCOUNT_QUOTA_TYPES as IAM_ACCOUNT_QUOTA_TYPES } from './apis/account-quota-types';
export { METASTUDIO_QUOTA_KEYS } from './apis/metastudio';
export { defaultState } from './emulator/default-state';
export { EmulatorStateError, parseEmulatorState, readStateFile } from './emulator/load-state';
export { FAULT_KINDS, FAULT_ROUTES, FaultSchema, type Fault, type FaultKind, type FaultRoute } from './emulator/faults';
export type { LatencyRange } from './emulator/latency';
export type { ThrottleLimits, ThrottledCounts } from './emulator/throttle';
export type { AccountQuotaLists, AccountQuotaListsInput, ProjectQuotaLists, ProjectQuotaListsInput } from './emulator/quota-lists';
export { LOOKUP_ROUTES, ROUTE_NAMES, type RouteName, type RequestCounts } from './emulator/router';
