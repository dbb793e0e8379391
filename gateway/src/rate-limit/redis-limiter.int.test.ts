import { connectRedis, createLogger, type SharedRedis } from '@maison/http';
import { testRedisPrefix, testRedisUrl } from '@maison/testing';
import { pace } from './redis-limiter';
import { rateLimits } from './rate-limit';

/** The rate limits shared through Redis (rate-limiter-flexible), as two gateway replicas use them. */
describe('pace', () => {
  it('spreads perMinute over whole seconds: one point every 60/N s when N ≤ 60', () => {
    expect(pace(5)).toEqual({ points: 1, seconds: 12 });
    expect(pace(10)).toEqual({ points: 1, seconds: 6 });
    expect(pace(60)).toEqual({ points: 1, seconds: 1 });
    expect(pace(600)).toEqual({ points: 10, seconds: 1 });
    expect(pace(1)).toEqual({ points: 1, seconds: 60 });
  });
});

const REDIS_URL = testRedisUrl('redis-limiter.int.test.ts', 'rate limits shared by two gateways through Redis');
if (REDIS_URL) {
  describe('rate limits on one Redis (TEST_REDIS_URL)', () => {
    const connections: SharedRedis[] = [];
    const log = createLogger('test', 'silent');
    const connect = async () => {
      const redis = await connectRedis(REDIS_URL, { name: 'test', log });
      connections.push(redis);
      return redis;
    };
    afterAll(async () => {
      await Promise.all(connections.map((c) => c.close()));
    });
    const take = async (limits: ReturnType<typeof rateLimits>, key: string) => (await limits.requests.take(key)).ok;

    it('two gateways spend one budget: 5 a minute across both, the 6th refused on either, other keys unaffected', async () => {
      const prefix = testRedisPrefix('rate');
      const a = rateLimits(5, 2, log, { redis: await connect(), prefix });
      const b = rateLimits(5, 2, log, { redis: await connect(), prefix });
      expect(a.kind).toBe('redis');
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await take(i % 2 === 0 ? a : b, 'ip:198.51.100.7'));
      expect(answers).toEqual([true, true, true, true, true]);
      const refusedA = await a.requests.take('ip:198.51.100.7');
      const refusedB = await b.requests.take('ip:198.51.100.7');
      expect(refusedA.ok).toBe(false);
      expect(refusedB.ok).toBe(false);
      // The wait is until the next point of the pace (one every 12 s), as the token bucket says.
      for (const refused of [refusedA, refusedB]) {
        if (refused.ok) continue;
        expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(12);
      }
      expect(await take(b, 'ip:198.51.100.8')).toBe(true);
      expect(a.stats).toEqual({ allowed: 3, limited: 1, fallback: 0 });
      expect(b.stats).toEqual({ allowed: 3, limited: 1, fallback: 0 });
    });

    it('Redis gone: each gateway limits in its own memory (fail open across replicas, never a failed request) and counts it', async () => {
      const redis = await connect();
      const limits = rateLimits(3, 2, log, { redis, prefix: testRedisPrefix('rate-down') });
      redis.client.disconnect();
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await take(limits, 'ip:198.51.100.9'));
      expect(answers).toEqual([true, true, true, false]);
      expect(limits.stats.fallback).toBeGreaterThanOrEqual(4);
      expect(limits.stats).toMatchObject({ allowed: 3, limited: 1 });
    });
  });
}
