import type { Claim, NonceStore } from './nonce-store';
import { MemoryNonceStore } from './nonce-store';

/** The one command the store needs from an ioredis connection (kept as an interface: @maison/auth has no Redis client). */
export interface NonceRedis {
  set(key: string, value: string, px: 'PX', ttlMs: number, nx: 'NX'): Promise<'OK' | null>;
  quit(): Promise<unknown>;
}

/**
 * Nonces shared by every replica of a subgraph: `SET <prefix><nonce> 1 PX <ttl> NX` answers OK only
 * to the first. When Redis fails, the nonce is claimed in this process's memory instead (a replay
 * to the same replica is still refused) and onError is told, so the operator sees the outage.
 */
export class RedisNonceStore implements NonceStore {
  readonly kind = 'redis';
  private readonly fallback: MemoryNonceStore;

  constructor(
    private readonly redis: NonceRedis,
    private readonly prefix: string,
    private readonly options: { maxEntries?: number; now?: () => number; onError?: (error: Error) => void } = {},
  ) {
    this.fallback = new MemoryNonceStore(options.maxEntries, options.now);
  }

  async claim(nonce: string, expiresAt: number): Promise<Claim> {
    const ttlMs = Math.max(1, Math.ceil(expiresAt - (this.options.now ?? Date.now)()));
    try {
      return (await this.redis.set(`${this.prefix}${nonce}`, '1', 'PX', ttlMs, 'NX')) === 'OK' ? 'fresh' : 'replayed';
    } catch (error) {
      this.options.onError?.(error as Error);
      return this.fallback.claimNow(nonce, expiresAt);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
