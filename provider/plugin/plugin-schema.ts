import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { QuotaApi } from '../apis/quota-apis';
import { QUOTA_APIS } from '../apis/registry';
import { SCOPE_SHAPES } from '../apis/scope-args';
import { SERVICE_NAMES } from '../endpoints/service-names';

/** The plugin's package name: its tokens are `huaweicloud-quotas:index:<name>`. */
export const PLUGIN_PACKAGE = 'huaweicloud-quotas';

/** The token of a function or type of the package: `huaweicloud-quotas:index:getKmsQuotas`. */
export function pluginToken(name: string): string {
  return `${PLUGIN_PACKAGE}:index:${name}`;
}

/** The token of the function serving `evaluate`. */
export const EVALUATE_TOKEN = pluginToken('evaluateRequirements');

/** A data source's function name, as the TypeScript functions spell it: `get` + the client method capitalised. */
export function functionName(api: { readonly method: string }): string {
  return `get${api.method[0]!.toUpperCase()}${api.method.slice(1)}`;
}

/** A property of Pulumi's package schema (`propertySpec`), as far as this package uses it. */
export interface PropertySpec {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  secret?: boolean;
}

/** An object type of the schema (`objectTypeSpec`). */
export interface ObjectTypeSpec {
  type: 'object';
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** The package schema the plugin answers GetSchema with (Pulumi's `pkg/codegen/schema/pulumi.json`). */
export interface PluginSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  config: { variables: Record<string, PropertySpec> };
  provider: { description: string; inputProperties: Record<string, PropertySpec> };
  types: Record<string, ObjectTypeSpec>;
  functions: Record<string, { description: string; inputs: ObjectTypeSpec; outputs: ObjectTypeSpec }>;
  resources: Record<string, never>;
  language: Record<string, Record<string, unknown>>;
}

/**
 * The provider's configuration, which the data sources' connection arguments repeat: what `settingsFromConfig` reads
 * and the client options they set. Secrets are marked, so that every language keeps them secret.
 */
export const CONFIG_VARIABLES: Readonly<Record<string, PropertySpec>> = {
  region: { type: 'string', description: 'Region ID such as `cn-north-4` or `eu-west-101`. Default: `HW_REGION_NAME`.' },
  accessKey: { type: 'string', description: 'Access key ID. Default: the environment\'s credentials chain (`HUAWEICLOUD_SDK_AK`, `HW_ACCESS_KEY`, the profile file, ECS metadata).' },
  secretKey: { type: 'string', secret: true, description: 'Secret access key, with `accessKey`.' },
  securityToken: { type: 'string', secret: true, description: 'With a temporary access key: its security token (sent as `X-Security-Token`).' },
  authToken: { type: 'string', secret: true, description: 'An IAM token, instead of an access key.' },
  cloud: { type: 'string', description: 'Cloud domain, such as `myhuaweicloud.eu`. Default: `HW_CLOUD`, else from the region.' },
  endpoints: {
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `Base URL per service, over the default endpoints. Services: ${SERVICE_NAMES.map((name) => `\`${name}\``).join(', ')}.`,
  },
  projectId: { type: 'string', description: 'Project ID. Default: from the environment for its region, else looked up by `projectName`.' },
  projectName: { type: 'string', description: 'Project name to look up, such as `cn-north-4_dev`. Default: `HW_PROJECT_NAME`, else the region.' },
  domainId: { type: 'string', description: 'Account (domain) ID. Default: from the environment or the profile file, else looked up.' },
};

/** The connection settings a function takes besides its scope and own arguments (each over the provider's). */
export const CONNECTION_ARGS = ['accessKey', 'secretKey', 'securityToken', 'authToken', 'cloud', 'endpoints'] as const;

const QUOTA_RESOURCE = pluginToken('QuotaResource');
const USER_QUOTA = pluginToken('MetaStudioUserQuota');
const REQUIREMENT = pluginToken('QuotaRequirement');
const CHECK = pluginToken('QuotaCheck');

const ref = (token: string): PropertySpec => ({ $ref: `#/types/${token}` });

/** The object types the functions' results and `evaluateRequirements` use. */
function types(): Record<string, ObjectTypeSpec> {
  const nullable = ' Absent (null) when';
  return {
    [QUOTA_RESOURCE]: {
      type: 'object',
      description: 'One quota, normalised across services.',
      properties: {
        type: { type: 'string', description: 'The quota type, spelled as the service\'s API spells it (`CMK`, `shares`...).' },
        quota: { type: 'number', description: `The quota.${nullable} unlimited.` },
        used: { type: 'number', description: `The usage.${nullable} the service does not report it.` },
        headroom: { type: 'number', description: `\`quota - used\`, which can be negative.${nullable} unlimited or usage is unknown.` },
        unlimited: { type: 'boolean', description: 'The service reports no limit (`-1`).' },
        min: { type: 'number', description: 'The lowest value the quota can be set to (IAM only).' },
        max: { type: 'number', description: 'The highest value the quota can be set to (IAM only).' },
        unit: { type: 'string', description: 'The unit of `quota` and `used`, when not a count (`GB`, `minutes`).' },
      },
      required: ['type', 'unlimited'],
    },
    [USER_QUOTA]: {
      type: 'object',
      description: 'One IAM user\'s MetaStudio quotas.',
      properties: {
        userId: { type: 'string', description: 'The IAM user\'s ID.' },
        resources: { type: 'array', items: ref(QUOTA_RESOURCE), description: 'One entry per quota key the service reports for this user.' },
      },
      required: ['userId', 'resources'],
    },
    [REQUIREMENT]: {
      type: 'object',
      description: '"This stack needs `need` of `type`": a requirement checked against today\'s headroom.',
      properties: {
        service: { type: 'string', description: `Which quota API: ${QUOTA_APIS.map((api) => `\`${api.name}\``).join(', ')}.` },
        type: { type: 'string', description: 'The quota type, spelled as the service\'s API spells it (`CMK`, `capacity`...).' },
        need: { type: 'number', description: 'How much: a finite number ≥ 0, in the quota\'s unit.' },
        region: { type: 'string', description: 'Region of the quota. Default: the provider\'s region. Not used by `account`.' },
        projectId: { type: 'string', description: 'Project of the quota (every API but `account`). Default: the region\'s project.' },
        projectName: { type: 'string', description: 'Project to look up by name when `projectId` is not given.' },
        domainId: { type: 'string', description: 'Account of the quota (`account`). Default: the provider\'s account.' },
        userId: { type: 'string', description: 'The IAM user (`metastudio`, where it is required).' },
      },
      required: ['service', 'type', 'need'],
    },
    [CHECK]: {
      type: 'object',
      description: 'The verdict on one requirement.',
      properties: {
        requirement: { ...ref(REQUIREMENT), description: 'The requirement judged.' },
        scope: { type: 'string', description: 'Where the quota was read, such as `kms cn-north-4 project 0a1b…`.' },
        quota: { type: 'number', description: `The quota read.${nullable} unlimited or not reported.` },
        used: { type: 'number', description: `The usage read.${nullable} unknown.` },
        headroom: { type: 'number', description: `\`quota - used\`.${nullable} unlimited or unknown.` },
        unlimited: { type: 'boolean', description: 'The service reports no limit.' },
        met: { type: 'boolean', description: 'Met when unlimited or `headroom >= need`; never when usage is unknown.' },
        shortfall: { type: 'number', description: `How much is missing, 0 when met.${nullable} usage is unknown.` },
        note: { type: 'string', description: 'Why a check is not met for a reason other than headroom.' },
      },
      required: ['requirement', 'scope', 'unlimited', 'met'],
    },
  };
}

