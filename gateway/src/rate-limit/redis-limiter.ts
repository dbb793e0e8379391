import type Redis from 'ioredis';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Limiter } from './limiter';
import type { Take } from './token-bucket';

/**
 * The token bucket of token-bucket.ts, shared through Redis with rate-limiter-flexible: a steady
 * pace (`paced` points every `seconds`, about perMinute a minute) plus a burst of the rest of the
 * minute, as BurstyRateLimiter combines them. A caller may spend its minute at once, then keeps the
 * pace, and a refusal names the wait until the next point (at most one pace period), as before.
 *
 * When Redis fails, each limiter decides in this process's memory (insuranceLimiter) and onFallback
 * is told: the limits hold per replica instead of across them, and no request fails for it.
 */
export function pace(perMinute: number): { points: number; seconds: number } {
  const seconds = Math.max(1, Math.floor(60 / perMinute));
  return { points: Math.max(1, Math.round((perMinute * seconds) / 60)), seconds };
}

export class RedisLimiter implements Limiter {
  readonly kind = 'redis';
  private readonly limiter: RateLimiterAbstract | BurstyRateLimiter;

  constructor(redis: Redis, perMinute: number, keyPrefix: string, onFallback: () => void) {
    const { points, seconds } = pace(perMinute);
    const insurance = (p: number, d: number) => {
      const memory = new RateLimiterMemory({ points: p, duration: d });
      const consume = memory.consume.bind(memory);
      memory.consume = (...args) => {
        onFallback();
        return consume(...args);
      };
      return memory;
    };
    const limiter = (name: string, p: number, d: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        rejectIfRedisNotReady: true,
        keyPrefix: `${keyPrefix}${name}`,
        points: p,
        duration: d,
        insuranceLimiter: insurance(p, d),
      });
    const steady = limiter('pace', points, seconds);
    const burst = perMinute - points;
    this.limiter = burst > 0 ? new BurstyRateLimiter(steady, limiter('burst', burst, 60)) : steady;
  }

  async take(key: string): Promise<Take> {
    try {
      await this.limiter.consume(key);
      return { ok: true };
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
    }
  }
}
