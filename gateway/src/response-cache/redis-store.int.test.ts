import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DEFAULT_REDIS_PREFIX, RedisStore } from './redis-store';
import { deleteRedisKeys } from '@maison/testing';
import type { CachedAnswer } from './store';

/**
 * RedisStore against a real Redis, only when TEST_REDIS_URL names one (CI sets
 * TEST_REDIS_URL=redis://127.0.0.1:6379). Without it none of those tests is registered, and one
 * line on stderr says the Redis store was not tested; only the unreachable-server case runs.
 */
const REDIS_URL = process.env.TEST_REDIS_URL;

const answer = (body: string, maxAgeSeconds = 60): CachedAnswer => ({
  body,
  contentType: 'application/json; charset=utf-8',
  storedAt: Date.now(),
  maxAgeSeconds,
  tags: {},
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until check() holds, for at most timeoutMs; returns whether it did. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(20);
  }
  return check();
}

// Needs no Redis server: nothing listens on port 1.
describe('RedisStore on an unreachable Redis', () => {
  it('keeps its entries under a prefix of their own by default: those of the format without tags are never read', () => {
    expect(DEFAULT_REDIS_PREFIX).toBe('maison:response-cache:v2:');
  });

  it('connect rejects (and, closing its connections, leaves nothing retrying in the background)', async () => {
    await expect(RedisStore.connect('redis://127.0.0.1:1', { prefix: 'maison-test:unreachable:' })).rejects.toThrow(/ECONNREFUSED|connect/i);
  });
});

