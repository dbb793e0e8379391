import { MemoryNonceStore } from './nonce-store';
import { RedisNonceStore, type NonceRedis } from './redis-nonce-store';
import { signRequest, SignatureError } from './signature';
import { verifySingleUse } from './single-use';

describe('MemoryNonceStore', () => {
  it('accepts a nonce once until it expires, then forgets it', async () => {
    let now = 1000;
    const store = new MemoryNonceStore(10, () => now);
    expect(await store.claim('a', 5000)).toBe('fresh');
    expect(await store.claim('a', 5000)).toBe('replayed');
    expect(await store.claim('b', 5000)).toBe('fresh');
    now = 4999;
    expect(await store.claim('a', 9000)).toBe('replayed');
    now = 5000;
    store.sweep();
    expect(store.size).toBe(0);
    expect(await store.claim('a', 9000)).toBe('fresh');
  });

  it('never holds more than maxEntries: live ones are kept and new ones refused; expired ones are swept (once a second)', async () => {
    let now = 0;
    const store = new MemoryNonceStore(3, () => now);
    for (const nonce of ['a', 'b', 'c']) expect(await store.claim(nonce, 500)).toBe('fresh');
    expect(await store.claim('d', 2000)).toBe('full');
    expect(await store.claim('a', 500)).toBe('replayed'); // still remembered: a full store forgets nothing live
    expect(store.size).toBe(3);
    now = 600; // expired, but the last sweep was less than a second ago: still full, without walking the store per request
    expect(await store.claim('d', 2000)).toBe('full');
    now = 1000;
    expect(await store.claim('d', 2000)).toBe('fresh'); // the expired three were swept to make room
    expect(store.size).toBe(1);
  });

  it('sweeps at most once a second', async () => {
    let now = 0;
    const store = new MemoryNonceStore(100, () => now);
    for (let i = 0; i < 10; i++) await store.claim(`n${i}`, 500);
    now = 600;
    await store.claim('x', 2000); // the first claim swept at 0; the next sweep is due at 1000
    expect(store.size).toBe(11);
    now = 1000;
    await store.claim('y', 2000);
    expect(store.size).toBe(2);
  });
});

describe('verifySingleUse', () => {
  const secret = 'g'.repeat(40);
  const body = '{"query":"mutation { x }"}';

  it('accepts a signed request once; the same bytes again are REPLAYED; a re-signed copy is accepted', async () => {
    const store = new MemoryNonceStore();
    const headers = signRequest(secret, { sub: 'u1', roles: ['ADMIN'] }, 'fr', body);
    await expect(verifySingleUse(secret, headers, body, 60, store)).resolves.toMatchObject({ lang: 'fr' });
    const replay = await verifySingleUse(secret, headers, body, 60, store).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(SignatureError);
    expect((replay as SignatureError).problem).toBe('REPLAYED');
    await expect(verifySingleUse(secret, signRequest(secret, { sub: 'u1', roles: ['ADMIN'] }, 'fr', body), body, 60, store)).resolves.toBeDefined();
  });

  it('checks the signature before the store: a forged request never fills it', async () => {
    const store = new MemoryNonceStore();
    const headers = signRequest('w'.repeat(40), { sub: 'u1', roles: [] }, 'fr', body);
    await expect(verifySingleUse(secret, headers, body, 60, store)).rejects.toThrow(/bad signature/);
    expect(store.size).toBe(0);
  });

  it('refuses with NONCES_FULL when the store is full', async () => {
    const store = new MemoryNonceStore(1);
    await verifySingleUse(secret, signRequest(secret, { sub: null, roles: [] }, 'fr', body), body, 60, store);
    const full = await verifySingleUse(secret, signRequest(secret, { sub: null, roles: [] }, 'fr', body), body, 60, store).catch((e: unknown) => e);
    expect((full as SignatureError).problem).toBe('NONCES_FULL');
  });
});

describe('RedisNonceStore when Redis fails', () => {
  it('falls back on its memory (a replay to the same replica is still refused) and reports each failure', async () => {
    const failing: NonceRedis = { set: () => Promise.reject(new Error('ECONNREFUSED')), quit: async () => undefined };
    const errors: string[] = [];
    const store = new RedisNonceStore(failing, 'p:', { onError: (e) => errors.push(e.message) });
    expect(await store.claim('a', Date.now() + 60_000)).toBe('fresh');
    expect(await store.claim('a', Date.now() + 60_000)).toBe('replayed');
    expect(errors).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });
});
