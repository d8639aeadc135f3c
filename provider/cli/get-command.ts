import { findQuotaApi } from '../apis/defined-apis';
import { QUOTA_SERVICES, type QuotaApi } from '../apis/quota-apis';
import { QUOTA_APIS } from '../apis/registry';
import { SCOPE_SHAPES } from '../apis/scope-args';
import { SERVICE_NAMES } from '../endpoints/service-names';
import { HuaweiCloudError } from '../errors';
import { createQuotaClient } from '../quota-client';
import { noSuchUser } from '../quota/no-such-user';
import type { QuotaResource } from '../quota/quota-resource';
import { printableJson } from '../printable-text';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';
import { CLIENT_FLAGS, clientOptionsFromFlags, parseOutputFlag } from './client-flags';
import { parseFlags } from './parse-flags';
import { formatAmount, formatTable } from '../report/table';

/** `projectName` → `project-name`. */
const flagName = (argument: string) => argument.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Every read argument of every API but `region` (a client flag) and `signal`, with its description and the APIs taking it. */
const READ_FLAGS = (() => {
  const flags = new Map<string, { argument: string; description: string; apis: string[] }>();
  for (const api of QUOTA_APIS) {
    for (const [argument, schema] of Object.entries({ ...SCOPE_SHAPES[api.scope], ...api.args })) {
      if (argument === 'region' || !schema.description) continue;
      // Arguments of the same name (`type`) share a flag, and the first API's description.
      const flag = flags.get(flagName(argument)) ?? { argument, description: schema.description, apis: [] as string[] };
      flag.apis.push(api.name);
      flags.set(flagName(argument), flag);
    }
  }
  return flags;
})();

const column = (text: string, width: number) => text.padEnd(width);

/** Which APIs a flag is for, in the fewest words: nothing for all, `(not account)`, `(metastudio)`. */
function takenBy(apis: readonly string[]): string {
  if (apis.length === QUOTA_APIS.length) return '';
  const others = QUOTA_SERVICES.filter((name) => !apis.includes(name));
  return apis.length > others.length ? ` (not ${others.join(', ')})` : ` (${apis.join(', ')})`;
}

export const GET_USAGE = `Usage: hwquota get <${QUOTA_SERVICES.join('|')}> [options]

Reads one API's quotas and prints quota, usage and headroom.

APIs:
${QUOTA_APIS.map((api) => `  ${column(api.name, 21)}${api.title}: ${api.service.title} GET ${api.path}`).join('\n')}

Options:
  --region R             Region ID (default: HW_REGION_NAME)
${[...READ_FLAGS].map(([flag, { description, apis }]) => `  ${column(`--${flag} V`, 23)}${description}${takenBy(apis)}`).join('\n')}
  --endpoint SVC=URL     Endpoint override, SVC one of ${SERVICE_NAMES.join(', ')} (repeatable)
  --output table|json    Default table
  --timeout S            Give up on each HTTP request after S seconds, retries included (default 90)
  --debug                Stack traces on errors
  -h, --help             This help
`;

const GET_FLAGS = {
  ...CLIENT_FLAGS,
  ...Object.fromEntries([...READ_FLAGS.keys()].map((flag) => [flag, { type: 'string' as const }])),
};

/** `hwquota get API`: exit 0, or 2 on any error. */
export async function runGet(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, GET_FLAGS);
  if (values.help) {
    io.stdout.write(GET_USAGE);
    return 0;
  }
  const [name, ...extra] = positionals;
  const api = name === undefined || extra.length > 0 ? undefined : findQuotaApi(name);
  if (!api) throw new UsageError(`hwquota get takes one API: ${QUOTA_SERVICES.join(', ')}`);
  const readArgs: Record<string, unknown> = { region: values.region };
  for (const [flag, { argument, apis }] of READ_FLAGS) {
    const value = (values as Record<string, unknown>)[flag];
    if (value === undefined) continue;
    if (!apis.includes(api.name)) throw new UsageError(`--${flag} is not an option of hwquota get ${api.name} (it is of ${apis.join(', ')})`);
    readArgs[argument] = value;
  }
  const output = parseOutputFlag(values.output);
  const client = createQuotaClient(clientOptionsFromFlags(values, io.env));
  try {
    const result = (await client.read(api.name, readArgs as never)) as ReadResult;
    const missingUser = result.users && noSuchUser(readArgs.userId as string | undefined, { ...result, users: result.users });
    if (missingUser) throw new HuaweiCloudError({ kind: 'invalid-argument', field: 'userId', message: `--user-id: ${missingUser}` });
    if (output === 'json') {
      io.stdout.write(`${printableJson(result)}\n`);
    } else {
      io.stdout.write(`${title(api, result)}\n`);
      io.stdout.write(resourceTable(rowsOf(result), io.color));
    }
    return 0;
  } finally {
    await client.close();
  }
}

/** A read's result as the table needs it: where, and its quotas (or, per user, each user's). */
interface ReadResult {
  domainId?: string;
  projectId?: string;
  region?: string;
  count?: number;
  resources?: readonly QuotaResource[];
  users?: readonly { userId: string; resources: readonly QuotaResource[] }[];
}

interface Row {
  userId?: string;
  resource: QuotaResource;
}

function title(api: QuotaApi, result: ReadResult): string {
  const where = result.domainId ? [`account ${result.domainId}`] : [...(result.region ? [`region ${result.region}`] : []), `project ${result.projectId}`];
  return [api.title, ...where, ...(result.users ? [`${result.count} ${result.count === 1 ? 'user' : 'users'}`] : [])].join(', ');
}

function rowsOf(result: ReadResult): Row[] {
  if (result.users) return result.users.flatMap((user) => user.resources.map((resource) => ({ userId: user.userId, resource })));
  return (result.resources ?? []).map((resource) => ({ resource }));
}

function resourceTable(rows: readonly Row[], color: boolean): string {
  const perUser = rows.some((row) => row.userId !== undefined);
  const hasUnit = rows.some((row) => row.resource.unit !== undefined);
  const hasRange = rows.some((row) => row.resource.min !== undefined || row.resource.max !== undefined);
  const headers = [...(perUser ? ['USER'] : []), 'TYPE', 'QUOTA', 'USED', 'HEADROOM', ...(hasUnit ? ['UNIT'] : []), ...(hasRange ? ['MIN', 'MAX'] : [])];
  const cells = rows.map(({ userId, resource: r }) => [
    ...(perUser ? [userId ?? ''] : []),
    r.type,
    formatAmount(r.quota, 'unlimited'),
    formatAmount(r.used, 'unknown'),
    r.unlimited ? 'unlimited' : formatAmount(r.headroom, 'unknown'),
    ...(hasUnit ? [r.unit ?? ''] : []),
    ...(hasRange ? [formatAmount(r.min ?? null, '-'), formatAmount(r.max ?? null, '-')] : []),
  ]);
  return formatTable(headers, cells, { color, highlight: (index) => (rows[index]!.resource.headroom ?? 1) <= 0 });
}
