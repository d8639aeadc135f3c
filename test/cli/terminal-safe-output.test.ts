import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { main } from '../../provider/cli/hwquota';
import { printable } from '../../provider/printable-text';
import { formatAttemptLog } from '../../provider/transport/debug-log';
import { clearSharedState } from '../support/shared-state';
import { startTestServer, type TestServer } from '../support/test-server';

// A quota type, a user ID or an error message is printed as the service sent it. Escape sequences in it must reach
// the terminal as text, not be run by it.

const CLEAR_SCREEN = '\u001b[2J';
const SET_TITLE = '\u001b]0;owned\u0007';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const C1_CONTROL_SEQUENCE = '\u009b31m';
/** Any of the characters above, or another C0/C1 control, in printed text. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let server: TestServer;
let answer: { status: number; body: unknown };
beforeAll(async () => {
  server = await startTestServer((_request, response: ServerResponse) => {
    response.writeHead(answer.status, { 'Content-Type': 'application/json' });
    response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
});
afterAll(() => server.close());
beforeEach(() => clearSharedState());

async function hwquota(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { HW_AUTH_TOKEN: 'a-token', HW_REGION_NAME: 'cn-north-4', HW_PROJECT_ID: '0dea2644dc80d5d22ff1c01e3ebea6fc' };
  const code = await main([...argv, '--endpoint', `kms=${server.url}`, '--endpoint', `metastudio=${server.url}`], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    color: false,
  });
  return { code, stdout, stderr };
}

it('escapes control characters as \\uXXXX and leaves other text alone', () => {
  expect(printable(`CMK${CLEAR_SCREEN}`)).toBe('CMK\\u001b[2J');
  expect(printable(SET_TITLE)).toBe('\\u001b]0;owned\\u0007');
  expect(printable(`a${RIGHT_TO_LEFT_OVERRIDE}b\u2066c`)).toBe('a\\u202eb\\u2066c');
  expect(printable(`${C1_CONTROL_SEQUENCE}\u007f\n\t`)).toBe('\\u009b31m\\u007f\\u000a\\u0009');
  expect(printable('grant_per_CMK 配额 é ✓ \\u001b')).toBe('grant_per_CMK 配额 é ✓ \\u001b');
});

it('hwquota get prints quota types from the response with their control characters escaped, columns still aligned', async () => {
  answer = { status: 200, body: { quotas: { resources: [{ type: `CMK${CLEAR_SCREEN}${SET_TITLE}`, quota: 20, used: 1 }, { type: 'grant_per_CMK', quota: 100, used: 0 }] } } };
  const run = await hwquota(['get', 'kms']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(CONTROL_CHARACTER);
  const [, header, cmk, grant] = run.stdout.split('\n');
  expect(cmk).toMatch(/^CMK\\u001b\[2J\\u001b\]0;owned\\u0007 +20 +1 +19$/);
  expect(grant!.indexOf('100')).toBe(cmk!.indexOf('20'));
  expect(header!.indexOf('QUOTA')).toBe(cmk!.indexOf('20'));
});

it('hwquota get --output json escapes what JSON leaves raw (C1, bidirectional overrides), and parses back to the same text', async () => {
  const type = `CMK${C1_CONTROL_SEQUENCE}${RIGHT_TO_LEFT_OVERRIDE}${CLEAR_SCREEN}`;
  answer = { status: 200, body: { quotas: { resources: [{ type, quota: 20, used: 1 }] } } };
  const run = await hwquota(['get', 'kms', '--output', 'json']);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(CONTROL_CHARACTER);
  expect(run.stdout).toContain('"type": "CMK\\u009b31m\\u202e\\u001b[2J"');
  expect((JSON.parse(run.stdout) as { resources: { type: string }[] }).resources[0]!.type).toBe(type);
});

it('the debug log line escapes a request id and an error message from the network', () => {
  const line = formatAttemptLog({
    method: 'GET', url: new URL('http://127.0.0.1:1/x'), headers: {}, attempt: 1, maxAttempts: 4, elapsedMs: 3,
    status: 200, requestId: `id${C1_CONTROL_SEQUENCE}`,
  });
  expect(line).toContain('request-id=id\\u009b31m');
  expect(formatAttemptLog({ method: 'GET', url: new URL('http://127.0.0.1:1/x'), headers: {}, attempt: 1, maxAttempts: 4, elapsedMs: 3, error: `reset${SET_TITLE}` })).not.toMatch(CONTROL_CHARACTER);
  expect(line).not.toMatch(CONTROL_CHARACTER);
});

it('hwquota get prints MetaStudio user IDs with bidirectional overrides escaped', async () => {
  answer = { status: 200, body: { count: 1, assets: [{ user_id: `user${RIGHT_TO_LEFT_OVERRIDE}1gpj.exe`, quota: { voice_clone_basic: 2 }, usage: { voice_clone_basic: 1 } }] } };
  const run = await hwquota(['get', 'metastudio']);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(CONTROL_CHARACTER);
  expect(run.stdout).toContain('user\\u202e1gpj.exe');
});

it("a service's error message is printed on one line with its control characters escaped, with and without --debug", async () => {
  answer = { status: 403, body: { error_code: `KMS.0403${C1_CONTROL_SEQUENCE}`, error_msg: `denied${CLEAR_SCREEN}\nsecond line${SET_TITLE}` } };
  for (const debug of [[], ['--debug']]) {
    const run = await hwquota(['get', 'kms', ...debug]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(CONTROL_CHARACTER);
    const [first] = run.stderr.split('\n');
    expect(first).toMatch(/^hwquota: service: .*denied\\u001b\[2J\\u000asecond line\\u001b\]0;owned\\u0007/);
    expect(first).toContain('KMS.0403\\u009b31m');
  }
});

it('an error body that is not JSON is summarised on one line, its control characters escaped', async () => {
  answer = { status: 400, body: `<html><title>Bad gateway${C1_CONTROL_SEQUENCE}${RIGHT_TO_LEFT_OVERRIDE}\u0007</title></html>` };
  const run = await hwquota(['get', 'kms']);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(CONTROL_CHARACTER);
  expect(run.stderr).toContain('Bad gateway\\u009b31m\\u202e\\u0007');
});
