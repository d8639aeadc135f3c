'use strict';
const { createHash } = require('node:crypto');
const { defaultState } = require('pulumi-huaweicloud-quotas/emulator');

/** MetaStudio's regions among them, so that the scan reads it too (cn-north-4 and cn-east-3). */
const SCAN_REGIONS = ['cn-north-4', 'cn-east-3', 'eu-west-101'];

/**
 * The emulator state the scan reads: the built-in account with `projectsPerRegion` projects in each of three regions
 * (the region's own and sub-projects), every API's quotas left to the emulator's defaults.
 */
function scanState({ projectsPerRegion }) {
  const state = defaultState();
  const [account] = state.accounts;
  for (const region of SCAN_REGIONS) {
    let main = account.projects.find((project) => project.name === region);
    if (!main) {
      main = { id: projectId(`${region}-main`), name: region, region };
      account.projects.push(main);
    }
    const count = account.projects.filter((project) => project.region === region).length;
    for (let index = count; index < projectsPerRegion; index++) {
      account.projects.push({ id: projectId(`${region}-${index}`), name: `${region}_scan${String(index).padStart(3, '0')}`, region, parentId: main.id });
    }
  }
  return state;
}

const projectId = (seed) => createHash('sha256').update(`bench-scan-${seed}`).digest('hex').slice(0, 32);

module.exports = { scanState, SCAN_REGIONS };
