#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUOTA_SERVICES } from '../apis/quota-apis';
import { processIo, UsageError, type CliIo } from './cli-io';
import { reportError } from './report-error';

const USAGE = `Usage: hwquota <command> [options]

Read Huawei Cloud quotas from the command line.

Commands:
  get <api>        Quota, usage and headroom of one API: ${QUOTA_SERVICES.join(', ')}
  check FILE       Check a requirements file against today's headroom (exit 1 when any is short)
  scan             Usage of every quota across regions and projects, by pressure (exit 3 at --warn, 1 at --fail)
  exporter         Serve every quota's usage as Prometheus metrics, refreshed in the background
  emulator         Serve a local stand-in for the Huawei Cloud quota APIs

Credentials and endpoints come from the same variables as the library (HUAWEICLOUD_SDK_AK, HW_REGION_NAME, ...).
Run "hwquota <command> --help" for a command's options.

Options:
  --help      Show this help.
  --version   Show the package version.
`;

/**
 * Runs the CLI with the given arguments (without `node` and the script) and resolves to the exit code:
 * 0 on success, 1 when `check` finds a requirement not met or `scan` a quota at `--fail`, 3 when `scan` finds one at
 * `--warn` only, 130 when `scan` is interrupted, 2 on any error.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...args] = argv;
  const debug = args.includes('--debug');
  try {
    switch (command) {
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      case '--version':
        io.stdout.write(`${packageVersion()}\n`);
        return 0;
      // Each command is loaded on demand, so that none pays for another's start-up.
      case 'get':
        return await (await import('./get-command.js')).runGet(args, io);
      case 'check':
        return await (await import('./check-command.js')).runCheck(args, io);
      case 'scan':
        return await (await import('./scan-command.js')).runScanCommand(args, io);
      case 'exporter':
        return await (await import('./exporter-command.js')).runExporterCommand(args, io);
      case 'emulator':
        return await (await import('./emulator-command.js')).runEmulatorCommand(args, io);
      default:
        throw new UsageError(`unknown command '${command}' (see hwquota --help)`);
    }
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

if (require.main === module) {
  // A reader that stops early (`hwquota get kms | head -1`) is no error: end quietly, as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
