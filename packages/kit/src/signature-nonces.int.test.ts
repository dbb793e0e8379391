import { connectRedis, createLogger } from '@maison/http';
import { newNonce, type NonceStore } from '@maison/auth';
import { testRedisPrefix, testRedisUrl } from '@maison/testing';
import { signatureNonces } from './signature-nonces';

/** The nonce stores a subgraph builds: in memory without REDIS_URL, shared through Redis with it. */
const log = createLogger('test', 'silent');

describe('signatureNonces without REDIS_URL', () => {
  it('is the memory store, sized by SIGNATURE_NONCE_MAX_ENTRIES', async () => {
    const store = await signatureNonces({ redisKeyPrefix: 'maison:', signatureNonceMaxEntries: 1 }, 'gallery', log);
    expect(store.kind).toBe('memory');
    expect(await store.claim(newNonce(), Date.now() + 60_000)).toBe('fresh');
    expect(await store.claim(newNonce(), Date.now() + 60_000)).toBe('full');
  });

  it('refuses to start on an unreachable Redis', async () => {
    await expect(signatureNonces({ redisUrl: 'redis://127.0.0.1:1', redisKeyPrefix: 'x:', signatureNonceMaxEntries: 10 }, 'gallery', log)).rejects.toThrow(
      /ECONNREFUSED|connect/i,
    );
  });
});

const REDIS_URL = testRedisUrl('signature-nonces.int.test.ts', 'the Redis nonce store shared by two verifiers');
if (REDIS_URL) {
  describe('signatureNonces with REDIS_URL (TEST_REDIS_URL)', () => {
    const prefix = testRedisPrefix('nonces');
    const stores: NonceStore[] = [];
    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close()));
    });
    const open = async () => {
      const store = await signatureNonces({ redisUrl: REDIS_URL, redisKeyPrefix: prefix, signatureNonceMaxEntries: 10 }, 'gallery', log);
      stores.push(store);
      return store;
    };

    it('a nonce accepted by one verifier is refused by the other, and lives in Redis until the signature expires', async () => {
      const [a, b] = [await open(), await open()];
      expect([a.kind, b.kind]).toEqual(['redis', 'redis']);
      const nonce = newNonce();
      const expiresAt = Date.now() + 30_000;
      expect(await a.claim(nonce, expiresAt)).toBe('fresh');
      expect(await b.claim(nonce, expiresAt)).toBe('replayed');
      expect(await a.claim(nonce, expiresAt)).toBe('replayed');
      expect(await b.claim(newNonce(), expiresAt)).toBe('fresh');
      const admin = await connectRedis(REDIS_URL, { name: 'test' });
      try {
        const ttl = await admin.client.pttl(`${prefix}nonce:gallery:${nonce}`);
        expect(ttl).toBeGreaterThan(25_000);
        expect(ttl).toBeLessThanOrEqual(30_000);
      } finally {
        await admin.close();
      }
    });

    it('forgets a nonce when its signature has expired (the key expires)', async () => {
      const a = await open();
      const nonce = newNonce();
      expect(await a.claim(nonce, Date.now() + 50)).toBe('fresh');
      await new Promise((r) => setTimeout(r, 120));
      expect(await a.claim(nonce, Date.now() + 50)).toBe('fresh');
    });
  });
}
