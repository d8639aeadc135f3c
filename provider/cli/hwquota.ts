#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = `Usage: hwquota <command> [options]

Read Huawei Cloud quotas from the command line.

Options:
  --help      Show this help.
  --version   Show the package version.
`;

/** Runs the CLI with the given arguments (without `node` and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout.write(USAGE);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  io.stderr.write(`hwquota: usage: unknown command '${first}' (see hwquota --help)\n`);
  return 2;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
