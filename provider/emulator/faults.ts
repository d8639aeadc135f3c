import { z } from 'zod';
import { ROUTE_NAMES, type RouteName } from './router';

/** Where a fault applies: one API by its route name, or `*` for all of them. */
export const FAULT_ROUTES = [...ROUTE_NAMES, '*'] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

/**
 * What a faulty request gets:
 * - `429`: throttled by the gateway (`APIGW.0308`, with `Retry-After`);
 * - `500`, `503`: the service's own internal error, in its body shape;
 * - `502`, `504`: the gateway's backend unavailable / backend timeout (`APIGW.0201`);
 * - `reset`: the connection is destroyed without an answer;
 * - `truncate`: a 200 whose `Content-Length` promises more than is sent before the connection closes;
 * - `malformed`: a 200 with a body that is not JSON;
 * - `html`: a proxy's 502 HTML page;
 * - `hang`: no answer at all (until the client gives up or the emulator stops).
 */
export const FAULT_KINDS = ['429', '500', '502', '503', '504', 'reset', 'truncate', 'malformed', 'html', 'hang'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** `Retry-After` of a 429 when the fault does not say. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * A fault to inject. `count: N` fails the first N matching requests; `rate: R` fails each with probability R;
 * neither fails all. `retryAfter` (seconds) is the 429's `Retry-After`.
 */
export const FaultSchema = z
  .object({
    route: z.enum(FAULT_ROUTES),
    kind: z.enum(FAULT_KINDS),
    count: z.number().int().positive().optional(),
    rate: z.number().min(0).max(1).optional(),
    retryAfter: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((fault) => fault.count === undefined || fault.rate === undefined, 'give count or rate, not both');

export type Fault = z.infer<typeof FaultSchema>;

interface ActiveFault {
  fault: Fault;
  /** For `count` faults: how many more requests fail. */
  remaining: number;
}

/**
 * The faults in force. Faults are tried in order; the first that matches a request's route and fires decides.
 * Replacing the faults restarts their counts.
 */
export class FaultPlan {
  private active: ActiveFault[] = [];

  constructor(faults: readonly Fault[]) {
    this.replace(faults);
  }

  /** Checks and installs a new list of faults (throws on a bad one, naming it by its index). */
  replace(faults: readonly Fault[]): void {
    const checked = faults.map((fault, index) => {
      const result = FaultSchema.safeParse(fault);
      if (result.success) return result.data;
      const issue = result.error.issues[0]!;
      throw new TypeError(`faults[${index}]${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
    });
    this.active = checked.map((fault) => ({ fault, remaining: fault.count ?? Infinity }));
  }

  /** The fault a request to this route gets, if any (spending one of a `count` fault's failures). */
  pick(route: RouteName): Fault | undefined {
    for (const entry of this.active) {
      const { fault } = entry;
      if (fault.route !== '*' && fault.route !== route) continue;
      if (entry.remaining <= 0) continue;
      if (fault.rate !== undefined && Math.random() >= fault.rate) continue;
      entry.remaining -= 1;
      return fault;
    }
    return undefined;
  }
}
