import { readInputFile } from '../read-input-file';
import { join } from 'node:path';
import { invalidArgument } from '../errors';

/** Endpoints by service (upper case, as the file's keys are compared) and region. */
type RegionsFileEndpoints = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

/** Read once per path and process, as the official SDKs read it. */
const loaded = new Map<string, RegionsFileEndpoints>();

/**
 * The official SDKs' regions file: `HUAWEICLOUD_SDK_REGIONS_FILE`, else `~/.huaweicloud/regions.yaml` (when the
 * environment names a home). Each service (any case) lists regions as `{id, endpoint}` or `{id, endpoints: [...]}`:
 *
 * ```yaml
 * ECS:
 *   - id: cn-north-4
 *     endpoint: https://ecs.cn-north-4.myhuaweicloud.com
 * ```
 *
 * A missing file is no error, and an entry without an `id` or an endpoint is skipped, as the official SDKs do; a file
 * that is not YAML of that shape is an error naming the file and what is wrong.
 */
export function regionsFileEndpoints(service: string, region: string, env: NodeJS.ProcessEnv): { field: string; endpoints: readonly string[] } | undefined {
  const home = env.HOME || env.USERPROFILE;
  const path = env.HUAWEICLOUD_SDK_REGIONS_FILE || (home ? join(home, '.huaweicloud', 'regions.yaml') : undefined);
  if (!path) return undefined;
  let file = loaded.get(path);
  if (!file) loaded.set(path, (file = readRegionsFile(path, env.HUAWEICLOUD_SDK_REGIONS_FILE ? 'HUAWEICLOUD_SDK_REGIONS_FILE' : 'regions file')));
  const endpoints = file.get(service.toUpperCase())?.get(region);
  return endpoints && { field: `${path} (${service} ${region})`, endpoints };
}

function readRegionsFile(path: string, field: string): RegionsFileEndpoints {
  let text: string;
  try {
    text = readInputFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw invalidArgument(field, `cannot read ${path}: ${(error as Error).message}`);
  }
  const bad = (what: string) => invalidArgument(field, `${path}: ${what}; see the official SDKs' regions.yaml format`);
  let document: unknown;
  try {
    // Loaded only when there is a file: the YAML parser is most of what a client would otherwise load at start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('yaml') as typeof import('yaml');
    document = parse(text, { maxAliasCount: 0 });
  } catch (error) {
    throw bad(`not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (document === null || document === undefined) return new Map();
  if (typeof document !== 'object' || Array.isArray(document)) throw bad('must map service names to lists of regions');
  const services = new Map<string, Map<string, string[]>>();
  for (const [service, regions] of Object.entries(document)) {
    if (!Array.isArray(regions)) throw bad(`${service} must be a list of {id, endpoint} or {id, endpoints}`);
    const byRegion = new Map<string, string[]>();
    for (const entry of regions as unknown[]) {
      const { id, endpoint, endpoints } = (entry ?? {}) as { id?: unknown; endpoint?: unknown; endpoints?: unknown };
      const urls = [endpoint, ...(Array.isArray(endpoints) ? endpoints : [])].filter((url): url is string => typeof url === 'string' && url !== '');
      if (typeof id === 'string' && id !== '' && urls.length > 0) byRegion.set(id, urls);
    }
    services.set(service.toUpperCase(), byRegion);
  }
  return services;
}
