import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { clearSharedState } from '../../support/shared-state';
import { within } from '../support/deadline';
import { prototypeSnapshot, expectPrototypesUntouched } from '../support/prototype-guard';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { propertyRuns, propertyTimeoutMs } from '../support/reliability-runs';
import { CheckOutputShape, shapeProblem } from '../support/result-shapes';
import { cliErrorKind, runCli } from '../support/run-cli';
import { deeplyNested, hostileString } from './arbitraries';
import { OutcomeTally } from './outcome-tally';
import { hostileRequirements } from './requirement-arbitraries';
import { useSandbox } from './sandbox';

// `hwquota check FILE` with hostile requirement files (JSON, YAML, neither; deep nesting, alias bombs, numbers past
// doubles, `__proto__` keys): exit 0 or 1 with a check per requirement, or exit 2 with a typed error naming the file.

const sandbox = useSandbox();
const dir = mkdtempSync(join(tmpdir(), 'hwquota-reliability-requirements-'));
const tally = new OutcomeTally('Hostile requirement files: outcomes');
/** The YAML parser reports unknown tags (`!!js/function`) as process warnings: kept, checked, and not printed. */
const warnings: string[] = [];
beforeAll(() => {
  vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => void warnings.push(String(warning)));
});
afterAll(() => {
  vi.restoreAllMocks();
  tally.print();
  expectNoSecrets(warnings.join('\n'), 'the process warnings');
  rmSync(dir, { recursive: true, force: true });
});

/** `hwquota check --output json` when some entries could not be read: the checks of the others, and the failures. */
const CheckOutputWithErrorsShape = CheckOutputShape.extend({
  errors: z.array(z.object({ entry: z.string().regex(/^requirements\[\d+\]$/), kind: z.string(), field: z.string().optional(), code: z.string().optional(), status: z.number().optional(), requestId: z.string().optional(), message: z.string() }).strict()).min(1),
});

const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`), 'requirements: *h'].join('\n');

/**
 * A document's text in one of the forms a user might save, or broken on purpose; with the number of requirements it
 * holds when it is a list saved whole (JSON or YAML), so that the checks can be counted.
 */
const fileText = fc.tuple(hostileRequirements, fc.boolean()).chain(([requirements, wrapped]) => {
  const document = wrapped ? { requirements } : requirements;
  const json = JSON.stringify(document, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)) ?? 'null';
  const count = Array.isArray(requirements) ? requirements.length : undefined;
  const yaml = (() => {
    try {
      return toYaml(document) ?? json;
    } catch {
      return json;
    }
  })();
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ text: json, count }) },
    { weight: 3, arbitrary: fc.constant({ text: yaml, count }) },
    { weight: 1, arbitrary: fc.constantFrom(json.replace(/"need":\d+/, '"need":1e400'), `\ufeff${json}`, json.slice(0, Math.max(1, json.length >> 1))).map((text) => ({ text, count: undefined })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(deeplyNested(50_000), `requirements:\n  - ${'['.repeat(5_000)}${']'.repeat(5_000)}`, ALIAS_BOMB, '!!js/function "function () { return 1 }"', '- !!binary aGVsbG8=', '---\n...\n---\n')
        .map((text) => ({ text, count: undefined })),
    },
    { weight: 1, arbitrary: hostileString.map((text) => ({ text, count: undefined })) },
  );
});

it('hwquota check with hostile files: a check per requirement, or a typed error naming the file', { timeout: propertyTimeoutMs(200) }, async () => {
  const prototypes = prototypeSnapshot();
  let index = 0;
  await fc.assert(
    fc.asyncProperty(fileText, fc.constantFrom('.json', '.yaml', '.yml', '', '.txt'), fc.constantFrom('json', 'table'), async ({ text, count }, extension, output) => {
      const file = join(dir, `requirements-${index++}${extension}`);
      writeFileSync(file, text);
      const mark = sandbox().mark();
      clearSharedState();
      const run = await within(15_000, `hwquota check on ${fc.stringify(text.slice(0, 200))}`, runCli(['check', file, '--output', output], sandbox().env));

      expect([0, 1, 2]).toContain(run.code);
      if (run.code === 2) {
        const kind = cliErrorKind(run.stderr);
        expect(['invalid-argument', 'missing-credentials', 'network', 'service', 'response-invalid', 'timeout'], run.stderr.slice(0, 300)).toContain(kind);
        // Each error line names the file (a bad entry, or one whose read failed, with it), but missing credentials.
        for (const line of run.stderr.split('\n').filter(Boolean)) if (cliErrorKind(line) !== 'missing-credentials') expect(line).toContain(file);
        // Entries whose read failed leave the others checked and printed, the failures listed in the JSON.
        if (output === 'json' && run.stdout !== '') {
          const printed = JSON.parse(run.stdout) as { ok: boolean; checks: unknown[]; errors: unknown[] };
          expect(shapeProblem(CheckOutputWithErrorsShape, printed)).toBeUndefined();
          expect(printed.ok).toBe(false);
          if (count !== undefined) expect(printed.checks.length + printed.errors.length).toBe(count);
        } else if (run.stdout !== '') {
          expect(run.stdout).toMatch(/^SERVICE +SCOPE +TYPE +NEED +HEADROOM +SHORTFALL +STATUS\n[^]*\n\d+ of \d+ requirements could not be checked; /);
        }
      } else if (output === 'json') {
        const printed = JSON.parse(run.stdout) as { ok: boolean; checks: { met: boolean }[] };
        expect(shapeProblem(CheckOutputShape, printed)).toBeUndefined();
        expect(printed.ok).toBe(run.code === 0);
        expect(printed.ok).toBe(printed.checks.every((check) => check.met));
        if (count !== undefined) expect(printed.checks).toHaveLength(count);
      } else {
        expect(run.stdout).toMatch(/^SERVICE +SCOPE +TYPE +NEED +HEADROOM +SHORTFALL +STATUS\n/);
      }
      expect(run.elapsedMs).toBeLessThan(10_000);
      mark.expectContained(`check ${fc.stringify(text.slice(0, 200))}`);
      expectNoSecrets(run.stdout + run.stderr, 'the CLI output');
      expectPrototypesUntouched(prototypes, 'hwquota check');
      tally.add(`exit ${run.code}${run.code === 2 ? ` ${cliErrorKind(run.stderr)}` : ''}`);
    }),
    propertyRuns(),
  );
});
