import { mapConcurrently } from '../concurrency';
import { SERVICE_NAMES } from '../endpoints/service-names';
import { HuaweiCloudError, type HuaweiCloudErrorKind } from '../errors';
import { createQuotaClient, type QuotaClient } from '../quota-client';
import type { QuotaCheck, QuotaRequirement } from '../quota/requirements';
import { printable, printableJson } from '../printable-text';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';
import { CLIENT_FLAGS, clientOptionsFromFlags, parseOutputFlag } from './client-flags';
import { parseFlags } from './parse-flags';
import { readRequirementsFile } from './requirements-file';
import { formatChecks } from '../report/check-table';

export const CHECK_USAGE = `Usage: hwquota check FILE [options]

Checks the requirements in FILE (JSON or YAML: a list, or {"requirements": [...]}) against today's headroom.
Each requirement: {"service": "kms", "type": "CMK", "need": 3, "region": "cn-north-4"}, and optionally
projectId, projectName, domainId, userId. Every entry is checked before any request, and every problem listed.
An entry that cannot be read (no such project, a service error) is reported; the others are still checked.
Exit 0 when all are met, 1 when any is not, 2 when any could not be checked or on an error.

Options:
  --region R             Default region for requirements without one (default: HW_REGION_NAME)
  --endpoint SVC=URL     Endpoint override, SVC one of ${SERVICE_NAMES.join(', ')} (repeatable)
  --output table|json    Default table; json prints {"ok": ..., "checks": [...]}, with "errors": [{"entry": ...,
                         "kind": ..., "field": ..., "message": ...}] for entries that could not be checked
  --timeout S            Give up on each HTTP request after S seconds, retries included (default 90)
  --debug                Stack traces on errors
  -h, --help             This help
`;

/** Entries read at once: the client's own default for `evaluate`. */
const CONCURRENCY = 8;

/** Errors that no entry could escape (nothing to sign with, a closed client): they end the whole check. */
const ENDS_THE_CHECK: readonly HuaweiCloudErrorKind[] = ['missing-credentials', 'closed'];

/** An entry that could not be checked, as `--output json` lists it. */
interface EntryError {
  /** `requirements[1]`. */
  entry: string;
  kind: HuaweiCloudErrorKind;
  /** The field at fault, when one is: `requirements[1].projectName`. */
  field?: string;
  /** For `service`: the service's code and HTTP status, and the request ID to quote to support. */
  code?: string;
  status?: number;
  requestId?: string;
  /** The line printed on stderr, after `hwquota: <kind>: `: the file, the entry, what is wrong. */
  message: string;
}

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
  let requirements: QuotaRequirement[];
  try {
    requirements = readRequirementsFile(path);
  } catch (error) {
    // One line per bad entry; a one-line error goes the usual way (with --debug's stack).
    if (error instanceof HuaweiCloudError && error.message.includes('\n')) return reportEachLine(error, io);
    throw error;
  }
  const client = createQuotaClient(clientOptionsFromFlags(values, io.env));
  let outcomes: (QuotaCheck | EntryError)[];
  try {
    outcomes = await checkEach(client, requirements, path);
  } finally {
    await client.close();
  }
  const checks = outcomes.filter((outcome): outcome is QuotaCheck => 'met' in outcome);
  const errors = outcomes.filter((outcome): outcome is EntryError => 'entry' in outcome);
  const met = checks.every((check) => check.met);
  if (output === 'json') {
    io.stdout.write(`${printableJson({ ok: met && errors.length === 0, checks, ...(errors.length > 0 ? { errors } : {}) })}\n`);
  }
  // When no entry could be checked, the errors say it all (an empty file still gets its table: all 0 are met).
  const table = output === 'table' && (checks.length > 0 || errors.length === 0);
  if (table) io.stdout.write(formatChecks(checks, io.color));
  for (const error of errors) io.stderr.write(`hwquota: ${error.kind}: ${printable(error.message)}\n`);
  if (table) io.stdout.write(`${summary(checks, errors.length)}\n`);
  return errors.length > 0 ? 2 : met ? 0 : 1;
}

/**
 * Checks each entry on its own, so that one that fails (no such project, a service error for its region) is
 * reported and the others are still checked. Identical reads are still made once: the client shares them.
 */
async function checkEach(client: QuotaClient, requirements: readonly QuotaRequirement[], path: string): Promise<(QuotaCheck | EntryError)[]> {
  const entries = requirements.map((requirement, index) => ({ requirement, index }));
  return mapConcurrently(entries, CONCURRENCY, async ({ requirement, index }) => {
    try {
      return (await client.evaluate([requirement]))[0]!;
    } catch (error) {
      if (!(error instanceof HuaweiCloudError) || ENDS_THE_CHECK.includes(error.kind)) throw error;
      return entryError(path, index, error);
    }
  });
}

/** The error of one entry, named: `reqs.json: requirements[1].projectName: no project named ...`. */
function entryError(path: string, index: number, error: HuaweiCloudError): EntryError {
  const entry = `requirements[${index}]`;
  // A field of the read (`projectName`, `region`) is the entry's field of the same name; the entry was evaluated
  // alone, so a field the client names in the list it was given (`requirements[0].userId`) is this entry's too.
  const ownField = error.field?.replace(/^requirements\[0\]\.?/, '');
  const field = ownField ? `${entry}.${ownField}` : undefined;
  const reason = error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  const { code, status, requestId } = error;
  return { entry, kind: error.kind, ...(field ? { field } : {}), ...(code ? { code } : {}), ...(status ? { status } : {}), ...(requestId ? { requestId } : {}), message: `${path}: ${field ?? entry}: ${reason}` };
}

/** `All 2 requirements are met.`, `1 of 2 requirements are not met.`, or how many could not be checked. */
function summary(checks: readonly QuotaCheck[], failed: number): string {
  const short = checks.filter((check) => !check.met).length;
  const total = checks.length + failed;
  if (failed === 0) return short === 0 ? `All ${total} requirements are met.` : `${short} of ${total} requirements are not met.`;
  return `${failed} of ${total} requirements could not be checked; of the ${checks.length} checked, ${short === 0 ? 'all are met' : `${short} ${short === 1 ? 'is' : 'are'} not met`}.`;
}

/** `hwquota: <kind>: <line>` for each line of the error: each names the file and an entry. Exit 2. */
function reportEachLine(error: HuaweiCloudError, io: CliIo): number {
  for (const line of error.message.split('\n')) io.stderr.write(`hwquota: ${error.kind}: ${printable(line)}\n`);
  return 2;
}
