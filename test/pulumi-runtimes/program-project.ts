import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const PACKAGE = 'pulumi-huaweicloud-quotas';

/** A Pulumi project directory as a user has it: the program, and this package installed in its node_modules. */
export interface ProgramProject {
  readonly dir: string;
  /** Takes this package out of node_modules, as when it is uninstalled (the stack must still be destroyable). */
  uninstallPackage(): void;
  remove(): void;
}

/**
 * Copies a program directory into a fresh project directory and installs its dependencies there as npm would, from
 * this repository: this package (the built one, through its exports) and the others from its node_modules, so that
 * the program, and the provider code Pulumi serializes from it, resolve `pulumi-huaweicloud-quotas` as in a user's
 * project. A program with its own package.json keeps it (the runner finds its entry there); one without gets a bare
 * one and `@pulumi/pulumi`.
 */
export function programProject(programDir: string): ProgramProject {
  const dir = mkdtempSync(join(tmpdir(), 'hwquota-stack-'));
  cpSync(programDir, dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'stack', private: true, dependencies: { '@pulumi/pulumi': '*', [PACKAGE]: '*' } }));
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>;
  for (const name of Object.keys({ ...dependencies, ...devDependencies })) {
    const installed = join(dir, 'node_modules', name);
    mkdirSync(dirname(installed), { recursive: true });
    symlinkSync(name === PACKAGE ? root : join(root, 'node_modules', name), installed, 'dir');
  }
  return {
    dir,
    uninstallPackage: () => rmSync(join(dir, 'node_modules', PACKAGE)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