if (!REDIS_URL) {
  process.stderr.write('redis-store.int.test.ts: TEST_REDIS_URL is not set; the Redis response-cache store was NOT tested.\n');
} else {
  describe('RedisStore (TEST_REDIS_URL)', () => {
    const prefix = `maison-test:${randomBytes(6).toString('hex')}:`;
    const stores: RedisStore[] = [];
    let admin: Redis;

    const connect = async () => {
      const store = await RedisStore.connect(REDIS_URL, { prefix });
      stores.push(store);
      return store;
    };

    beforeAll(() => {
      admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    });
    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await admin.quit();
      expect(await deleteRedisKeys(REDIS_URL, prefix)).toBe(0);
    });

    it('shares answers between two stores on the same prefix, under the same generation', async () => {
      const a = await connect();
      const b = await connect();
      expect(a.kind).toBe('redis');
      expect(b.generation()).toBe(a.generation());
      const stored = answer('{"data":{"shared":true}}');
      await a.set(a.generation(), 'shared', stored);
      expect(await b.get(b.generation(), 'shared')).toEqual(stored);
      expect(await b.get(b.generation(), 'other')).toBeUndefined();
      // Keys live under the prefix, with the answer's TTL.
      const keys = await admin.keys(`${prefix}*shared`);
      expect(keys).toHaveLength(1);
      const ttl = await admin.pttl(keys[0]!);
      expect(ttl).toBeGreaterThan(55_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });

    it('expires an answer with its max-age (PX)', async () => {
      const a = await connect();
      await a.set(a.generation(), 'short', answer('{"data":{"short":true}}', 1));
      expect(await a.get(a.generation(), 'short')).toBeDefined();
      await sleep(1200);
      expect(await a.get(a.generation(), 'short')).toBeUndefined();
    });

    it('invalidateAll on one store moves the other to the new generation: the old answer is read by neither', async () => {
      const a = await connect();
      const b = await connect();
      const before = a.generation();
      expect(b.generation()).toBe(before);
      await a.set(before, 'page', answer('{"data":{"old":true}}'));
      expect(await b.get(b.generation(), 'page')).toBeDefined();

      await a.invalidateAll();
      expect(a.generation()).toBeGreaterThan(before);
      expect(await eventually(() => b.generation() === a.generation())).toBe(true);
      expect(await a.get(a.generation(), 'page')).toBeUndefined();
      expect(await b.get(b.generation(), 'page')).toBeUndefined();
      // A store connected afterwards starts on the new generation too.
      const c = await connect();
      expect(c.generation()).toBe(a.generation());
      expect(await c.get(c.generation(), 'page')).toBeUndefined();
      // And the new generation is shared as usual.
      await b.set(b.generation(), 'page', answer('{"data":{"new":true}}'));
      expect((await a.get(a.generation(), 'page'))?.body).toBe('{"data":{"new":true}}');
    });

    it('keeps invalidating when Redis has lost its generation counter (a restart without persistence)', async () => {
      const a = await connect();
      const b = await connect();
      await a.invalidateAll();
      await a.invalidateAll();
      expect(await eventually(() => b.generation() === a.generation())).toBe(true);
      const before = a.generation();
      expect(before).toBeGreaterThanOrEqual(2);
      await b.set(before, 'kept', answer('{"data":{"kept":true}}'));
      await admin.del(`${prefix}generation`);

      await a.invalidateAll();
      expect(a.generation()).toBeGreaterThan(before);
      expect(await eventually(() => b.generation() === a.generation())).toBe(true);
      expect(await a.get(a.generation(), 'kept')).toBeUndefined();
      expect(await b.get(b.generation(), 'kept')).toBeUndefined();
      // The counter in Redis is past every generation used, so a new store starts on the current one.
      const c = await connect();
      expect(c.generation()).toBe(a.generation());
    });

    it('after a reconnection, raises a lost counter to its generation, so stores started later join it', async () => {
      const a = await connect();
      await a.invalidateAll();
      const used = a.generation();
      await admin.del(`${prefix}generation`);
      // Drop the subscription's connection; ioredis reconnects it and the store reads the counter again.
      (a as unknown as { subscriber: Redis }).subscriber.disconnect(true);
      expect(await eventually(async () => Number(await admin.get(`${prefix}generation`)) === used)).toBe(true);
      const late = await connect();
      expect(late.generation()).toBe(used);
    });

    it('invalidateTypes on one store moves those types on in the other; answers of other types stay current', async () => {
      const a = await connect();
      const b = await connect();
      const booking = a.tagsOf(['CalendarDay', 'SpaceBooking']);
      const exhibition = a.tagsOf(['Exhibition']);
      expect(b.tagsOf(['CalendarDay', 'SpaceBooking'])).toEqual(booking);
      const generation = a.generation();

      await b.invalidateTypes(['SpaceBooking', 'SharedSpace']);
      expect(b.isCurrent(booking)).toBe(false);
      expect(await eventually(() => !a.isCurrent(booking))).toBe(true);
      expect(a.isCurrent(exhibition)).toBe(true);
      expect(b.isCurrent(exhibition)).toBe(true);
      expect(a.tagsOf(['SpaceBooking', 'SharedSpace'])).toEqual(b.tagsOf(['SpaceBooking', 'SharedSpace']));
      // Not an invalidation of everything.
      expect([a.generation(), b.generation()]).toEqual([generation, generation]);
      // A store connected afterwards starts on the versions the others use.
      const c = await connect();
      expect(c.tagsOf(['SpaceBooking', 'Exhibition'])).toEqual(a.tagsOf(['SpaceBooking', 'Exhibition']));
      expect(c.isCurrent(booking)).toBe(false);
      expect(c.isCurrent(exhibition)).toBe(true);
    });

    it('keeps moving types on when Redis has lost their versions, and raises them again after a reconnection', async () => {
      const a = await connect();
      await a.invalidateTypes(['Artwork']);
      await a.invalidateTypes(['Artwork']);
      const tags = a.tagsOf(['Artwork']);
      expect(tags.Artwork).toBeGreaterThanOrEqual(2);
      await admin.del(`${prefix}types`);
      await a.invalidateTypes(['Artwork']);
      expect(a.tagsOf(['Artwork']).Artwork).toBe(tags.Artwork! + 1);
      expect(a.isCurrent(tags)).toBe(false);
      // Lost again: the reconnection puts this store's versions back, so stores started later join them.
      await admin.del(`${prefix}types`);
      (a as unknown as { subscriber: Redis }).subscriber.disconnect(true);
      expect(await eventually(async () => Number(await admin.hget(`${prefix}types`, 'Artwork')) === tags.Artwork! + 1)).toBe(true);
      const late = await connect();
      expect(late.tagsOf(['Artwork'])).toEqual(a.tagsOf(['Artwork']));
    });

    it('once its connection is gone, lookups miss and writes are dropped without throwing', async () => {
      const a = await connect();
      await a.set(a.generation(), 'gone', answer('{"data":{}}'));
      await a.close();
      await expect(a.get(a.generation(), 'gone')).resolves.toBeUndefined();
      await expect(a.set(a.generation(), 'gone2', answer('{"data":{}}'))).resolves.toBeUndefined();
      expect(await admin.exists(`${prefix}${a.generation()}:gone2`)).toBe(0);
    });

    it('an invalidation that cannot reach Redis still holds in this store (and says it failed)', async () => {
      const a = await connect();
      const tags = a.tagsOf(['SpaceBooking']);
      const generation = a.generation();
      await a.close();
      await expect(a.invalidateTypes(['SpaceBooking'])).rejects.toThrow();
      expect(a.isCurrent(tags)).toBe(false);
      await expect(a.invalidateAll()).rejects.toThrow();
      expect(a.generation()).toBe(generation + 1);
    });
  });
}