/** A zod argument as a schema property: its type, and its `.describe()` text (with the allowed values of an enum). */
function argumentProperty(schema: z.ZodTypeAny): PropertySpec | undefined {
  let inner = schema;
  const description = schema.description;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodTypeAny;
    else if (inner instanceof z.ZodDefault) inner = inner.removeDefault() as z.ZodTypeAny;
    else if (inner instanceof z.ZodEffects) inner = inner.innerType() as z.ZodTypeAny;
    else break;
  }
  const text = description ?? inner.description;
  if (inner instanceof z.ZodEnum) {
    const values = (inner.options as string[]).map((value) => `\`${value}\``).join(', ');
    return { type: 'string', description: `${text ? `${text}. ` : ''}One of ${values}.` };
  }
  const type = inner instanceof z.ZodString ? 'string' : inner instanceof z.ZodNumber ? 'number' : inner instanceof z.ZodBoolean ? 'boolean' : undefined;
  if (!type) return undefined; // `signal`: not something a language can send.
  return text ? { type, description: `${text}.` } : { type };
}

/** The inputs of a data source: its scope, its own arguments, then the connection settings. */
function functionInputs(api: QuotaApi): ObjectTypeSpec {
  const properties: Record<string, PropertySpec> = {};
  for (const [name, schema] of Object.entries({ ...SCOPE_SHAPES[api.scope], ...api.args } as Record<string, z.ZodTypeAny>)) {
    const property = argumentProperty(schema);
    if (property) properties[name] = property;
  }
  for (const name of CONNECTION_ARGS) properties[name] = { ...CONFIG_VARIABLES[name] };
  return { type: 'object', properties };
}

