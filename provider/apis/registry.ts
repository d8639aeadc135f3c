// Generated from the quota API definitions (provider/apis) by scripts/generate-from-registry.js; do not edit.
import { account } from './account';
import { ecs } from './ecs';
import { elb } from './elb';
import { evs } from './evs';
import { kms } from './kms';
import { metaStudio } from './metastudio';
import { project } from './project';
import { sfsTurbo } from './sfs-turbo';
import { vpc } from './vpc';

/** Every quota API this package reads, by file name. */
export const QUOTA_APIS = [account, ecs, elb, evs, kms, metaStudio, project, sfsTurbo, vpc] as const;
