import type { QuotaService } from '../apis/quota-apis';
import { QUOTA_API_CATALOG } from '../apis/catalog';
import { closestNames } from '../closest-name';
import { HuaweiCloudError } from '../errors';
import { sharedQuotaClient } from '../pulumi/shared-client';
import type { QuotaClientOptions } from '../quota-client';
import type { QuotaRequirement } from '../quota/requirements';
import { redactSecrets } from '../redact';
import { checkSettings, settingsToOptions, throwFailures, type PropertyFailure } from './plugin-config';
import { CONFIG_VARIABLES, CONNECTION_ARGS, EVALUATE_TOKEN, functionName, pluginToken } from './plugin-schema';
import { isSecretValue, secretValue, unwrapSecrets } from './secret-values';

/** What an Invoke answers: the function's result (each property secret when an input was), or failures naming fields. */
export type InvokeOutcome = { readonly outputs: Record<string, unknown>; readonly failures?: undefined } | { readonly outputs?: undefined; readonly failures: readonly PropertyFailure[] };

/** The data source of each function token. */
const FUNCTIONS = new Map<string, QuotaService>(QUOTA_API_CATALOG.map((entry) => [pluginToken(functionName(entry)), entry.name]));

/** Every token the plugin serves. */
export const FUNCTION_TOKENS: readonly string[] = [...FUNCTIONS.keys(), EVALUATE_TOKEN];

const SECRET_SETTINGS = Object.entries(CONFIG_VARIABLES)
  .filter(([, spec]) => spec.secret)
  .map(([name]) => name);

/**
 * The plugin's behaviour, apart from gRPC: the provider's settings (CheckConfig, Configure) and the functions
 * (Invoke), each read made with the library's shared client for the settings, as the TypeScript functions do.
 */
export class QuotaProvider {
  private settings: QuotaClientOptions;

  /** `initial`: the settings the engine gives a plugin in `PULUMI_CONFIG`, until Configure says otherwise. */
  constructor(initial: Readonly<Record<string, unknown>> = {}) {
    const plain = unwrapSecrets(initial).value as Record<string, unknown>;
    this.settings = checkSettings(plain).length === 0 ? settingsToOptions(plain) : {};
  }

  /** CheckConfig: the settings as given (secret ones marked secret), and a failure for each bad one. */
  checkConfig(news: Readonly<Record<string, unknown>>): { inputs: Record<string, unknown>; failures: PropertyFailure[] } {
    const plain = unwrapSecrets(news).value as Record<string, unknown>;
    const inputs: Record<string, unknown> = { ...news };
    for (const name of SECRET_SETTINGS) {
      if (inputs[name] !== undefined && inputs[name] !== null && !isSecretValue(inputs[name])) inputs[name] = secretValue(inputs[name]);
    }
    return { inputs, failures: checkSettings(plain) };
  }

  /** Configure: takes the settings (a bad one is an `invalid-argument` error naming it). */
  configure(values: Readonly<Record<string, unknown>>): void {
    const plain = unwrapSecrets(values).value as Record<string, unknown>;
    throwFailures(checkSettings(plain));
    this.settings = settingsToOptions(plain);
  }

  /** Invoke: the function's result, or failures naming the fields at fault. Other errors are thrown, secrets removed. */
  async invoke(token: string, args: Readonly<Record<string, unknown>>): Promise<InvokeOutcome> {
    const name = FUNCTIONS.get(token);
    if (!name && token !== EVALUATE_TOKEN) {
      const close = closestNames(token, FUNCTION_TOKENS, 1);
      throw new HuaweiCloudError({ kind: 'invalid-argument', field: 'token', message: `unknown function ${JSON.stringify(token)}${close.length ? ` (did you mean ${JSON.stringify(close[0])}?)` : ''}; functions are ${FUNCTION_TOKENS.join(', ')}` });
    }
    const { value, secret } = unwrapSecrets(args);
    const { connection, rest } = splitConnection(value as Record<string, unknown>);
    const connectionFailures = checkSettings(connection);
    if (connectionFailures.length > 0) return { failures: connectionFailures };
    const options = { ...this.settings, ...settingsToOptions(connection, 'arguments') };
    try {
      const client = sharedQuotaClient(options);
      const result = name
        ? await client.read(name, rest as never)
        : { checks: await client.evaluate(requirementsOf(rest)) };
      const plain = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
      return { outputs: secret ? Object.fromEntries(Object.entries(plain).map(([key, item]) => [key, secretValue(item)])) : plain };
    } catch (error) {
      if (error instanceof HuaweiCloudError && error.kind === 'invalid-argument') return { failures: failuresOf(error) };
      throw this.cleanError(error, options);
    }
  }

  /** An error with every secret of these settings removed from its message; never its stack or cause. */
  private cleanError(error: unknown, options: QuotaClientOptions): Error {
    const secrets = [options.secretKey, options.securityToken, options.authToken, this.settings.secretKey, this.settings.securityToken, this.settings.authToken];
    const message = error instanceof Error ? error.message : String(error);
    return new Error(redactSecrets(message, secrets));
  }
}

/** A function's connection settings (and its region, which is both) apart from the read's own arguments. */
function splitConnection(args: Record<string, unknown>): { connection: Record<string, unknown>; rest: Record<string, unknown> } {
  const connection: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === null || value === undefined) continue;
    if ((CONNECTION_ARGS as readonly string[]).includes(key) || key === 'region') connection[key] = value;
    if (!(CONNECTION_ARGS as readonly string[]).includes(key)) rest[key] = value;
  }
  return { connection, rest };
}

/** `evaluateRequirements`' own argument; anything else is refused by name, as the library refuses unknown arguments. */
function requirementsOf(args: Record<string, unknown>): QuotaRequirement[] {
  const { requirements, region: _region, ...unknown } = args;
  const extra = Object.keys(unknown);
  if (extra.length > 0) throw new HuaweiCloudError({ kind: 'invalid-argument', field: extra[0]!, message: `${extra[0]}: unknown argument ${JSON.stringify(extra[0])}; arguments are requirements, region, ${CONNECTION_ARGS.join(', ')}` });
  if (!Array.isArray(requirements)) throw new HuaweiCloudError({ kind: 'invalid-argument', field: 'requirements', message: 'requirements: is required: a list of requirements ({service, type, need, ...})' });
  return requirements as QuotaRequirement[];
}

/** One failure per line of an `invalid-argument` error (`field: what is wrong`), each naming its field. */
function failuresOf(error: HuaweiCloudError): PropertyFailure[] {
  return error.message.split('\n').map((line) => {
    const match = /^([^\s:]+): ([\s\S]*)$/.exec(line);
    if (!match) return { property: error.field ?? '', reason: line };
    // The library says `arguments: unknown argument "regoin"`: the failure is the argument's own.
    const unknown = match[1] === 'arguments' ? /^unknown argument "([^"]+)"/.exec(match[2]!) : null;
    return { property: unknown ? unknown[1]! : match[1]!, reason: match[2]! };
  });
}
