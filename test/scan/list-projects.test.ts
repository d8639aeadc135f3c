import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHuaweiCloudClient } from '../../provider/client';
import { defaultState, startEmulator, type RunningEmulator } from '../../provider/emulator';

let emulator: RunningEmulator;
beforeAll(async () => {
  const state = defaultState();
  state.accounts[0]!.projects.push({ ...structuredClone(state.accounts[0]!.projects[1]!), id: 'abababababababababababababababab', name: 'cn-north-4_old', enabled: false });
  emulator = await startEmulator({ state });
});
afterAll(() => emulator.stop());

it('lists every project of the account, signed, through the IAM endpoint, each time it is asked', async () => {
  const client = createHuaweiCloudClient({ env: emulator.env });
  try {
    const before = emulator.requests.projects;
    const projects = await client.listProjects();
    expect(projects).toEqual([
      { id: '0dea2644dc80d5d22ff1c01e3ebea6fc', name: 'cn-north-4', enabled: true },
      { id: '34bdce22bc00d4d4402427d1aa0ae49a', name: 'cn-north-4_dev', enabled: true },
      { id: 'fefd03d0f5479c9faf101287fbfd0e17', name: 'eu-west-101', enabled: true },
      { id: 'abababababababababababababababab', name: 'cn-north-4_old', enabled: false },
    ]);
    // Not cached: a long-running exporter sees projects come and go.
    await client.listProjects({ region: 'eu-west-101' });
    expect(emulator.requests.projects - before).toBe(2);
  } finally {
    await client.close();
  }
});

it('is refused after close(), unsent', async () => {
  const client = createHuaweiCloudClient({ env: emulator.env });
  await client.close();
  await expect(client.listProjects()).rejects.toMatchObject({ kind: 'closed' });
});
