import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { SharedRedis } from '@maison/http';

/**
 * Apollo Server's persisted-query store (APQ) in the Redis every gateway shares: a query
 * registered through one replica is found by its hash through any other. Each entry lives
 * ttlSeconds (APQ_TTL_SECONDS) from its last registration. Redis unreachable: a lookup misses (the
 * client is answered PERSISTED_QUERY_NOT_FOUND and sends the query again) and a registration is
 * dropped; no request fails for it.
 */
export class RedisApqCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: SharedRedis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.client.get(this.prefix + key)) ?? undefined;
    } catch (error) {
      this.redis.failed('persisted query get', error as Error);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl ?? this.ttlSeconds;
    try {
      await this.redis.client.set(this.prefix + key, value, 'EX', Math.max(1, Math.min(ttl, this.ttlSeconds)));
    } catch (error) {
      this.redis.failed('persisted query set', error as Error);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.client.del(this.prefix + key)) > 0;
    } catch (error) {
      this.redis.failed('persisted query delete', error as Error);
      return false;
    }
  }
}
