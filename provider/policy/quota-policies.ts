import type { ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';
import type { QuotaClientOptions } from '../quota-client';
import { HuaweiCloudError } from '../errors';
import { configSettings, parsePolicyConfig, QUOTA_POLICY_CONFIG_KEYS, QUOTA_POLICY_CONFIG_SCHEMA, type QuotaPolicyConfig } from './policy-config';
import { judgeDeclared, uncountedFinding, type QuotaFinding } from './quota-findings';
import { createQuotaReader, type QuotaReader } from './quota-reader';
import { checkQuotaRules, DEFAULT_QUOTA_RULES, mergeQuotaRules, type QuotaRules } from './quota-rules';
import { resourceUses, type ResourceUse } from './resource-uses';
import { createInTurn } from './in-turn';
import { createStackTally, type StackTally } from './stack-tally';

/** The policies' names, as a pack's config file and Pulumi Cloud refer to them. */
export const QUOTA_POLICY_NAMES = {
  /** The mandatory policy: more than the whole quota. */
  fits: 'huaweicloud-quota-fits',
  /** The advisory policy: more than today's headroom, or not checked. */
  headroom: 'huaweicloud-quota-headroom',
} as const;

/** How the pack's code sets the policies up; each policy's config goes over these. */
export interface QuotaPolicyOptions {
  /**
   * Client settings: credentials (default: the environment), `env`, transport options, and defaults for what a
   * policy's config can set (`region`, `projectId`, `projectName`, `domainId`, `cloud`, `endpoints`).
   */
  settings?: QuotaClientOptions;
  /** Rules by resource type over `DEFAULT_QUOTA_RULES`, replacing the types they name; `[]` turns a type off. */
  rules?: QuotaRules;
}

/** The quota policies, to hand to `new PolicyPack(name, { policies })` in the pack's own entry. */
export interface QuotaPolicies {
  /** Mandatory: stops a resource's step when the stack declares more of a quota than the whole quota. */
  readonly fits: ResourceValidationPolicy;
  /** Advisory: more than today's headroom (maybe counting resources that exist), or a quota that could not be checked. */
  readonly headroom: ResourceValidationPolicy;
  /** Both of them. */
  readonly policies: ResourceValidationPolicy[];
  /** Closes the quota clients the policies opened. A policy pack's process just exits; tests close. */
  close(): Promise<void>;
}

/**
 * Creates the quota policies. Constructs no `PolicyPack` (that starts the analyzer's server): build the pack in a
 * separate entry. Each policy counts, resource by resource, what the stack declares per quota scope (see
 * `StackTally`) and compares it with the quota read once per run; reads that fail become advisories.
 *
 * @example
 * // index.ts of a policy pack
 * import { PolicyPack } from '@pulumi/policy';
 * import { quotaPolicies } from 'pulumi-huaweicloud-quotas/policy';
 * new PolicyPack('huaweicloud-quotas', { policies: quotaPolicies().policies });
 */
export function quotaPolicies(options: QuotaPolicyOptions = {}): QuotaPolicies {
  const rules = mergeQuotaRules(DEFAULT_QUOTA_RULES, options.rules === undefined ? undefined : checkQuotaRules(options.rules));
  const readers = new Map<string, QuotaReader>();

  const readerFor = (config: QuotaPolicyConfig): QuotaReader => {
    const fromConfig = configSettings(config);
    const key = JSON.stringify(fromConfig);
    let reader = readers.get(key);
    if (!reader) {
      const settings: QuotaClientOptions = { ...options.settings, ...fromConfig };
      if (fromConfig.endpoints) settings.endpoints = { ...options.settings?.endpoints, ...fromConfig.endpoints };
      reader = createQuotaReader(settings);
      readers.set(key, reader);
    }
    return reader;
  };

  const inTurn = createInTurn();

  // Each resource is counted and judged in turn, in the order the engine sends them: a resource waiting for a lookup
  // (an ECS flavor) or a read is judged on the count up to itself, and so is every resource after it.
  const findingsFor = (tally: StackTally, args: ResourceValidationArgs, config: QuotaPolicyConfig): Promise<QuotaFinding[]> =>
    inTurn(async () => {
      const uses = mergeQuotaRules(rules, config.rules)[args.type];
      if (!uses?.length) return [];
      const reader = readerFor(config);
      const subject = `${args.type} "${args.name}"`;
      const declared = await resourceUses({ props: args.props, providerProps: args.provider?.props }, uses, reader);
      const counted = declared.filter((use): use is Extract<ResourceUse, { counted: true }> => use.counted);
      const totals = tally.record(args.urn, counted);
      const judged = await Promise.all(
        counted.map(async ({ scope }, index) => judgeDeclared(subject, scope, totals[index] ?? 0, await reader.read(scope.service, scope.region))),
      );
      const uncounted = declared.flatMap((use) => (use.counted ? [] : [uncountedFinding(subject, use.use, use.reason)]));
      return [...uncounted, ...judged.filter((finding) => finding !== undefined)];
    });

  // Each policy keeps its own tally: a policy can be disabled, or configured apart, without changing the other's count.
  // And it reports each finding once a run, on the first resource it applies to: a stack of twenty keys gets one
  // line about its KMS keys, not twenty.
  const resourcePolicy = (name: string, level: QuotaFinding['level'], description: string): ResourceValidationPolicy => {
    const tally = createStackTally();
    const reported = new Set<string>();
    return {
      name,
      description,
      enforcementLevel: level,
      configSchema: QUOTA_POLICY_CONFIG_SCHEMA,
      validateResource: async (args, reportViolation) => {
        const reportOnce = (about: string, message: string) => {
          if (reported.has(about)) return;
          reported.add(about);
          reportViolation(message);
        };
        let config: QuotaPolicyConfig;
        try {
          config = parsePolicyConfig(args.getConfig<Record<string, unknown>>());
        } catch (error) {
          // The engine checks only the keys the schema declares. Say what is wrong, once, on a resource this pack
          // counts: resources of other providers are none of its business.
          if (!(error instanceof HuaweiCloudError)) throw error;
          if (rules[args.type]?.length) reportOnce('policy config', `${error.message}; the keys are ${QUOTA_POLICY_CONFIG_KEYS.join(', ')}.`);
          return;
        }
        for (const finding of await findingsFor(tally, args, config)) {
          if (finding.level === level) reportOnce(finding.about, finding.message);
        }
      },
    };
  };

  const fits = resourcePolicy(
    QUOTA_POLICY_NAMES.fits,
    'mandatory',
    'Stops a Huawei Cloud resource when the stack declares more of a quota (ECS instances, vCPUs and memory, EVS disks, ' +
      'VPC resources and EIPs, load balancers, KMS keys, SFS Turbo, IAM...) than the whole quota: it could never fit. ' +
      'Once per quota and run.',
  );
  const headroom = resourcePolicy(
    QUOTA_POLICY_NAMES.headroom,
    'advisory',
    'Warns when the stack declares more of a Huawei Cloud quota than is free today (the count may include resources ' +
      'that already exist), or when a quota could not be checked. Once per quota and run.',
  );
  return {
    fits,
    headroom,
    policies: [fits, headroom],
    async close() {
      const open = [...readers.values()];
      readers.clear();
      await Promise.all(open.map((reader) => reader.close()));
    },
  };
}
