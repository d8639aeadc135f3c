import { regionEnvName } from '../endpoints/region';
import { ENDPOINT_SERVICES } from '../apis/quota-apis';
import { primaryAccessKey, type EmulatorState } from './state-schema';
import { servedRegions } from './state-lookups';

/**
 * The environment that points a client at the emulator with no other setting: its URL, the first account's root key,
 * domain and first project (with that project's region as `HW_REGION_NAME`), the global IAM endpoint, every
 * service's endpoint in every region served where the service is offered, and with TLS the CA file as `OS_CACERT`.
 */
export function emulatorEnv(url: string, state: EmulatorState, caCertFile: string | undefined): Record<string, string> {
  const account = state.accounts[0]!;
  const project = account.projects[0]!;
  const key = primaryAccessKey(account)!;
  const env: Record<string, string> = {
    HWQUOTA_EMULATOR_URL: url,
    HUAWEICLOUD_SDK_AK: key.accessKey,
    HUAWEICLOUD_SDK_SK: key.secretKey,
    HUAWEICLOUD_SDK_DOMAIN_ID: account.id,
    HUAWEICLOUD_SDK_PROJECT_ID: project.id,
    HW_REGION_NAME: project.region,
    HUAWEICLOUD_SDK_IAM_ENDPOINT: `${url}/iam`,
  };
  for (const region of [...servedRegions(state)].sort()) {
    // Not where a service is not offered (MetaStudio): there, as in the cloud, there is no endpoint to point at.
    for (const { host, envName, regions } of ENDPOINT_SERVICES) {
      if (!regions || regions.includes(region)) env[`HUAWEICLOUD_SDK_REGION_${envName}_${regionEnvName(region)}`] = `${url}/${host}/${region}`;
    }
  }
  if (caCertFile) env.OS_CACERT = caCertFile;
  return env;
}

/** Shell-ready `export NAME=value` lines, quoted where the shell needs it. */
export function exportLines(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
    .join('');
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+,=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
