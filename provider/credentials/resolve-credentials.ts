import { InputFileRefused } from '../read-input-file';
import { HuaweiCloudError } from '../errors';
import { staticSource, type Auth, type CredentialSource } from './auth';
import { DEFAULT_METADATA_URL, fetchSecurityKey, metadataSource } from './ecs-metadata';
import { profilePath, readProfileFile, type ProfileSection } from './profile-file';

/** Credentials given as options: the first place the credentials chain looks. */
export interface CredentialOptions {
  /** Access key ID; needs `secretKey`. */
  accessKey?: string;
  /** Secret access key; needs `accessKey`. Never appears in a message, log line or error. */
  secretKey?: string;
  /** With `accessKey`/`secretKey`, for temporary keys. */
  securityToken?: string;
  /** An IAM token, sent as `X-Auth-Token` instead of signing. */
  authToken?: string;
  /**
   * Base URL of the ECS metadata service, the last place looked at (default `http://169.254.169.254`, or
   * `HWQUOTA_METADATA_URL`); `false` or `off` skips it.
   */
  metadataUrl?: string | false;
  /**
   * Where the credential options came from, for messages (default `the accessKey and secretKey options`, `the authToken
   * option`): the data sources name the stack config keys they read.
   */
  credentialsOrigin?: string;
}

type Found = CredentialSource | { looked: string };

/**
 * Finds credentials, first found of: the options (`accessKey`/`secretKey`, then `authToken`); `HUAWEICLOUD_SDK_AK`/`_SK`
 * (`_SECURITY_TOKEN`); `HW_ACCESS_KEY`/`HW_SECRET_KEY` (`HW_SECURITY_TOKEN`); the profile file; `HW_AUTH_TOKEN`; the ECS
 * metadata service. When none has them, one `missing-credentials` error lists every place looked at.
 */
export async function resolveCredentials(options: CredentialOptions, env: NodeJS.ProcessEnv): Promise<CredentialSource> {
  const looked: string[] = [];
  const steps: (() => Found | Promise<Found>)[] = [
    () => accessKeyPair(options.credentialsOrigin ?? 'the accessKey and secretKey options', ['accessKey', 'secretKey'], [options.accessKey, options.secretKey], options.securityToken),
    () => token(options.credentialsOrigin ?? 'the authToken option', options.authToken),
    () => accessKeyPair('HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK', ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK'], [env.HUAWEICLOUD_SDK_AK, env.HUAWEICLOUD_SDK_SK], env.HUAWEICLOUD_SDK_SECURITY_TOKEN),
    () => accessKeyPair('HW_ACCESS_KEY and HW_SECRET_KEY', ['HW_ACCESS_KEY', 'HW_SECRET_KEY'], [env.HW_ACCESS_KEY, env.HW_SECRET_KEY], env.HW_SECURITY_TOKEN),
    () => profile(profilePath(env)),
    () => token('HW_AUTH_TOKEN', env.HW_AUTH_TOKEN),
    () => metadata(options.metadataUrl ?? env.HWQUOTA_METADATA_URL ?? DEFAULT_METADATA_URL),
  ];
  for (const step of steps) {
    const found = await step();
    if ('current' in found) return found;
    looked.push(found.looked);
  }
  throw new HuaweiCloudError({
    kind: 'missing-credentials',
    message: `no Huawei Cloud credentials found. Looked at: ${looked.join('; ')}.`,
  });
}

function accessKeyPair(
  origin: string,
  names: [string, string],
  [accessKey, secretKey]: [string | undefined, string | undefined],
  securityToken: string | undefined,
): Found {
  if (accessKey && secretKey) {
    const auth: Auth = { kind: 'access-key', accessKey, secretKey, ...(securityToken ? { securityToken } : {}) };
    return staticSource(origin, auth);
  }
  if (accessKey || secretKey) {
    const [present, absent] = accessKey ? names : [names[1], names[0]];
    throw new HuaweiCloudError({ kind: 'missing-credentials', message: `${present} is set but ${absent} is not: set both, or neither.` });
  }
  return { looked: origin };
}

function token(origin: string, value: string | undefined): Found {
  return value ? staticSource(origin, { kind: 'token', token: value }) : { looked: origin };
}

function profile(path: string): Found {
  let file;
  try {
    file = readProfileFile(path);
  } catch (error) {
    const why = error instanceof InputFileRefused ? error.reason : ((error as NodeJS.ErrnoException).code ?? 'error');
    return { looked: `the profile file ${path} (unreadable: ${why})` };
  }
  if ('missing' in file) return { looked: `the profile file ${path} (not found)` };
  const [name, section] = usable(file.basic) ? ['basic', file.basic] : usable(file.global) ? ['global', file.global] : [];
  if (!name || !section) return { looked: `the profile file ${path} (no [basic] or [global] section with ak and sk)` };
  const auth: Auth = { kind: 'access-key', accessKey: section.ak!, secretKey: section.sk!, ...(section.security_token ? { securityToken: section.security_token } : {}) };
  return staticSource(`the profile file ${path} [${name}]`, auth, {
    domainId: file.basic?.domain_id || file.global?.domain_id || undefined,
    projectId: file.basic?.project_id || undefined,
  });
}

function usable(section: ProfileSection | undefined): boolean {
  return Boolean(section?.ak && section.sk);
}

async function metadata(baseUrl: string | false): Promise<Found> {
  if (baseUrl === false || baseUrl === 'off') return { looked: 'the ECS metadata service (turned off)' };
  try {
    return metadataSource(baseUrl, await fetchSecurityKey(baseUrl));
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    return { looked: `the ECS metadata service at ${baseUrl} (${reason})` };
  }
}
