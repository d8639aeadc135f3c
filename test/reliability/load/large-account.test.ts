import { afterEach, describe, expect, it } from 'vitest';
import { generateMetaStudioUsers } from '../../../provider/apis/metastudio-users';
import { main } from '../../../provider/cli/hwquota';
import { defaultState, startEmulator, type RunningEmulator } from '../../../provider/emulator';

// A large account: 20,000 MetaStudio users, 160,000 rows in `hwquota get metastudio`'s table.

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe('a large account', () => {
  it('hwquota get metastudio prints a table of 20,000 users', async () => {
    const state = defaultState();
    state.accounts[0]!.metaStudioUsers = generateMetaStudioUsers(20_000, 7);
    emulator = await startEmulator({ state });
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: emulator.env, color: false };
    const code = await main(['get', 'metastudio', '--output', 'table'], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/, 20000 users$/);
    // The title, the header, and one row per user and quota the user has.
    expect(lines.length).toBeGreaterThan(2 + 20_000);
  });
});
