import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** A Pulumi project directory as a user has it: the program, and this package installed in its node_modules. */
export interface ProgramProject {
  readonly dir: string;
  /** Takes this package out of node_modules, as when it is uninstalled (the stack must still be destroyable). */
  uninstallPackage(): void;
  remove(): void;
}

/**
 * Copies a program directory into a fresh project directory whose node_modules links `@pulumi/pulumi` and this
 * package (the built one, through its exports), so that the program, and the provider code Pulumi serializes from
 * it, resolve `pulumi-huaweicloud-quotas` as in a user's project.
 */
export function programProject(programDir: string): ProgramProject {
  const dir = mkdtempSync(join(tmpdir(), 'hwquota-stack-'));
  cpSync(programDir, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'stack', private: true }));
  mkdirSync(join(dir, 'node_modules', '@pulumi'), { recursive: true });
  symlinkSync(join(root, 'node_modules', '@pulumi', 'pulumi'), join(dir, 'node_modules', '@pulumi', 'pulumi'), 'dir');
  const installed = join(dir, 'node_modules', 'pulumi-huaweicloud-quotas');
  symlinkSync(root, installed, 'dir');
  return {
    dir,
    uninstallPackage: () => rmSync(installed),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
