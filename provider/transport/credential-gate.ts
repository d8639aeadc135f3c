import { onAbort } from './abort-listeners';

/**
 * The API gateway locks an access key after more than five failed signatures in a row. Until a host has accepted a
 * set of credentials once, no more than one request with them is out to that host at a time: a clock that is off
 * then costs one refused request (the others are signed with the corrected clock), and a wrong secret key costs one
 * (the others fail with its error, unsent). Shared by every client in the process, keyed by credentials and origin.
 */
export class CredentialGate {
  /** Added to the local clock when signing for this host: learnt from a 401's `Date` header. */
  clockOffsetMs = 0;
  private accepted = false;
  /** The one request out while the credentials are unproven. */
  private probe: GateTicket | undefined;
  private readonly waiting: Waiter[] = [];

  /**
   * Resolves when a request may be sent: at once when the credentials were accepted or nothing else is out, else when
   * the request out has settled them. Rejects with the refusal when that request was refused, or with
   * {@link GateWaitEnded} when the caller's signal aborts or `waitMs` passes first.
   */
  admit(signal: AbortSignal | undefined, waitMs: number): Promise<GateTicket> {
    const ticket = new GateTicket();
    if (this.accepted) return Promise.resolve(ticket);
    if (!this.probe) {
      this.probe = ticket;
      return Promise.resolve(ticket);
    }
    if (signal?.aborted) return Promise.reject(new GateWaitEnded('aborted'));
    return new Promise((resolve, reject) => {
      const end = (reason: 'aborted' | 'deadline') => {
        const index = this.waiting.indexOf(waiter);
        if (index !== -1) this.waiting.splice(index, 1);
        settle();
        reject(new GateWaitEnded(reason));
      };
      const timer = setTimeout(() => end('deadline'), waitMs);
      let stopListening = () => {};
      const settle = () => {
        clearTimeout(timer);
        stopListening();
      };
      const waiter: Waiter = {
        ticket,
        admit: () => (settle(), resolve(ticket)),
        fail: (error) => (settle(), reject(error)),
      };
      this.waiting.push(waiter);
      if (signal) stopListening = onAbort(signal, () => end('aborted'));
    });
  }

  /** The host answered something other than 401: the credentials are good, and every waiting request goes. */
  accept(): void {
    this.accepted = true;
    this.probe = undefined;
    for (const waiter of this.waiting.splice(0)) waiter.admit();
  }

  /** The request got no answer: it proved nothing, so the next waiting request goes (this one waits its turn again). */
  release(ticket: GateTicket): void {
    if (this.probe !== ticket) return;
    this.probe = undefined;
    const next = this.waiting.shift();
    if (next) {
      this.probe = next.ticket;
      next.admit();
    }
  }

  /** The host refused the credentials: every waiting request fails with the same error, unsent. */
  refuse(ticket: GateTicket, error: unknown): void {
    this.accepted = false;
    if (this.probe === ticket) this.probe = undefined;
    for (const waiter of this.waiting.splice(0)) waiter.fail(error);
  }

  /** Nothing out and nothing waiting: dropping the gate loses only what a new one learns again with one request. */
  get idle(): boolean {
    return !this.probe && this.waiting.length === 0;
  }

  /** A 401's `Date` header showed the clock off by this much: sign with it from now on. */
  correctClock(correctionMs: number): void {
    this.clockOffsetMs += correctionMs;
  }
}

/** One request's admission through a gate. */
export class GateTicket {}

/** The caller's signal aborted, or the deadline passed, while a request waited for its turn. */
export class GateWaitEnded extends Error {
  constructor(readonly reason: 'aborted' | 'deadline') {
    super(`ended while waiting: ${reason}`);
  }
}

interface Waiter {
  readonly ticket: GateTicket;
  admit(): void;
  fail(error: unknown): void;
}

const gates = new Map<string, CredentialGate>();

/** Gates kept before the idle ones are dropped: temporary keys rotate, and each new set of credentials makes gates. */
const MAX_GATES = 256;

/** The gate of a set of credentials (their non-secret identity key) at an origin (`https://kms.cn-north-4...`). */
export function credentialGate(identity: string, origin: string): CredentialGate {
  const key = `${identity}\n${origin}`;
  let gate = gates.get(key);
  if (!gate) {
    if (gates.size >= MAX_GATES) for (const [oldKey, old] of gates) if (old.idle) gates.delete(oldKey);
    gates.set(key, (gate = new CredentialGate()));
  }
  return gate;
}
