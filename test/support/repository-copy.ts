import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Copies this repository as a fresh clone of the working tree has it: the tracked files and the new ones not ignored,
 * never dist/ or node_modules (even a node_modules link, which `node_modules/` in .gitignore does not match).
 */
export function copyRepository(target: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0');
  for (const file of files) {
    if (!file || file === 'node_modules' || file.startsWith('node_modules/') || !existsSync(join(root, file))) continue;
    cpSync(join(root, file), join(target, file));
  }
}
