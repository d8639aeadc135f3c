import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../provider/cli/hwquota';
import { defaultState, startEmulator, type RunningEmulator } from '../../provider/emulator';
import { clearSharedState } from '../support/shared-state';
import { readInputFile } from '../../provider/read-input-file';

// What `hwquota check FILE` says when something is wrong with FILE or with one of its entries: the file, the entry,
// the field, what is allowed; every bad entry at once; the other entries still checked when one cannot be read.

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => clearSharedState());

const dir = mkdtempSync(join(tmpdir(), 'hwquota-check-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes FILE (text as given, or a value as JSON) and runs `hwquota check FILE ...options` in this process. */
async function check(name: string, content: unknown, options: string[] = [], env: NodeJS.ProcessEnv = emulator.env) {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  let stdout = '';
  let stderr = '';
  const code = await main(['check', file, ...options], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, color: false });
  return { file, code, stdout, stderr };
}

const KEYS = 'keys are service, type, need, region, projectId, projectName, domainId, userId';
/** The start of IAM look-up's own words (the rest is its advice). */
const NO_PROJECT = 'no project named "cn-north-4_nope" in this account';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const METASTUDIO_USER = defaultState().accounts[0]!.metaStudioUsers[0]!.user_id;
/** A sub-user's key of the emulator: MetaStudio refuses it (root only), the other services take it. */
const SUB_USER_ENV = () => ({ ...emulator.env, HUAWEICLOUD_SDK_AK: 'HPUAEMULATORUSER0001', HUAWEICLOUD_SDK_SK: 'EmulatorUserSecretKey0000000000000000001' });

describe('an entry that cannot be read', () => {
  const requirements = [
    { service: 'kms', type: 'CMK', need: 1 },
    { service: 'kms', type: 'CMK', need: 1, projectName: 'cn-north-4_nope' },
    { service: 'sfs-turbo', type: 'shares', need: 5 },
  ];

  it('is named with the file and the field, and the other entries are still checked and printed (exit 2, where 1 is some short, 0 all met)', async () => {
    const { file, code, stdout, stderr } = await check('lookup.json', requirements);
    expect(stderr).toMatch(new RegExp(`^hwquota: invalid-argument: ${escape(file)}: requirements\\[1\\]\\.projectName: ${escape(NO_PROJECT)}[^\\n]*\\n$`));
    expect(stdout).toMatch(/^SERVICE\s+SCOPE\s+TYPE\s+NEED\s+HEADROOM\s+SHORTFALL\s+STATUS\n/);
    expect(stdout).toMatch(/^kms\s+kms cn-north-4 project \S+\s+CMK\s+1\s+0\s+1\s+SHORT$/m);
    expect(stdout).toMatch(/^sfs-turbo\s+sfs-turbo cn-north-4 project \S+\s+shares\s+5\s+\d+\s+0\s+ok$/m);
    expect(stdout.split('\n').at(-2)).toBe('1 of 3 requirements could not be checked; of the 2 checked, 1 is not met.');
    expect(code).toBe(2);
    expect((await check('short.json', requirements.filter((r) => !r.projectName))).code).toBe(1);
    expect((await check('met.json', [{ service: 'sfs-turbo', type: 'shares', need: 5 }])).code).toBe(0);
  });

  it('is listed under "errors" with --output json, next to the checks of the others', async () => {
    const { file, code, stdout } = await check('lookup-json.json', requirements, ['--output', 'json']);
    const printed = JSON.parse(stdout) as { ok: boolean; checks: { requirement: { service: string } }[]; errors: unknown[] };
    expect(printed.ok).toBe(false);
    expect(printed.checks.map((c) => c.requirement.service)).toEqual(['kms', 'sfs-turbo']);
    expect(printed.errors).toEqual([
      { entry: 'requirements[1]', kind: 'invalid-argument', field: 'requirements[1].projectName', message: expect.stringMatching(`^${escape(`${file}: requirements[1].projectName: ${NO_PROJECT}`)}`) },
    ]);
    expect(code).toBe(2);
  });

  it('a service error of one entry names the entry and carries the service code, status and request ID', async () => {
    const mixed = [{ service: 'kms', type: 'grant_per_CMK', need: 1 }, { service: 'metastudio', type: 'voice_clone_basic', need: 1, userId: METASTUDIO_USER }];
    const table = await check('service.json', mixed, [], SUB_USER_ENV());
    expect(table.stderr).toMatch(new RegExp(`^hwquota: service: ${escape(table.file)}: requirements\\[1\\]: MSS\\.00000005: .*HTTP 403.*\\n$`));
    expect(table.stdout).toMatch(/^kms\s+.*grant_per_CMK\s+1\s+\d+\s+0\s+ok$/m);
    expect(table.code).toBe(2);
    const json = await check('service.json', mixed, ['--output', 'json'], SUB_USER_ENV());
    const [error] = (JSON.parse(json.stdout) as { errors: Record<string, unknown>[] }).errors;
    expect(error).toMatchObject({ entry: 'requirements[1]', kind: 'service', code: 'MSS.00000005', status: 403, requestId: expect.any(String) });
    expect(error).not.toHaveProperty('field');
  });

  it('when none can be read, each is named and stdout has only the JSON document; missing credentials end the check', async () => {
    const none = [{ service: 'kms', type: 'CMK', need: 1, projectName: 'cn-north-4_nope' }, { service: 'kms', type: 'CMK', need: 1, projectName: 'cn-north-4_nope' }];
    const table = await check('none.json', none);
    expect(table.stderr.split('\n').map((line) => line.slice(0, line.indexOf(': no project')))).toEqual([
      `hwquota: invalid-argument: ${table.file}: requirements[0].projectName`,
      `hwquota: invalid-argument: ${table.file}: requirements[1].projectName`,
      '',
    ]);
    expect({ code: table.code, stdout: table.stdout }).toEqual({ code: 2, stdout: '' });
    const json = await check('none.json', none, ['--output', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checks: [], errors: [{ entry: 'requirements[0]' }, { entry: 'requirements[1]' }] });
    // Missing credentials, which no entry escapes, end the whole check in one line.
    const { HUAWEICLOUD_SDK_AK: _ak, HUAWEICLOUD_SDK_SK: _sk, ...env } = emulator.env;
    const unsigned = await check('no-credentials.json', none, [], env);
    expect(unsigned.stderr).toMatch(/^hwquota: missing-credentials: no Huawei Cloud credentials found[^\n]*\n$/);
    expect({ code: unsigned.code, stdout: unsigned.stdout }).toEqual({ code: 2, stdout: '' });
  });
});

describe('bad entries', () => {
  it('are all reported at once, one line each naming the file, the entry and the field, before any request', async () => {
    const before = JSON.stringify(emulator.requests);
    const { file, code, stdout, stderr } = await check('bad.json', {
      requirements: [
        { service: 'kms', type: 'CMK', need: 1 },
        { service: 'kmss', type: 'CMK', need: 1 },
        { service: 'kms', type: 'cmk', need: -1 },
        { type: 'CMK' },
      ],
    });
    expect(stderr.split('\n')).toEqual([
      `hwquota: invalid-argument: ${file}: requirements[1].service: Invalid enum value. Expected 'account' | 'ecs' | 'elb' | 'evs' | 'kms' | 'metastudio' | 'project' | 'sfs-turbo' | 'vpc', received 'kmss' (did you mean "kms"?)`,
      `hwquota: invalid-argument: ${file}: requirements[2].need: must be a finite number ≥ 0`,
      `hwquota: invalid-argument: ${file}: requirements[2].type: kms quota types are CMK, grant_per_CMK; got "cmk"`,
      `hwquota: invalid-argument: ${file}: requirements[3].service: is required: one of account, ecs, elb, evs, kms, metastudio, project, sfs-turbo, vpc`,
      `hwquota: invalid-argument: ${file}: requirements[3].need: is required: a finite number ≥ 0`,
      '',
    ]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(JSON.stringify(emulator.requests)).toBe(before);
  });

  it('an unknown key is named, with the key it is likely a typo of and the keys there are; the missing need is still reported', async () => {
    const { file, code, stderr } = await check('typo.json', [{ service: 'kms', type: 'CMK', neeed: 3 }]);
    expect(stderr).toBe(
      `hwquota: invalid-argument: ${file}: requirements[0]: unknown key "neeed" (did you mean "need"?); ${KEYS}\n` +
        `hwquota: invalid-argument: ${file}: requirements[0].need: is required: a finite number ≥ 0\n`,
    );
    expect(code).toBe(2);
    const several = await check('typos.yaml', '- {service: kms, type: CMK, need: 1, regoin: cn-north-4, colour: red}\n');
    expect(several.stderr).toBe(`hwquota: invalid-argument: ${several.file}: requirements[0]: unknown keys "regoin" (did you mean "region"?), "colour"; ${KEYS}\n`);
  });
});

describe('a file that is not JSON or YAML', () => {
  it.each([
    ['a missing comma', '{\n  "requirements": [\n    {"service": "kms" "type": "CMK", "need": 1}\n  ]\n}\n', "line 3, column 23: Expected ',' or '}' after property value"],
    ['a misspelt value', '[\n  {"service": "kms", "type": "CMK", "need": tru}\n]\n', 'line 2, column 45: Unexpected word "tru": a value is a "string", a number, true, false, null, {...} or [...]'],
    ['single quotes', "[\n  {'service': 'kms'}\n]\n", "line 2, column 4: Expected a property name in double quotes or '}'"],
    ['a trailing comma', '[\n  {"service": "kms", "type": "CMK", "need": 1},\n]\n', "line 3, column 1: Unexpected ']' after ',': JSON allows no trailing comma"],
    ['an unterminated string', '[\n  {"service": "kms\n', 'line 2, column 19: Bad control character in string literal (a line break in a string is written \\n)'],
    ['an early end', '[\n  {"service": "kms"', 'line 2, column 20: Unexpected end of JSON input'],
  ])('JSON with %s: the line and column, on one line', async (_case, text, where) => {
    const { file, code, stderr } = await check('syntax.json', text);
    expect(stderr).toBe(`hwquota: invalid-argument: ${file}: is not valid JSON: ${where}\n`);
    expect(stderr).not.toContain('\\u000a');
    expect(code).toBe(2);
  });

  it('YAML: the line and column of the parser, on one line', async () => {
    const { file, code, stderr } = await check('syntax.yaml', 'requirements:\n  - service: kms\n    type: [CMK\n  need: 3\n');
    expect(stderr).toBe(`hwquota: invalid-argument: ${file}: is not valid YAML or JSON: line 4, column 3: Flow sequence in block collection must be sufficiently indented and end with a ]\n`);
    expect(code).toBe(2);
  });
});

describe('a UTF-8 byte order mark', () => {
  it.each([
    ['bom.json', '\ufeff[{"service": "sfs-turbo", "type": "shares", "need": 1}]'],
    ['bom.yaml', '\ufeff- service: sfs-turbo\n  type: shares\n  need: 1\n'],
  ])('is accepted at the start of %s', async (name, text) => {
    const { code, stdout, stderr } = await check(name, text);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('All 1 requirements are met.');
  });

  it('is dropped by readInputFile, which reads the profile and regions files too', () => {
    const file = join(dir, 'bom.ini');
    writeFileSync(file, '\ufeff[basic]\nak = x\n');
    expect(readInputFile(file)).toBe('[basic]\nak = x\n');
  });
});

describe('an empty requirements file', () => {
  it('is a table of nothing: all 0 requirements are met, exit 0', async () => {
    const run = await check('empty.json', []);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^SERVICE +SCOPE +TYPE +NEED +HEADROOM +SHORTFALL +STATUS\nAll 0 requirements are met\.\n$/);
  });
});
