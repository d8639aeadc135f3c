import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../../../provider/endpoints/service-names';
import { runCli } from '../support/run-cli';
import { useSandbox } from './sandbox';

// Found by this suite: an `--endpoint` named like an Object.prototype member (`constructor=URL`, `__proto__=URL`,
// `toString=URL`) found an inherited value, passed as a known service and was silently ignored. Now it is refused like
// every other unknown service, with a usage error naming the allowed ones.

const sandbox = useSandbox();

describe('--endpoint with a service named like an Object.prototype member', () => {
  it('is refused like any other unknown service', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const run = await runCli(['get', 'kms', '--endpoint', `${name}=http://endpoint.invalid`], sandbox().env);
      expect(run.code, `--endpoint ${name}=...`).toBe(2);
      expect(run.stderr.startsWith(`hwquota: usage: --endpoint takes SERVICE=URL with SERVICE one of ${SERVICE_NAMES.join(', ')}`), run.stderr).toBe(true);
    }
  });
});
