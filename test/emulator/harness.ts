import { request as httpRequest } from 'node:http';
import { afterEach } from 'vitest';
import { createHuaweiCloudClient, type HuaweiCloudClient } from '../../provider/client';
import type { HuaweiCloudClientOptions } from '../../provider/client-options';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../provider/emulator';
import { signRequest, type AccessKeyCredentials } from '../../provider/signing/sign-request';

/**
 * Per test file: `start` runs an emulator on 127.0.0.1 and a free port, `clientOf` makes our client for it from its
 * printed environment (with fast retries); both are stopped and closed after each test.
 */
export function useEmulator() {
  const emulators: RunningEmulator[] = [];
  const clients: HuaweiCloudClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(emulators.splice(0).map((emulator) => emulator.stop()));
  });
  return {
    async start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
      const emulator = await startEmulator(options);
      emulators.push(emulator);
      return emulator;
    },
    clientOf(emulator: RunningEmulator, options: HuaweiCloudClientOptions = {}): HuaweiCloudClient {
      const client = createHuaweiCloudClient({ env: emulator.env, retryBaseDelayMs: 5, retryMaxDelayMs: 20, ...options });
      clients.push(client);
      return client;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON (`undefined` when it is not JSON). */
  json: unknown;
}

/**
 * One plain-HTTP GET with exactly these headers and this path (not normalised: `..` stays), without retries: what the
 * emulator answers, as it answers it. Rejects when the connection fails or the body is cut short.
 */
export function rawGet(url: string, headers: Record<string, string> = {}, options: { method?: string; timeoutMs?: number } = {}): Promise<RawResponse> {
  const { host, pathname, search } = new URL(url);
  const path = url.slice(url.indexOf(host) + host.length) || `${pathname}${search}`;
  return new Promise((resolve, reject) => {
    const request = httpRequest(`http://${host}`, { method: options.method ?? 'GET', path, headers, agent: false, timeout: options.timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('aborted', () => reject(new Error('the response was cut short')));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) flat[name] = String(value);
        resolve({ status: response.statusCode!, headers: flat, text, json: parseJson(text) });
      });
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
    request.end();
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The headers our signer gives a GET to `url` (Content-Type, scope headers, X-Sdk-Date, Authorization...). */
export function signedHeaders(url: string, credentials: AccessKeyCredentials, headers: Record<string, string> = {}, date?: Date): Record<string, string> {
  return signRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json', ...headers } }, credentials, { date });
}

/** The default state's credentials, by role. */
export function credentialsOf(emulator: RunningEmulator) {
  const [account] = emulator.state.accounts;
  const keys = account!.accessKeys;
  const root = keys.find((key) => key.accessKey === emulator.env.HUAWEICLOUD_SDK_AK)!;
  const rootUserIds = new Set(account!.users.filter((user) => user.root).map((user) => user.id));
  const iamUser = keys.find((key) => !rootUserIds.has(key.userId) && !key.securityToken)!;
  const temporary = keys.find((key) => key.securityToken)!;
  const projectToken = account!.tokens.find((token) => 'projectId' in token.scope)!;
  const accountToken = account!.tokens.find((token) => 'domainId' in token.scope)!;
  return { root, iamUser, temporary, projectToken, accountToken };
}

/** The default state's projects, by name. */
export function projectsOf(emulator: RunningEmulator) {
  const byName = (name: string) => emulator.state.accounts[0]!.projects.find((project) => project.name === name)!;
  return { main: byName('cn-north-4'), dev: byName('cn-north-4_dev'), eu: byName('eu-west-101') };
}
