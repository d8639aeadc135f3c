import { SERVICE_NAMES, type ServiceName } from '../endpoints/service-names';

/** Thrown for a `--throttle` value the emulator cannot use; the message says what is allowed. */
export class ThrottleSpecError extends Error {
  override readonly name = 'ThrottleSpecError';
}

/** Reads `SERVICE=N/s`, as given to `--throttle`: for example `kms=50/s` or `iam=2.5/s`. */
export function parseThrottleSpec(text: string): { service: ServiceName; perSecond: number } {
  const match = /^([^=]*)=(\d+(?:\.\d+)?)\/s$/.exec(text);
  if (!match) throw new ThrottleSpecError(`expected SERVICE=N/s, for example kms=50/s; got ${JSON.stringify(text)}`);
  const [, service, amount] = match;
  if (!(SERVICE_NAMES as readonly string[]).includes(service!)) {
    throw new ThrottleSpecError(`unknown service ${JSON.stringify(service)}; use one of ${SERVICE_NAMES.join(', ')}`);
  }
  const perSecond = Number(amount);
  if (!(perSecond > 0)) throw new ThrottleSpecError(`the rate must be above 0 requests per second; got ${JSON.stringify(text)}`);
  return { service: service as ServiceName, perSecond };
}
