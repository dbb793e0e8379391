import type { SharedRedis } from '@maison/http';
import { RedisApqCache } from './redis-apq-cache';

/** A SharedRedis over a Map (or one whose every command fails), recording what the cache asks. */
function fakeRedis(failing = false) {
  const values = new Map<string, string>();
  const calls: unknown[][] = [];
  const failures: string[] = [];
  const command =
    <A extends unknown[], R>(name: string, run: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      calls.push([name, ...args]);
      if (failing) throw new Error('ECONNREFUSED');
      return run(...args);
    };
  const client = {
    get: command('get', (key: string) => values.get(key) ?? null),
    set: command('set', (key: string, value: string) => void values.set(key, value)),
    del: command('del', (key: string) => (values.delete(key) ? 1 : 0)),
  };
  const redis = { client, failed: (operation: string) => failures.push(operation), close: async () => undefined } as unknown as SharedRedis;
  return { redis, calls, failures };
}

describe('RedisApqCache', () => {
  it('stores each query under the prefix with its TTL (at most APQ_TTL_SECONDS), and finds it again', async () => {
    const { redis, calls } = fakeRedis();
    const cache = new RedisApqCache(redis, 'p:apq:', 3600);
    await cache.set('apq:abc', '{ house { name } }');
    await cache.set('apq:def', '{ tenants { slug } }', { ttl: 60 });
    await cache.set('apq:ghi', '{ me { id } }', { ttl: 999_999 });
    expect(await cache.get('apq:abc')).toBe('{ house { name } }');
    expect(await cache.get('apq:nope')).toBeUndefined();
    expect(calls.filter((c) => c[0] === 'set')).toEqual([
      ['set', 'p:apq:apq:abc', '{ house { name } }', 'EX', 3600],
      ['set', 'p:apq:apq:def', '{ tenants { slug } }', 'EX', 60],
      ['set', 'p:apq:apq:ghi', '{ me { id } }', 'EX', 3600],
    ]);
    expect(await cache.delete('apq:abc')).toBe(true);
    expect(await cache.get('apq:abc')).toBeUndefined();
  });

  it('Redis failing: a lookup misses and a registration is dropped, never an error, and each failure is reported', async () => {
    const { redis, failures } = fakeRedis(true);
    const cache = new RedisApqCache(redis, 'p:', 3600);
    await expect(cache.set('k', 'v')).resolves.toBeUndefined();
    await expect(cache.get('k')).resolves.toBeUndefined();
    await expect(cache.delete('k')).resolves.toBe(false);
    expect(failures).toEqual(['persisted query set', 'persisted query get', 'persisted query delete']);
  });
});
