export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * In-memory token buckets, one per key: each holds up to perMinute tokens and refills at
 * perMinute per minute, so a client may burst up to its minute's worth and then keeps the pace.
 * Full buckets are forgotten (they are the same as new ones), and at most maxKeys are kept, so
 * a flood of new addresses cannot grow memory without bound. perMinute 0 turns the limit off.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private takesSinceSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): Take {
    if (this.perMinute <= 0) return { ok: true };
    const now = this.now();
    if (++this.takesSinceSweep >= 1000) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.delete(key); // re-inserted last: the Map's order is least recently used first
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** Drops buckets that have refilled completely. */
  sweep(now = this.now()): void {
    this.takesSinceSweep = 0;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
