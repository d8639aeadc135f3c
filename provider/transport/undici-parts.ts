// Only the parts of undici this package uses: loading its root costs ~50 ms of cold start (it loads fetch,
// websockets, caches...). The types still come from the root.
import type { Agent as AgentType, Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports */
export const Agent = require('undici/lib/dispatcher/agent') as typeof AgentType;

/**
 * The proxy agent needs undici's whole API (it tunnels with `dispatcher.connect`, which only the root installs),
 * so only proxy users pay for loading the root.
 */
export function loadEnvHttpProxyAgent(): typeof EnvHttpProxyAgentType {
  return (require('undici') as typeof import('undici')).EnvHttpProxyAgent;
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
