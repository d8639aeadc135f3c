import type { Dispatcher } from 'undici';
import type { ConnectionPool } from './connection-pool';
import { dispatchRequest } from './undici-parts';

/** An undici dispatcher as the pool: one the caller injected (`owned: false`, closed by the caller) or the proxy agent. */
export function undiciPool(dispatcher: Dispatcher, { owned }: { owned: boolean }): ConnectionPool {
  return {
    async request(request) {
      // undici takes a signal: this path (a proxy or an injected dispatcher) pays for one AbortController a request.
      const controller = new AbortController();
      request.cancellation.onCancel((reason) => controller.abort(reason));
      const response = await dispatchRequest(dispatcher, {
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        signal: controller.signal,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body, destroy: () => response.body.destroy() };
    },
    close: () => (owned ? dispatcher.close() : Promise.resolve()),
  };
}
