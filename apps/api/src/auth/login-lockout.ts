/**
 * Locks a user name out after `failures` failed attempts in a row, from whatever address, for
 * `seconds`: the per-address throttle alone lets a botnet guess one account's password. Names that
 * do not exist are tracked too, so a lock-out does not tell which names exist. Kept in memory per
 * process (bounded): a restart, or another API process, starts afresh.
 */
export class LoginLockout {
  private readonly entries = new Map<string, { failures: number; until: number }>();

  constructor(
    private readonly failures: number,
    private readonly seconds: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the name may try again; 0 when it is not locked. */
  retryAfter(username: string): number {
    const entry = this.entries.get(key(username));
    if (!entry || entry.until === 0) return 0;
    const left = entry.until - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    this.entries.delete(key(username));
    return 0;
  }

  failed(username: string): void {
    const k = key(username);
    const entry = this.entries.get(k) ?? { failures: 0, until: 0 };
    entry.failures += 1;
    if (entry.failures >= this.failures) entry.until = this.now() + this.seconds * 1000;
    this.entries.delete(k);
    this.entries.set(k, entry);
    if (this.entries.size > this.maxEntries) this.evictOne();
  }

  succeeded(username: string): void {
    this.entries.delete(key(username));
  }

  /**
   * A flood of made-up names cannot grow the map without bound, nor push a locked name out: the
   * oldest name that is not locked goes first (a Map iterates oldest first).
   */
  private evictOne(): void {
    const now = this.now();
    for (const [k, entry] of this.entries) {
      if (entry.until <= now) {
        this.entries.delete(k);
        return;
      }
    }
    this.entries.delete(this.entries.keys().next().value!);
  }
}

const key = (username: string) => username.toLowerCase();
