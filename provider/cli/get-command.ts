import { createQuotaClient, type QuotaClient } from '../quota-client';
import type { QuotaResource } from '../quota/quota-resource';
import { QUOTA_SERVICES, type QuotaService } from '../quota/requirements';
import { printableJson } from '../printable-text';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';
import { CLIENT_FLAGS, clientOptionsFromFlags, parseOutputFlag } from './client-flags';
import { parseFlags } from './parse-flags';
import { formatAmount, formatTable } from '../report/table';

export const GET_USAGE = `Usage: hwquota get <account|project|kms|sfs-turbo|metastudio> [options]

Reads one service's quotas and prints quota, usage and headroom.

Options:
  --region R             Region ID (default: HW_REGION_NAME)
  --project-id P         Project ID (default: from the environment, else looked up)
  --project-name N       Project name to look up, e.g. cn-north-4_dev
  --domain-id D          Account ID (account quotas)
  --type T               Account quota type, e.g. user or assigment_group_mp
  --user-id U            One MetaStudio user
  --endpoint SVC=URL     Endpoint override, SVC one of iam, kms, sfs-turbo, metastudio (repeatable)
  --output table|json    Default table
  --timeout S            Give up on each HTTP request after S seconds, retries included (default 90)
  --debug                Stack traces on errors
  -h, --help             This help
`;

const GET_FLAGS = {
  ...CLIENT_FLAGS,
  'project-id': { type: 'string' },
  'project-name': { type: 'string' },
  'domain-id': { type: 'string' },
  type: { type: 'string' },
  'user-id': { type: 'string' },
} as const;

/** `hwquota get SERVICE`: exit 0, or 2 on any error. */
export async function runGet(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, GET_FLAGS);
  if (values.help) {
    io.stdout.write(GET_USAGE);
    return 0;
  }
  const [service, ...extra] = positionals;
  if (!service || extra.length > 0 || !(QUOTA_SERVICES as readonly string[]).includes(service)) {
    throw new UsageError(`hwquota get takes one service: ${QUOTA_SERVICES.join(', ')}`);
  }
  const output = parseOutputFlag(values.output);
  const client = createQuotaClient(clientOptionsFromFlags(values, io.env));
  try {
    const scope = { projectId: values['project-id'], projectName: values['project-name'] };
    const { title, result, rows } = await read(client, service as QuotaService, scope, values);
    if (output === 'json') {
      io.stdout.write(`${printableJson(result)}\n`);
    } else {
      io.stdout.write(`${title}\n`);
      io.stdout.write(resourceTable(rows, io.color));
    }
    return 0;
  } finally {
    await client.close();
  }
}

interface Row {
  userId?: string;
  resource: QuotaResource;
}

async function read(
  client: QuotaClient,
  service: QuotaService,
  scope: { projectId?: string; projectName?: string },
  values: { type?: string; 'domain-id'?: string; 'user-id'?: string },
): Promise<{ title: string; result: unknown; rows: Row[] }> {
  const toRows = (resources: readonly QuotaResource[]) => resources.map((resource) => ({ resource }));
  switch (service) {
    case 'account': {
      const result = await client.accountQuotas({ domainId: values['domain-id'], type: values.type as never });
      return { title: `IAM account quotas, account ${result.domainId}`, result, rows: toRows(result.resources) };
    }
    case 'project': {
      const result = await client.projectQuotas(scope);
      return { title: `IAM project quotas, project ${result.projectId}`, result, rows: toRows(result.resources) };
    }
    case 'kms':
    case 'sfs-turbo': {
      const result = await (service === 'kms' ? client.kmsQuotas(scope) : client.sfsTurboQuotas(scope));
      const name = service === 'kms' ? 'KMS' : 'SFS Turbo';
      return { title: `${name} quotas, region ${result.region}, project ${result.projectId}`, result, rows: toRows(result.resources) };
    }
    case 'metastudio': {
      const result = await client.metaStudioUserQuotas({ ...scope, userId: values['user-id'] });
      const rows = result.users.flatMap((user) => user.resources.map((resource) => ({ userId: user.userId, resource })));
      return { title: `MetaStudio user quotas, region ${result.region}, project ${result.projectId}, ${result.count} users`, result, rows };
    }
  }
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
