import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ResponseCache, type CacheSlot, type ResponseCacheContext } from './response-cache';
import { MemoryStore, type CachedAnswer, type ResponseStore } from './store';

/** A clock the tests move by hand. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const answer = (storedAt: number, maxAgeSeconds: number, body = '{"data":{}}', tags = {}): CachedAnswer => ({
  body,
  contentType: 'application/json; charset=utf-8',
  storedAt,
  maxAgeSeconds,
  tags,
});

function request(options: { method?: string; url?: string; headers?: Record<string, string> } = {}): IncomingMessage {
  return { method: options.method ?? 'POST', url: options.url ?? '/graphql', headers: options.headers ?? {} } as unknown as IncomingMessage;
}

describe('MemoryStore', () => {
  it('keeps at most maxEntries answers, evicting the least recently used', async () => {
    const time = clock();
    const store = new MemoryStore(2, time.now);
    await store.set(0, 'a', answer(time.now(), 60, 'A'));
    await store.set(0, 'b', answer(time.now(), 60, 'B'));
    // Reading a makes b the least recently used.
    expect((await store.get(0, 'a'))?.body).toBe('A');
    await store.set(0, 'c', answer(time.now(), 60, 'C'));
    expect(store.size()).toBe(2);
    expect(await store.get(0, 'b')).toBeUndefined();
    expect((await store.get(0, 'a'))?.body).toBe('A');
    expect((await store.get(0, 'c'))?.body).toBe('C');
    // Overwriting a key does not count twice.
    await store.set(0, 'c', answer(time.now(), 60, 'C2'));
    expect(store.size()).toBe(2);
    expect((await store.get(0, 'c'))?.body).toBe('C2');
    expect((await store.get(0, 'a'))?.body).toBe('A');
  });

  it('evicts in insertion order when nothing is read', async () => {
    const store = new MemoryStore(3);
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) await store.set(0, key, answer(Date.now(), 60, key));
    expect(store.size()).toBe(3);
    expect(await store.get(0, 'k1')).toBeUndefined();
    expect(await store.get(0, 'k2')).toBeUndefined();
    expect((await store.get(0, 'k3'))?.body).toBe('k3');
    expect((await store.get(0, 'k5'))?.body).toBe('k5');
  });

  it('stops returning an answer once its max-age has passed, and forgets it', async () => {
    const time = clock();
    const store = new MemoryStore(10, time.now);
    await store.set(0, 'k', answer(time.now(), 10));
    time.advance(9_999);
    expect(await store.get(0, 'k')).toBeDefined();
    time.advance(1);
    expect(await store.get(0, 'k')).toBeUndefined();
    expect(store.size()).toBe(0);
    // Going back in time does not resurrect it: it is gone.
    time.advance(-5_000);
    expect(await store.get(0, 'k')).toBeUndefined();
  });

  it('never returns an answer of an older generation, even one written after invalidateAll', async () => {
    const store = new MemoryStore(10);
    const before = store.generation();
    await store.set(before, 'k', answer(Date.now(), 60, 'old'));
    expect((await store.get(before, 'k'))?.body).toBe('old');
    await store.invalidateAll();
    const after = store.generation();
    expect(after).not.toBe(before);
    expect(await store.get(after, 'k')).toBeUndefined();
    expect(await store.get(before, 'k')).toBeUndefined();
    // A request that read the old data and finishes after the invalidation writes nothing readable.
    await store.set(before, 'k', answer(Date.now(), 60, 'late'));
    expect(await store.get(after, 'k')).toBeUndefined();
    expect(await store.get(before, 'k')).toBeUndefined();
    expect(store.size()).toBe(0);
    // The current generation works as usual.
    await store.set(after, 'k', answer(Date.now(), 60, 'new'));
    expect((await store.get(after, 'k'))?.body).toBe('new');
  });
});

describe('MemoryStore types', () => {
  it('moves on only the types invalidated, and announces them (everything: no types) to the other workers', async () => {
    const announced: (readonly string[] | undefined)[] = [];
    const store = new MemoryStore(10, Date.now, (types) => announced.push(types));
    const booking = store.tagsOf(['SpaceBooking', 'CalendarDay']);
    const exhibition = store.tagsOf(['Exhibition']);
    expect(booking).toEqual({ SpaceBooking: 0, CalendarDay: 0 });
    await store.invalidateTypes(['SpaceBooking']);
    expect(store.isCurrent(booking)).toBe(false);
    expect(store.isCurrent(exhibition)).toBe(true);
    expect(store.tagsOf(['SpaceBooking'])).toEqual({ SpaceBooking: 1 });
    // Told by another worker.
    store.forgetTypes(['Exhibition']);
    expect(store.isCurrent(exhibition)).toBe(false);
    await store.invalidateAll();
    expect(announced).toEqual([['SpaceBooking'], undefined]);
    // An entry without tags (another format) is never current.
    expect(store.isCurrent(undefined)).toBe(false);
  });
});

describe('ResponseCache.keyOf', () => {
  const cache = new ResponseCache(new MemoryStore(10));
  const body = { query: 'query Q($d: String) { a(d: $d) { x } }', operationName: 'Q', variables: { d: '2026-01-01' } };
  const accept = { accept: 'application/json' };

  it('gives the same key to the same request', () => {
    const key = cache.keyOf(request({ headers: accept }), body, 'fr');
    expect(key).toEqual(expect.any(String));
    expect(cache.keyOf(request({ headers: accept }), JSON.parse(JSON.stringify(body)), 'fr')).toBe(key);
  });

  it('has no key for a request with an Authorization header, valid or not', () => {
    expect(cache.keyOf(request({ headers: { ...accept, authorization: 'Bearer abc' } }), body, 'fr')).toBeUndefined();
    expect(cache.keyOf(request({ headers: { authorization: '' } }), body, 'fr')).toBeUndefined();
  });

  it('has no key for bodies that are not a GraphQL request object', () => {
    for (const bad of [null, undefined, 'query { a }', 42, [body], true]) expect(cache.keyOf(request(), bad, 'fr')).toBeUndefined();
    expect(cache.keyOf(request(), { variables: {} }, 'fr')).toBeUndefined();
    expect(cache.keyOf(request(), { query: 42 }, 'fr')).toBeUndefined();
    expect(cache.keyOf(request({ method: 'PUT' }), body, 'fr')).toBeUndefined();
  });

  it('tells apart variables, operation name, query, language, Accept header and persisted query hash', () => {
    const base = cache.keyOf(request({ headers: accept }), body, 'fr')!;
    const others = [
      cache.keyOf(request({ headers: accept }), { ...body, variables: { d: '2026-01-02' } }, 'fr'),
      cache.keyOf(request({ headers: accept }), { ...body, variables: undefined }, 'fr'),
      cache.keyOf(request({ headers: accept }), { ...body, operationName: 'R' }, 'fr'),
      cache.keyOf(request({ headers: accept }), { ...body, query: 'query Q($d: String) { a(d: $d) { x y } }' }, 'fr'),
      cache.keyOf(request({ headers: accept }), body, 'en'),
      cache.keyOf(request({ headers: { accept: 'application/graphql-response+json' } }), body, 'fr'),
      cache.keyOf(request(), body, 'fr'),
      cache.keyOf(request({ headers: accept }), { ...body, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, 'fr'),
    ];
    for (const key of others) expect(key).toEqual(expect.any(String));
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('keys variables nested 10,000 levels deep without overflowing, one key per depth', () => {
    const nested = (levels: number) => {
      let value: unknown = 1;
      for (let i = 0; i < levels; i += 1) value = { a: value };
      return value;
    };
    const deep = (levels: number) => cache.keyOf(request(), { query: 'query($v: X) { a(v: $v) { x } }', variables: { v: nested(levels) } }, 'fr');
    expect(deep(10_000)).toEqual(expect.any(String));
    expect(deep(10_000)).toBe(deep(10_000));
    expect(deep(10_000)).not.toBe(deep(9_999));
  });

  it('keys a persisted query sent by hash alone, one key per hash', () => {
    const byHash = (hash: string) => cache.keyOf(request(), { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, 'fr');
    expect(byHash('a'.repeat(64))).toEqual(expect.any(String));
    expect(byHash('a'.repeat(64))).toBe(byHash('a'.repeat(64)));
    expect(byHash('a'.repeat(64))).not.toBe(byHash('b'.repeat(64)));
  });

  it('keys GET requests by their URL, only those Apollo would execute (preflighted, as CSRF prevention wants)', () => {
    const simple = (headers: Record<string, string>) => cache.keyOf(request({ method: 'GET', url: '/graphql?query=%7Ba%7Bx%7D%7D', headers }), undefined, 'fr');
    expect(simple({})).toBeUndefined();
    expect(simple({ 'content-type': 'text/plain; charset=utf-8' })).toBeUndefined();
    expect(simple({ 'apollo-require-preflight': 'true' })).toEqual(expect.any(String));
    expect(simple({ 'content-type': 'application/json' })).toEqual(expect.any(String));
    const get = (url: string) => cache.keyOf(request({ method: 'GET', url, headers: { 'apollo-require-preflight': 'true' } }), undefined, 'fr');
    expect(get('/graphql?query=%7Ba%7Bx%7D%7D')).toEqual(expect.any(String));
    expect(get('/graphql?query=%7Ba%7Bx%7D%7D')).toBe(get('/graphql?query=%7Ba%7Bx%7D%7D'));
    expect(get('/graphql?query=%7Ba%7Bx%7D%7D')).not.toBe(get('/graphql?query=%7Ba%7By%7D%7D'));
  });

  it('keys a mutation like any request: the plugin keeps it from being stored', () => {
    expect(cache.keyOf(request(), { query: 'mutation { m { x } }' }, 'fr')).toEqual(expect.any(String));
  });
});

describe('ResponseCache.remember and lookup', () => {
  const ok = (body = '{"data":{"a":1}}') => ({ status: 200, body, contentType: 'application/json; charset=utf-8' });

  it('stores a 200 answer with a max-age, stamped with the clock', async () => {
    const time = clock();
    const store = new MemoryStore(10, time.now);
    const cache = new ResponseCache(store, undefined, time.now);
    await cache.remember(0, 'k', { maxAgeSeconds: 30, tags: { Item: 0 } }, ok());
    expect(cache.stats.stored).toBe(1);
    expect(await store.get(0, 'k')).toEqual({
      body: '{"data":{"a":1}}',
      contentType: 'application/json; charset=utf-8',
      storedAt: time.now(),
      maxAgeSeconds: 30,
      tags: { Item: 0 },
    });
    expect(await cache.lookup(0, 'k')).toEqual(expect.objectContaining({ body: '{"data":{"a":1}}' }));
    expect(cache.stats).toEqual({ hits: 1, misses: 0, stored: 1, invalidations: 0, coalesced: 0, flushes: 0 });
  });

  it('refuses answers that are not 200, have no max-age or no tags in their slot, or are too large', async () => {
    const store = new MemoryStore(10);
    const cache = new ResponseCache(store);
    const tags = {};
    await cache.remember(0, 'status', { maxAgeSeconds: 30, tags }, { ...ok(), status: 400 });
    await cache.remember(0, 'status500', { maxAgeSeconds: 30, tags }, { ...ok(), status: 500 });
    await cache.remember(0, 'no-max-age', { tags }, ok());
    await cache.remember(0, 'zero', { maxAgeSeconds: 0, tags }, ok());
    await cache.remember(0, 'no-tags', { maxAgeSeconds: 30 }, ok());
    await cache.remember(0, 'large', { maxAgeSeconds: 30, tags }, ok(`{"data":"${'x'.repeat(512 * 1024)}"}`));
    expect(store.size()).toBe(0);
    expect(cache.stats.stored).toBe(0);
    // Just under the limit is kept: the limit is what refused the large one.
    const fits = `{"data":"${'x'.repeat(512 * 1024 - 11)}"}`;
    expect(fits.length).toBe(512 * 1024);
    await cache.remember(0, 'fits', { maxAgeSeconds: 30, tags }, ok(fits));
    expect(store.size()).toBe(1);
  });

  it('measures the size limit in bytes, as sent: accented French text counts double', async () => {
    const store = new MemoryStore(10);
    const cache = new ResponseCache(store);
    // 300 Ki characters, 600 KiB in UTF-8.
    const body = `{"data":"${'é'.repeat(300 * 1024)}"}`;
    expect(body.length).toBeLessThan(512 * 1024);
    expect(Buffer.byteLength(body)).toBeGreaterThan(512 * 1024);
    await cache.remember(0, 'accents', { maxAgeSeconds: 30, tags: {} }, ok(body));
    expect(store.size()).toBe(0);
    expect(cache.stats.stored).toBe(0);
  });

  it('does not count as stored an answer computed under a generation that has ended', async () => {
    const store = new MemoryStore(10);
    const cache = new ResponseCache(store);
    const generation = store.generation();
    await cache.invalidate();
    await cache.remember(generation, 'k', { maxAgeSeconds: 30, tags: {} }, ok());
    expect(await store.get(store.generation(), 'k')).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 0, misses: 0, stored: 0, invalidations: 1, coalesced: 0, flushes: 1 });
  });

  it('does not store an answer whose types changed while it was computed; one of other types it does', async () => {
    const store = new MemoryStore(10);
    const cache = new ResponseCache(store);
    const booking = { maxAgeSeconds: 30, tags: store.tagsOf(['SpaceBooking']) };
    const exhibition = { maxAgeSeconds: 30, tags: store.tagsOf(['Exhibition']) };
    await cache.invalidate(['SpaceBooking']);
    await cache.remember(0, 'booking', booking, ok());
    await cache.remember(0, 'exhibition', exhibition, ok());
    expect(await store.get(0, 'booking')).toBeUndefined();
    expect(await cache.lookup(0, 'exhibition')).toEqual(expect.objectContaining({ tags: { Exhibition: 0 } }));
    expect(cache.stats).toEqual({ hits: 1, misses: 0, stored: 1, invalidations: 1, coalesced: 0, flushes: 0 });
  });

  it('misses an answer once one of its types has changed, and keeps serving the others', async () => {
    const store = new MemoryStore(10);
    const cache = new ResponseCache(store);
    await cache.remember(0, 'calendar', { maxAgeSeconds: 30, tags: store.tagsOf(['CalendarDay', 'SpaceBooking']) }, ok());
    await cache.remember(0, 'exhibitions', { maxAgeSeconds: 30, tags: store.tagsOf(['Exhibition']) }, ok());
    await cache.invalidate(['SpaceBooking', 'SharedSpace']);
    expect(store.generation()).toBe(0);
    expect(await cache.lookup(0, 'calendar')).toBeUndefined();
    expect(await cache.lookup(0, 'exhibitions')).toBeDefined();
    // The read of the calendar again is stored under the new versions and served.
    await cache.remember(0, 'calendar', { maxAgeSeconds: 30, tags: store.tagsOf(['CalendarDay', 'SpaceBooking']) }, ok('{"data":{"new":1}}'));
    expect((await cache.lookup(0, 'calendar'))?.body).toBe('{"data":{"new":1}}');
    expect(cache.stats).toEqual({ hits: 2, misses: 1, stored: 3, invalidations: 1, coalesced: 0, flushes: 0 });
  });

  it('a reader following one being executed does not take its answer if its types changed meanwhile', async () => {
    const store = new MemoryStore(10);
    const cache = new ResponseCache(store);
    const finish = cache.lead(0, 'k');
    const follower = cache.follow(0, 'k');
    const tags = store.tagsOf(['SpaceBooking']);
    await cache.invalidate(['SpaceBooking']);
    finish(answer(Date.now(), 30, '{"data":{}}', tags));
    expect(await follower).toBeUndefined();
    // Untouched types: taken.
    const next = cache.lead(0, 'k2');
    const taken = cache.follow(0, 'k2');
    next(answer(Date.now(), 30, '{"data":{}}', store.tagsOf(['Exhibition'])));
    expect(await taken).toBeDefined();
    expect(cache.stats.coalesced).toBe(1);
  });

  it('counts hits and misses, and treats an answer a store returns past its max-age as a miss', async () => {
    const time = clock();
    const stale = answer(time.now() - 31_000, 30);
    const store: ResponseStore = {
      kind: 'redis',
      generation: () => 0,
      tagsOf: () => ({}),
      isCurrent: () => true,
      get: async (_g, key) => (key === 'stale' ? stale : undefined),
      set: async () => undefined,
      invalidateAll: async () => undefined,
      invalidateTypes: async () => undefined,
      close: async () => undefined,
    };
    const cache = new ResponseCache(store, undefined, time.now);
    expect(await cache.lookup(0, 'stale')).toBeUndefined();
    expect(await cache.lookup(0, 'absent')).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 0, misses: 2, stored: 0, invalidations: 0, coalesced: 0, flushes: 0 });
    stale.storedAt = time.now() - 29_000;
    expect(await cache.lookup(0, 'stale')).toBe(stale);
    expect(cache.stats).toEqual({ hits: 1, misses: 2, stored: 0, invalidations: 0, coalesced: 0, flushes: 0 });
  });

  it('sends a hit with its age and remaining max-age', async () => {
    const time = clock();
    const cache = new ResponseCache(new MemoryStore(10), undefined, time.now);
    const cached = answer(time.now(), 60, '{"data":{"é":1}}');
    time.advance(25_400);
    const sent: { status?: number; headers?: Record<string, string>; body?: string } = {};
    const res = {
      writeHead(status: number, headers: Record<string, string>) {
        sent.status = status;
        sent.headers = headers;
      },
      end(body: string) {
        sent.body = body;
      },
    } as unknown as ServerResponse;
    cache.send(res, cached, { 'x-request-id': 'r1' });
    expect(sent).toEqual({
      status: 200,
      body: '{"data":{"é":1}}',
      headers: {
        'x-request-id': 'r1',
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength('{"data":{"é":1}}')),
        'cache-control': 'max-age=35, public',
        age: '25',
        'x-cache': 'HIT',
      },
    });
  });
});

describe('ResponseCache.plugin', () => {
  const typeDefs = `
    enum CacheControlScope { PUBLIC PRIVATE }
    directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
    type Query {
      shortLived: Item
      longLived: Long
      unhinted: Plain
      personal: Personal
      broken: Item
    }
    type Mutation { change: Item }
    type Item @cacheControl(maxAge: 30) { x: Int }
    type Long @cacheControl(maxAge: 600) { x: Int, item: Item }
    type Plain { x: Int }
    type Personal @cacheControl(maxAge: 60, scope: PRIVATE) { x: Int }
  `;
  const resolvers = {
    Query: {
      shortLived: () => ({ x: 1 }),
      longLived: () => ({ x: 2, item: { x: 3 } }),
      unhinted: () => ({ x: 4 }),
      personal: () => ({ x: 5 }),
      broken: () => {
        throw new Error('boom');
      },
    },
    Mutation: { change: () => ({ x: 6 }) },
  };
  let store: MemoryStore;
  let cache: ResponseCache;
  let server: ApolloServer<ResponseCacheContext>;

  beforeEach(async () => {
    store = new MemoryStore(10);
    cache = new ResponseCache(store);
    server = new ApolloServer<ResponseCacheContext>({ typeDefs, resolvers, plugins: [cache.plugin<ResponseCacheContext>()] });
    await server.start();
  });
  afterEach(async () => {
    await server.stop();
  });

  async function run(query: string, sub: string | null = null): Promise<{ slot: CacheSlot; errors: unknown }> {
    const slot: CacheSlot = {};
    const result = await server.executeOperation({ query }, { contextValue: { identity: { sub }, responseCache: slot } });
    return { slot, errors: result.body.kind === 'single' ? result.body.singleResult.errors : 'incremental' };
  }

  it('gives an anonymous public query the shortest max-age of its objects', async () => {
    expect((await run('{ shortLived { x } }')).slot).toEqual({ maxAgeSeconds: 30, tags: { Item: 0 } });
    expect((await run('{ longLived { x } }')).slot).toEqual({ maxAgeSeconds: 600, tags: { Long: 0 } });
    expect((await run('{ longLived { x item { x } } }')).slot).toEqual({ maxAgeSeconds: 30, tags: { Item: 0, Long: 0 } });
  });

  it('leaves the slot empty for an object type without a hint, a private answer, a signed-in caller, or errors', async () => {
    expect((await run('{ shortLived { x } unhinted { x } }')).slot.maxAgeSeconds).toBeUndefined();
    expect((await run('{ personal { x } }')).slot.maxAgeSeconds).toBeUndefined();
    expect((await run('{ shortLived { x } }', 'tenant:acupuncture')).slot).toEqual({});
    const broken = await run('{ shortLived { x } broken { x } }');
    expect(broken.errors).toEqual([expect.objectContaining({ message: 'boom' })]);
    expect(broken.slot.maxAgeSeconds).toBeUndefined();
    // Refused before execution (validation): nothing stored, nothing invalidated.
    const invalid = await run('{ nope }');
    expect(invalid.errors).toBeDefined();
    expect(invalid.slot).toEqual({});
    expect(cache.stats.invalidations).toBe(0);
  });

  it('never stores a mutation, and starts a new generation when one missing from the map of side effects runs', async () => {
    const key = cache.keyOf(request(), { query: 'mutation { change { x } }' }, 'fr')!;
    expect(key).toEqual(expect.any(String));
    const generation = store.generation();
    await store.set(generation, 'earlier', answer(Date.now(), 60));
    const { slot, errors } = await run('mutation { change { x } }');
    expect(errors).toBeUndefined();
    expect(slot).toEqual({});
    expect(store.generation()).toBe(generation + 1);
    expect(cache.stats).toEqual(expect.objectContaining({ invalidations: 1, flushes: 1 }));
    await cache.remember(store.generation(), key, slot, { status: 200, body: '{"data":{"change":{"x":6}}}', contentType: 'application/json' });
    expect(cache.stats.stored).toBe(0);
    expect(await cache.lookup(store.generation(), key)).toBeUndefined();
    expect(await cache.lookup(store.generation(), 'earlier')).toBeUndefined();
  });

  it('does not invalidate for a mutation refused before execution', async () => {
    const generation = store.generation();
    await run('mutation { change { nope } }');
    expect(store.generation()).toBe(generation);
    expect(cache.stats.invalidations).toBe(0);
  });

  it('logs and survives a store whose invalidation fails', async () => {
    const errors: unknown[] = [];
    const failing = new ResponseCache(
      {
        kind: 'redis',
        generation: () => 0,
        tagsOf: () => ({}),
        isCurrent: () => true,
        get: async () => undefined,
        set: async () => undefined,
        close: async () => undefined,
        invalidateAll: async () => Promise.reject(new Error('down')),
        invalidateTypes: async () => Promise.reject(new Error('down')),
      },
      { error: (...args: unknown[]) => errors.push(args) } as never,
    );
    await failing.invalidate();
    await failing.invalidate(['SpaceBooking']);
    expect(failing.stats.invalidations).toBe(0);
    expect(errors).toHaveLength(2);
  });
});
