import { z } from 'zod';
import { ROUTE_NAMES, type RouteName } from './router';

/** Where a fault applies: one API by its route name, or `*` for all of them. */
export const FAULT_ROUTES: readonly FaultRoute[] = [...ROUTE_NAMES, '*'];
/** One of {@link FAULT_ROUTES}. */
export type FaultRoute = RouteName | '*';

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
/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** `Retry-After` of a 429 when the fault does not say. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * A fault to inject. `count: N` fails the first N matching requests; `rate: R` fails each with probability R;
 * neither fails all. `retryAfter` (seconds) is the 429's `Retry-After`.
 */
export const FaultSchema = z
  .object({
    /** The API it applies to (`kms`, `projects`...), or `*` for all. */
    route: z.enum(FAULT_ROUTES as [FaultRoute, ...FaultRoute[]]),
    /** What the request gets instead of its answer. */
    kind: z.enum(FAULT_KINDS),
    /** Fail the first N matching requests, then none. */
    count: z.number().int().positive().optional(),
    /** Fail each matching request with this probability, 0 to 1. */
    rate: z.number().min(0).max(1).optional(),
    /** For `429`: the `Retry-After` header, in whole seconds. Default 1. */
    retryAfter: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((fault) => fault.count === undefined || fault.rate === undefined, 'give count or rate, not both');

/** A fault to inject, as {@link FaultSchema} checks it: `{route, kind, count?, rate?, retryAfter?}`. */
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
