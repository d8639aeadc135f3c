import { FAULT_KINDS, FAULT_ROUTES, type Fault, type FaultKind, type FaultRoute } from './faults';

/** Thrown for a `--fault` value the emulator cannot use; the message says what is allowed. */
export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

/**
 * Reads `ROUTE=KIND[,count=N|rate=R][,retryAfter=S]`, as given to `--fault`: for example `kms=503,count=2`,
 * `*=429,rate=0.2,retryAfter=3` or `metastudio=hang`.
 */
export function parseFaultSpec(text: string): Fault {
  const [target, ...options] = text.split(',');
  const [route, kind, ...extra] = (target ?? '').split('=');
  if (route === undefined || kind === undefined || extra.length > 0) {
    throw new FaultSpecError(`expected ROUTE=KIND[,count=N|rate=R][,retryAfter=S], for example kms=503,count=2; got ${JSON.stringify(text)}`);
  }
  if (!(FAULT_ROUTES as readonly string[]).includes(route)) {
    throw new FaultSpecError(`unknown route ${JSON.stringify(route)}; use one of ${FAULT_ROUTES.join(', ')}`);
  }
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new FaultSpecError(`unknown kind ${JSON.stringify(kind)}; use one of ${FAULT_KINDS.join(', ')}`);
  }
  const fault: Fault = { route: route as FaultRoute, kind: kind as FaultKind };
  for (const option of options) {
    const [name, value = ''] = option.split('=');
    if (name === 'count' && /^[1-9]\d*$/.test(value)) fault.count = Number(value);
    else if (name === 'rate' && /^(0(\.\d+)?|1(\.0+)?)$/.test(value)) fault.rate = Number(value);
    else if (name === 'retryAfter' && /^\d+$/.test(value)) fault.retryAfter = Number(value);
    else {
      throw new FaultSpecError(
        `bad option ${JSON.stringify(option)}; use count=N (a whole number ≥ 1), rate=R (0 to 1) or retryAfter=S (whole seconds)`,
      );
    }
  }
  if (fault.count !== undefined && fault.rate !== undefined) throw new FaultSpecError(`give count or rate, not both: ${JSON.stringify(text)}`);
  return fault;
}
