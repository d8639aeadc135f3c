import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { deeplyNested } from './arbitraries';

// Found by this suite (a CI run whose worker died): the YAML parser recursed once per level, and near the end of the
// stack V8 aborted the process ("RegExpCompiler Allocation failed - process out of memory") instead of throwing. So
// `hwquota check` on such a file died with a native stack trace. Now a file nesting deeper than 64 levels is refused
// before it is parsed. The CLI runs in a child process here, because the abort takes its whole process down.

const bin = join(__dirname, '..', '..', '..', 'dist', 'cli', 'hwquota.js');
const dir = mkdtempSync(join(tmpdir(), 'hwquota-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkFile(name: string, text: string): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    await promisify(execFile)(process.execPath, [bin, 'check', file], { env: { PATH: process.env.PATH }, timeout: 20_000 });
    return { code: 0, signal: null, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number | null; signal?: string | null; stderr?: string };
    return { code: failed.code ?? null, signal: failed.signal ?? null, stderr: failed.stderr ?? '' };
  }
}

it.each([
  ['flow collections', 'flow.yaml', deeplyNested(50_000)],
  ['brackets in a list', 'brackets.yml', `requirements:\n  - ${'['.repeat(5_000)}${']'.repeat(5_000)}`],
  ['compact sequences', 'dashes', `${'- '.repeat(20_000)}1`],
])('a file of %s nested thousands deep is refused, naming the file, and the process lives to say so', { timeout: 30_000 }, async (_shape, name, text) => {
  const run = await checkFile(name, text);
  expect(run.stderr).toBe(`hwquota: invalid-argument: ${join(dir, name)}: nests deeper than 64 levels\n`);
  expect({ code: run.code, signal: run.signal }).toEqual({ code: 2, signal: null });
});

it('the bound is 64 levels: a file at it is parsed and its entries checked, one level more is refused', { timeout: 30_000 }, async () => {
  const nested = (levels: number) => `requirements:\n  - ${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}`;
  const atBound = await checkFile('sixty-four.yaml', nested(64));
  expect(atBound.stderr).toBe(`hwquota: invalid-argument: ${join(dir, 'sixty-four.yaml')}: requirements[0]: Expected object, received array\n`);
  const beyond = await checkFile('sixty-five.yaml', nested(65));
  expect(beyond.stderr).toBe(`hwquota: invalid-argument: ${join(dir, 'sixty-five.yaml')}: nests deeper than 64 levels\n`);
});