/** What a data source returns: where it was read, then its quotas (per user for MetaStudio). */
function functionOutputs(api: QuotaApi): ObjectTypeSpec {
  const properties: Record<string, PropertySpec> = {};
  if (api.scope === 'account') properties.domainId = { type: 'string', description: 'The account (domain) ID read.' };
  else properties.projectId = { type: 'string', description: 'The project read: given, from the environment, or looked up by name.' };
  if (api.scope === 'regional') properties.region = { type: 'string', description: 'The region read.' };
  if (api.perUser) {
    properties.count = { type: 'integer', description: 'Users the service counts (all of them, or the one asked for).' };
    properties.users = { type: 'array', items: ref(USER_QUOTA), description: 'Each user with their quotas.' };
  } else {
    properties.resources = { type: 'array', items: ref(QUOTA_RESOURCE), description: 'One entry per quota type, in the order the service lists them.' };
  }
  return { type: 'object', properties, required: Object.keys(properties) };
}

/** A data source's description: the definition's summary, its path, and its quota types with what each counts. */
function functionDescription(api: QuotaApi): string {
  const quotaTypes = Object.entries(api.quotaTypes as Record<string, { description: string; unit?: string }>)
    .map(([type, info]) => `- \`${type}\`: ${info.description}${info.unit ? ` (${info.unit})` : ''}`)
    .join('\n');
  const pattern = api.quotaTypePattern ? `\n- and ${api.quotaTypePattern.description}` : '';
  return `Reads ${api.summary} (${api.service.title} \`GET ${api.path}\`).\n\nQuota types:\n${quotaTypes}${pattern}\n\nReference: ${api.reference}.`;
}

/** The package's version, from its package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The plugin's package schema, generated from the registry: one function per quota API (`getKmsQuotas`...),
 * `evaluateRequirements`, the result types, the provider's configuration, and the language sections.
 */
export function buildPluginSchema(version = packageVersion()): PluginSchema {
  const functions: PluginSchema['functions'] = {};
  for (const api of QUOTA_APIS as readonly QuotaApi[]) {
    functions[pluginToken(functionName(api))] = { description: functionDescription(api), inputs: functionInputs(api), outputs: functionOutputs(api) };
  }
  const connection = Object.fromEntries(CONNECTION_ARGS.map((name) => [name, { ...CONFIG_VARIABLES[name] }]));
  functions[EVALUATE_TOKEN] = {
    description:
      'Checks each requirement against today\'s headroom, reading each scope once. It does not fail on an unmet requirement: each language decides what to do with the checks.',
    inputs: {
      type: 'object',
      properties: {
        requirements: { type: 'array', items: ref(REQUIREMENT), description: 'The requirements to check.' },
        region: { ...CONFIG_VARIABLES.region, description: 'Default region of the requirements. Default: the provider\'s.' },
        ...connection,
      },
      required: ['requirements'],
    },
    outputs: {
      type: 'object',
      properties: { checks: { type: 'array', items: ref(CHECK), description: 'One check per requirement, in their order.' } },
      required: ['checks'],
    },
  };
  const variables = Object.fromEntries(Object.entries(CONFIG_VARIABLES).map(([name, spec]) => [name, { ...spec }]));
  return {
    name: PLUGIN_PACKAGE,
    displayName: 'Huawei Cloud quotas',
    version,
    description: 'Reads Huawei Cloud quotas (quota, usage and headroom per quota type) through a signed HTTP client.',
    keywords: ['pulumi', 'huaweicloud', 'quotas', 'category/cloud', 'kind/native'],
    license: 'Apache-2.0',
    config: { variables },
    provider: {
      description: 'The provider\'s settings; each function argument of the same name overrides them.',
      inputProperties: Object.fromEntries(Object.entries(CONFIG_VARIABLES).map(([name, spec]) => [name, { ...spec }])),
    },
    types: types(),
    functions,
    resources: {},
    language: {
      nodejs: {
        packageDescription: 'Huawei Cloud quota reads. TypeScript and JavaScript programs use the pulumi-huaweicloud-quotas package itself, which needs no plugin.',
        respectSchemaVersion: true,
      },
      python: { packageName: 'pulumi_huaweicloud_quotas', requires: { pulumi: '>=3.0.0,<4.0.0' }, respectSchemaVersion: true },
      go: { generateResourceContainerTypes: false, respectSchemaVersion: true },
      csharp: { rootNamespace: 'HuaweiCloudQuotas', namespaces: { [PLUGIN_PACKAGE]: 'HuaweiCloudQuotas', index: 'HuaweiCloudQuotas' }, respectSchemaVersion: true },
      java: { basePackage: 'com.huaweicloudquotas', packages: { [PLUGIN_PACKAGE]: 'huaweicloudquotas' } },
    },
  };
}
