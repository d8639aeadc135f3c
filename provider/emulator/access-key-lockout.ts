/** Failed signatures in a row the gateway lets pass: one more locks the access key. */
export const FAILURES_ALLOWED = 5;

/** How long the real gateway keeps a key locked. */
export const DEFAULT_LOCKOUT_MS = 5 * 60_000;

/**
 * The gateway's brute-force guard: more than five failed authentications in a row with one access key lock it for a
 * while, during which even correctly signed requests are refused. A success resets the count; so does the end of a
 * lock.
 */
export class AccessKeyLockout {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly lockoutMs: number,
    private readonly now: () => number,
  ) {}

  isLocked(accessKey: string): boolean {
    const until = this.lockedUntil.get(accessKey);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.lockedUntil.delete(accessKey);
    return false;
  }

  recordFailure(accessKey: string): void {
    const failures = (this.failures.get(accessKey) ?? 0) + 1;
    if (failures <= FAILURES_ALLOWED) {
      this.failures.set(accessKey, failures);
      return;
    }
    this.failures.delete(accessKey);
    this.lockedUntil.set(accessKey, this.now() + this.lockoutMs);
  }

  recordSuccess(accessKey: string): void {
    this.failures.delete(accessKey);
  }
}
