import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

// Resetting process-wide state is the tests' business: their helpers live in test/support, not in what ships.
const provider = join(__dirname, '..', '..', 'provider');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

it('no production module exports a test-only hook (a reset or clear function, or one documented as for tests)', () => {
  const hooks = sourceFiles(provider).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const found = [...text.matchAll(/\/\*\*[^*]*\b[Ff]or tests\b[\s\S]*?\*\/\s*export function (\w+)|export function ((?:clear|reset)\w*)/g)];
    return found.map((match) => `${relative(provider, file)}: ${match[1] ?? match[2]}`);
  });
  expect(hooks).toEqual([]);
});
