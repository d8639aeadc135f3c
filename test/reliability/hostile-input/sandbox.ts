import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../provider/emulator';
import { environmentWithSecrets } from '../support/credential-modes';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy';
import { reliabilityState } from '../support/reliability-state';

/** Where a request may go besides the emulator: a service's own host in a region (a region the emulator does not serve). */
const CLOUD_HOST = /^CONNECT (iam|kms|sfs-turbo|metastudio)\.[a-z]{2}(-[a-z]+)+-\d{1,3}\.myhuaweicloud\.(com|eu):443$|^CONNECT iam\.myhuaweicloud\.com:443$/;

export interface Sandbox {
  emulator: RunningEmulator;
  /** Refuses everything, and records it: a request for anywhere but 127.0.0.1 ends here, never on the internet. */
  proxy: RecordingProxy;
  /** The client environment: the emulator's, every recognisable secret, and the proxy for everything but 127.0.0.1. */
  env: Record<string, string>;
  /** Marks the counts now; `expectContained()` then checks what came after. */
  mark(): { expectContained(where: string, extraAllowed?: (line: string) => boolean): void };
}

/**
 * One emulator and one refusing proxy for a test file of properties. Every case checks that its requests went to an
 * API the emulator serves (none unmatched: a path trick would land there) or, through the proxy, to a service's own
 * cloud host and nowhere else.
 */
export function useSandbox(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    const [emulator, proxy] = await Promise.all([startEmulator({ state: reliabilityState() }), startRecordingProxy({ tunnel: false })]);
    sandbox = {
      emulator,
      proxy,
      env: { ...environmentWithSecrets(emulator), HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
      mark: () => {
        const unmatched = emulator.requests.unmatched;
        const seen = proxy.seen.length;
        return {
          expectContained(where, extraAllowed = () => false) {
            expect(emulator.requests.unmatched - unmatched, `${where}: requests to no API of the emulator`).toBe(0);
            const escaped = proxy.seen.slice(seen).filter((line) => !CLOUD_HOST.test(line) && !extraAllowed(line));
            expect(escaped, `${where}: requests for other hosts`).toEqual([]);
          },
        };
      },
    };
  });
  afterAll(async () => {
    await Promise.all([sandbox?.emulator.stop(), sandbox?.proxy.close()]);
  });
  return () => sandbox!;
}
