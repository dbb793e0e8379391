/** Whether a nonce was seen before: 'fresh' the first time, 'replayed' after; 'full' when it cannot be remembered. */
export type Claim = 'fresh' | 'replayed' | 'full';

/** Where a verifier remembers the nonces it accepted, each until its signature expires. */
export interface NonceStore {
  readonly kind: 'memory' | 'redis';
  /** Remembers the nonce until expiresAt (ms since the epoch); says whether it was already there. */
  claim(nonce: string, expiresAt: number): Promise<Claim>;
  close(): Promise<void>;
}

/** What a shared store counts, for the metrics of its process. */
export interface NonceStats {
  accepted: number;
  replayed: number;
  full: number;
}

/**
 * Nonces in a Map with their expiry, swept of expired ones, never more than maxEntries. Only
 * requests whose signature verified reach it (the gateway's secret is needed to fill it), so a
 * full store means more signed traffic than it was sized for: new nonces are then refused ('full')
 * rather than forgetting live ones, which would let their requests be replayed.
 */
export class MemoryNonceStore implements NonceStore {
  readonly kind = 'memory';
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  constructor(
    private readonly maxEntries = 500_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.expiries.size;
  }

  async claim(nonce: string, expiresAt: number): Promise<Claim> {
    return this.claimNow(nonce, expiresAt);
  }

  /** The same, synchronously (the Redis store falls back on it). */
  claimNow(nonce: string, expiresAt: number): Claim {
    const now = this.now();
    const known = this.expiries.get(nonce);
    if (known !== undefined && known > now) return 'replayed';
    // At most once a second, full or not: a full store must not cost a walk of every entry per request.
    if (now >= this.nextSweep) this.sweep(now);
    if (this.expiries.size >= this.maxEntries) return 'full';
    this.expiries.set(nonce, expiresAt);
    return 'fresh';
  }

  /** Forgets the nonces whose signatures have expired (claim runs it at most once a second). */
  sweep(now = this.now()): void {
    this.nextSweep = now + 1000;
    for (const [nonce, expiresAt] of this.expiries) if (expiresAt <= now) this.expiries.delete(nonce);
  }

  async close(): Promise<void> {
    this.expiries.clear();
  }
}
