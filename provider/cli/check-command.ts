import { SERVICE_NAMES } from '../endpoints/service-names';
import { HuaweiCloudError } from '../errors';
import { createQuotaClient } from '../quota-client';
import type { QuotaCheck } from '../quota/requirements';
import { printableJson } from '../printable-text';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';
import { CLIENT_FLAGS, clientOptionsFromFlags, parseOutputFlag } from './client-flags';
import { parseFlags } from './parse-flags';
import { readRequirementsFile } from './requirements-file';
import { formatChecks } from '../report/check-table';

export const CHECK_USAGE = `Usage: hwquota check FILE [options]

Checks the requirements in FILE (JSON or YAML: a list, or {"requirements": [...]}) against today's headroom.
Each requirement: {"service": "kms", "type": "CMK", "need": 3, "region": "cn-north-4"}.
Exit 0 when all are met, 1 when any is not, 2 on an error.

Options:
  --region R             Default region for requirements without one (default: HW_REGION_NAME)
  --endpoint SVC=URL     Endpoint override, SVC one of ${SERVICE_NAMES.join(', ')} (repeatable)
  --output table|json    Default table; json prints {"ok": ..., "checks": [...]}
  --timeout S            Give up on each HTTP request after S seconds, retries included (default 90)
  --debug                Stack traces on errors
  -h, --help             This help
`;

/** `hwquota check FILE`. */
export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, CLIENT_FLAGS);
  if (values.help) {
    io.stdout.write(CHECK_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('hwquota check takes one FILE');
  const output = parseOutputFlag(values.output);
  const path = positionals[0]!;
  const requirements = readRequirementsFile(path);
  const client = createQuotaClient(clientOptionsFromFlags(values, io.env));
  let checks: QuotaCheck[];
  try {
    checks = await client.evaluate(requirements);
  } catch (error) {
    // Name the file in argument errors about its entries.
    if (error instanceof HuaweiCloudError && error.kind === 'invalid-argument' && error.field?.startsWith('requirements')) {
      throw new HuaweiCloudError({ kind: 'invalid-argument', field: error.field, message: `${path}: ${error.message}` });
    }
    throw error;
  } finally {
    await client.close();
  }
  const ok = checks.every((check) => check.met);
  if (output === 'json') {
    io.stdout.write(`${printableJson({ ok, checks })}\n`);
  } else {
    io.stdout.write(formatChecks(checks, io.color));
    io.stdout.write(ok ? `All ${checks.length} requirements are met.\n` : `${checks.filter((c) => !c.met).length} of ${checks.length} requirements are not met.\n`);
  }
  return ok ? 0 : 1;
}
