// Only the parts of undici this package uses: loading its root costs ~50 ms of cold start (it loads fetch,
// websockets, caches...). The types still come from the root.
import type { Agent as AgentType, Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports */
export const Agent = require('undici/lib/dispatcher/agent') as typeof AgentType;

export function loadEnvHttpProxyAgent(): typeof EnvHttpProxyAgentType {
  return require('undici/lib/dispatcher/env-http-proxy-agent') as typeof EnvHttpProxyAgentType;
}

const apiRequest = require('undici/lib/api/api-request') as (
  this: Dispatcher,
  options: Dispatcher.RequestOptions,
) => Promise<Dispatcher.ResponseData>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** `dispatcher.request(...)` without relying on the undici root having patched `Dispatcher.prototype`. */
export function dispatchRequest(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return apiRequest.call(dispatcher, options);
}
