import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultState, startEmulator, type RunningEmulator } from '../../provider/emulator';

// Each example runs as `pulumi preview` would, in its own process: resources mocked (preview mode), quota reads real,
// against the emulator.
const root = join(__dirname, '..', '..');
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => {
  emulator.state.accounts = defaultState().accounts;
});

interface Run {
  code: number;
  ok: boolean;
  registered: { type: string; name: string }[];
  outputs?: Record<string, unknown>;
  error?: string;
}

function runExample(example: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(root, 'examples/run-offline.js'), join(root, 'examples', example), '--json'], { cwd: root, env: { PATH: process.env.PATH, ...emulator.env } }, (error, stdout, stderr) => {
      try {
        resolve({ code: error ? Number(error.code) : 0, ...(JSON.parse(stdout) as Omit<Run, 'code'>) });
      } catch {
        reject(new Error(`no result from ${example}: ${stdout}${stderr}`));
      }
    });
  });
}

const project = () => emulator.state.accounts[0]!.projects;

describe('examples/preflight', () => {
  it('stops before any KMS key when CMK headroom is short, with the shortfall table', async () => {
    const run = await runExample('preflight');
    expect(run).toMatchObject({ code: 1, ok: false, registered: [] });
    expect(run.error).toMatch(/short for 1 of 1 requirement:\nSERVICE\s+SCOPE\s+TYPE\s+NEED\s+HEADROOM\s+SHORTFALL\s+STATUS\nkms\s+kms cn-north-4 project \S+\s+CMK\s+3\s+0\s+3\s+SHORT/);
  });

  it('declares the keys when there is room', async () => {
    project()[0]!.kmsQuotas[0]!.used = 17;
    const run = await runExample('preflight');
    expect(run).toMatchObject({ code: 0, ok: true, outputs: { cmkHeadroom: 3 } });
    expect(run.registered.map((r) => `${r.type} ${r.name}`)).toEqual([1, 2, 3].map((i) => `huaweicloud:Dew/key:Key app-key-${i}`));
  });
});

describe('examples/placement', () => {
  it('chooses the first region with SFS Turbo capacity', async () => {
    project()[0]!.sfsTurboQuotas[1]!.used = 15;
    const run = await runExample('placement');
    expect(run).toMatchObject({ code: 0, outputs: { region: 'eu-west-101', capacityHeadroomGb: 20 } });
    expect(run.registered).toEqual([{ type: 'huaweicloud:Sfs/turbo:Turbo', name: 'shared-files' }]);
  });

  it('fails with a table per candidate when no region has room, creating nothing', async () => {
    for (const p of project()) p.sfsTurboQuotas[1]!.used = 15;
    const run = await runExample('placement');
    expect(run).toMatchObject({ code: 1, registered: [] });
    expect(run.error).toMatch(/No candidate placement has enough Huawei Cloud quota headroom:\n\ncn-north-4:\nSERVICE[\s\S]+capacity\s+10\s+5\s+5\s+SHORT[\s\S]+eu-west-101:\nSERVICE[\s\S]+capacity\s+10\s+5\s+5\s+SHORT/);
  });
});

describe('examples/outputs', () => {
  it('exports the headroom of all five services', async () => {
    const run = await runExample('outputs');
    expect(run).toMatchObject({
      code: 0,
      outputs: {
        account: expect.objectContaining({ user: 40, mapping: 'unknown' }),
        project: { project: 6 },
        kms: { CMK: 0, grant_per_CMK: 100 },
        sfsTurbo: { shares: 395, capacity: 20 },
        metaStudio: expect.objectContaining({ users: 250 }),
      },
    });
  });

  it('fails the run when a read fails', async () => {
    emulator.setFaults([{ route: 'kms', kind: '500', count: 10 }]);
    try {
      const run = await runExample('outputs');
      expect(run).toMatchObject({ code: 1, ok: false });
      expect(run.error).toContain('HTTP 500');
    } finally {
      emulator.setFaults([]);
    }
  });
});
