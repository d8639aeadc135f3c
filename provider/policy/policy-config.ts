import type { PolicyConfigSchema } from '@pulumi/policy';
import { z } from 'zod';
import { SERVICE_NAMES, type ServiceName } from '../endpoints/service-names';
import { REGION_PATTERN } from '../endpoints/region';
import { PATH_PARAMETER_PATTERN } from '../path-parameters';
import { RegionId, ResourceId } from '../quota/field-schemas';
import type { QuotaClientOptions } from '../quota-client';
import { checkPolicyInput } from './check-input';
import { QuotaRulesSchema, RULE_SERVICES, type QuotaRules } from './quota-rules';

/**
 * What each quota policy takes as config (the pack's config file, or a policy group's settings in Pulumi Cloud).
 * No credentials: policy config is stored and shown in clear, so they come from the environment.
 */
export interface QuotaPolicyConfig {
  /** Region of resources that name none (nor does their provider). Default `HW_REGION_NAME`. */
  region?: string;
  /** Project of that region. Default: from the environment for its region, else looked up by name. */
  projectId?: string;
  /** Project name to look up in that region, such as `cn-north-4_dev`. */
  projectName?: string;
  /** Account (domain) ID. Default: from the environment, else looked up. */
  domainId?: string;
  /** Cloud domain, such as `myhuaweicloud.eu`. */
  cloud?: string;
  /** Base URL per service (`SERVICE_NAMES`: `iam`, `kms`, `ecs`...). */
  endpoints?: Partial<Record<ServiceName, string>>;
  /** Rules by resource type, over the pack's own; an empty list turns a type off. */
  rules?: QuotaRules;
}

const QuotaPolicyConfigSchema = z
  .object({
    region: RegionId.optional(),
    projectId: ResourceId.optional(),
    projectName: z.string().min(1).optional(),
    domainId: ResourceId.optional(),
    cloud: z.string().min(1).optional(),
    endpoints: z.record(z.enum(SERVICE_NAMES as [ServiceName, ...ServiceName[]]), z.string().url()).optional(),
    rules: QuotaRulesSchema.optional(),
  })
  .strict();

const idSchema = { type: 'string', pattern: PATH_PARAMETER_PATTERN.source } as const;

/** The JSON schema of `QuotaPolicyConfig`, which the Pulumi engine checks a policy's config against. */
export const QUOTA_POLICY_CONFIG_SCHEMA: PolicyConfigSchema = {
  properties: {
    region: { type: 'string', pattern: REGION_PATTERN.source, description: 'Region of resources that name none. Default: HW_REGION_NAME.' },
    projectId: { ...idSchema, description: "Project ID for that region. Default: the environment's, else looked up." },
    projectName: { type: 'string', minLength: 1, description: 'Project name to look up in that region, such as cn-north-4_dev.' },
    domainId: { ...idSchema, description: 'Account (domain) ID. Default: the environment, else looked up.' },
    cloud: { type: 'string', minLength: 1, description: 'Cloud domain. Default: HW_CLOUD, else myhuaweicloud.com (myhuaweicloud.eu for eu-west-1xx).' },
    endpoints: {
      type: 'object',
      description: 'Base URL per service, over HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}.',
      properties: Object.fromEntries(SERVICE_NAMES.map((name) => [name, { type: 'string', format: 'uri' }])),
      additionalProperties: false,
    },
    rules: {
      type: 'object',
      description: 'Quota uses by resource type token, replacing the defaults for the types named; [] turns a type off.',
      additionalProperties: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            service: { type: 'string', enum: [...RULE_SERVICES] },
            type: { type: 'string' },
            amount: { type: 'number', minimum: 0 },
            amountFrom: { type: 'string', minLength: 1 },
            amountFromLookup: {
              type: 'object',
              properties: { lookup: { type: 'string' }, keyFrom: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }, field: { type: 'string', minLength: 1 } },
              required: ['lookup', 'keyFrom', 'field'],
              additionalProperties: false,
            },
            each: { type: 'string', minLength: 1 },
            typeSuffixFrom: { type: 'string', minLength: 1 },
            regionFrom: { type: 'string', minLength: 1 },
          },
          required: ['service', 'type'],
          additionalProperties: false,
        },
      },
    },
  },
};

/** The keys a policy's config takes. */
export const QUOTA_POLICY_CONFIG_KEYS = Object.keys(QUOTA_POLICY_CONFIG_SCHEMA.properties);

/** Checks a policy's config (`args.getConfig()`); the error names the key at fault. */
export function parsePolicyConfig(config: unknown): QuotaPolicyConfig {
  return checkPolicyInput(QuotaPolicyConfigSchema, config, 'policy config');
}

/** The client settings a config sets; the rest come from the pack's code and the environment. */
export function configSettings(config: QuotaPolicyConfig): QuotaClientOptions {
  const { rules: _rules, ...settings } = config;
  return settings;
}
