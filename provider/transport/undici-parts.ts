// Only the parts of undici this package uses, loaded when first needed: loading its root costs ~50 ms of cold start (it
// loads fetch, websockets, caches...), and most clients never need undici at all. The types still come from the root.
import type { Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The proxy agent needs undici's whole API (it tunnels with `dispatcher.connect`, which only the root installs),
 * so only proxy users pay for loading the root.
 */
export function loadEnvHttpProxyAgent(): typeof EnvHttpProxyAgentType {
  return (require('undici') as typeof import('undici')).EnvHttpProxyAgent;
}

type ApiRequest = (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
let apiRequest: ApiRequest | undefined;

/** `dispatcher.request(...)` without relying on the undici root having patched `Dispatcher.prototype`. */
export function dispatchRequest(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  apiRequest ??= require('undici/lib/api/api-request') as ApiRequest;
  return apiRequest.call(dispatcher, options);
}
/* eslint-enable @typescript-eslint/no-require-imports */
