import type { Limiter } from './limiter';
import { TokenBuckets, type Take } from './token-bucket';

/** The limit of one process: its own token buckets (without REDIS_URL). */
export class MemoryLimiter implements Limiter {
  readonly kind = 'memory';
  readonly buckets: TokenBuckets;

  constructor(perMinute: number) {
    this.buckets = new TokenBuckets(perMinute);
  }

  async take(key: string): Promise<Take> {
    return this.buckets.take(key);
  }
}
