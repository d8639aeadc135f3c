import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from './plugin-process';

// provider/plugin/schema.json is what the plugin's GetSchema answers (version aside): made from the registry, and kept
// current like the other generated files.
it('provider/plugin/schema.json is current (node scripts/generate-plugin-schema.js)', { timeout: 60_000 }, async () => {
  const run = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'generate-plugin-schema.js'), '--check'], { cwd: ROOT }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
