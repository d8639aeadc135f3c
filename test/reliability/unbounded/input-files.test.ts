import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../provider/cli/hwquota';
import { createQuotaClient } from '../../../provider/quota-client';
import { startEmulator, type RunningEmulator } from '../../../provider/emulator';

// Files the package reads (requirement files, the credentials profile) are read only when they are regular files of
// at most 1 MiB: a FIFO with no writer, /dev/zero or a 25 MB list must not hang or exhaust the process.

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

const dir = mkdtempSync(join(tmpdir(), 'hwquota-files-'));
const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);

async function check(path: string) {
  let stdout = '';
  let stderr = '';
  const before = Object.values(emulator.requests).reduce((sum, count) => sum + count, 0);
  const code = await main(['check', path], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: emulator.env, color: false });
  const sent = Object.values(emulator.requests).reduce((sum, count) => sum + count, 0) - before;
  return { code, stdout, stderr, sent };
}

describe('requirement files', () => {
  it('over 1 MiB: refused before any request, naming the limit, exit 2', async () => {
    const big = join(dir, 'big.yaml');
    const entry = '- {service: kms, type: CMK, need: 1, region: cn-north-4}\n';
    writeFileSync(big, entry.repeat(Math.ceil((1024 * 1024 + 1) / entry.length)));
    const result = await check(big);
    expect(result).toMatchObject({ code: 2, sent: 0 });
    expect(result.stderr).toContain(big);
    expect(result.stderr).toMatch(/larger than 1 MiB/);
  });

  it.each([
    ['a FIFO with no writer', fifo],
    ['a device', '/dev/zero'],
    ['a directory', dir],
  ])('%s: refused at once as not a regular file, exit 2', async (_, path) => {
    const result = await check(path);
    expect(result).toMatchObject({ code: 2, sent: 0 });
    expect(result.stderr).toMatch(/not a regular file/);
  }, 10_000);
});

describe('the credentials profile file', () => {
  it('a FIFO is passed over as unreadable, not read', async () => {
    const client = createQuotaClient({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: fifo, HW_REGION_NAME: 'cn-north-4', HWQUOTA_METADATA_URL: 'off' } });
    try {
      await expect(client.kmsQuotas()).rejects.toMatchObject({ kind: 'missing-credentials', message: expect.stringContaining(`the profile file ${fifo} (unreadable: not a regular file)`) });
    } finally {
      await client.close();
    }
  }, 10_000);
});
