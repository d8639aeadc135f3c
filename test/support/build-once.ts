import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Vitest global setup: tests of the built package need dist/. `npm test` builds first; a bare `vitest run` builds here.
export default function buildOnce(): void {
  const root = join(__dirname, '..', '..');
  if (!existsSync(join(root, 'dist', 'client.js'))) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    for (const script of ['build-esm-entries.js', 'mark-bins-executable.js']) execFileSync(process.execPath, [join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
  }
}
