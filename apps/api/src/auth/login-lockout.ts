/**
 * Brute force kept out without handing out a denial of service (issue 8). A lock-out per user name
 * alone let anyone lock `admin` out with a few bad guesses; a lock-out per address alone lets a
 * botnet guess one account from many addresses. So two counters of failures in a row:
 *
 * - per name *and* address: `failures` of them lock that address out of that name for `seconds`.
 *   A guesser locks only itself out; the real user elsewhere is not concerned.
 * - per name, from any address: `failures × NAME_FACTOR` of them (many addresses guessing one
 *   account) lock the name out for `seconds` for every address it never logged in from; an
 *   address where it logged in before (kept per name, a few) still passes, so the real user keeps
 *   working from their usual places while a botnet is shut out.
 *
 * Names that do not exist are tracked too, so a lock-out does not tell which names exist. Kept in
 * memory per process (bounded): a restart, or another API process, starts afresh.
 */
export class LoginLockout {
  private readonly entries = new Map<string, { failures: number; until: number }>();
  private readonly known = new Map<string, string[]>();

  constructor(
    private readonly failures: number,
    private readonly seconds: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this address may try this name again; 0 when it may now. */
  retryAfter(username: string, address: string): number {
    const pair = this.wait(pairKey(username, address));
    const name = this.isKnown(username, address) ? 0 : this.wait(nameKey(username));
    return Math.max(pair, name);
  }

  failed(username: string, address: string): void {
    this.count(pairKey(username, address), this.failures);
    this.count(nameKey(username), this.failures * NAME_FACTOR);
  }

  succeeded(username: string, address: string): void {
    this.entries.delete(pairKey(username, address));
    // A name under attack stays locked for unknown addresses until its time is up.
    if (this.wait(nameKey(username)) === 0) this.entries.delete(nameKey(username));
    this.remember(username, address);
  }

  private wait(k: string): number {
    const entry = this.entries.get(k);
    if (!entry || entry.until === 0) return 0;
    const left = entry.until - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    this.entries.delete(k);
    return 0;
  }

  private count(k: string, limit: number): void {
    const entry = this.entries.get(k) ?? { failures: 0, until: 0 };
    entry.failures += 1;
    if (entry.failures >= limit) entry.until = this.now() + this.seconds * 1000;
    this.entries.delete(k);
    this.entries.set(k, entry);
    if (this.entries.size > this.maxEntries) this.evictOne();
  }

  private isKnown(username: string, address: string): boolean {
    return this.known.get(username.toLowerCase())?.includes(address) ?? false;
  }

  private remember(username: string, address: string): void {
    const name = username.toLowerCase();
    const addresses = (this.known.get(name) ?? []).filter((a) => a !== address);
    this.known.delete(name);
    this.known.set(name, [address, ...addresses].slice(0, KNOWN_PER_NAME));
    // Only real users log in, so this map stays small; the bound is a safety net.
    if (this.known.size > this.maxEntries) this.known.delete(this.known.keys().next().value!);
  }

  /**
   * A flood of made-up names cannot grow the map without bound, nor push a locked entry out: the
   * oldest entry that is not locked goes first (a Map iterates oldest first).
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

/** How many more failures, from all addresses together, lock a name for unknown addresses. */
export const NAME_FACTOR = 10;
/** Addresses remembered per name as "where it logged in before". */
const KNOWN_PER_NAME = 8;

const pairKey = (username: string, address: string) => `pair\n${username.toLowerCase()}\n${address}`;
const nameKey = (username: string) => `name\n${username.toLowerCase()}`;
