import { randomBytes } from 'node:crypto';
import type { Gateway } from '@maison/gateway';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { asTenant, startGraph, type RunningGraph } from '@maison/testing';
import { post, redisGateways, type Answer } from './response-cache-helpers';

/**
 * The gateway's response cache through the real graph: anonymous reads are answered once by the
 * subgraphs, then from the cache (x-cache: HIT, no subgraph request) until a mutation through the
 * gateway that changed what they hold; signed-in callers never use it; answers with errors are not kept.
 * With TEST_REDIS_URL, two more gateways on that Redis show that they share answers and invalidations.
 */
const SUBGRAPHS = ['tenants', 'coworking', 'gallery'] as const;
type Subgraph = (typeof SUBGRAPHS)[number];
type Counts = Record<Subgraph, number>;

/** Operation names unique to this run: nothing cached by another run (in a shared Redis) can answer. */
const RUN = randomBytes(4).toString('hex');
const PREFIX = `t_rcache_${RUN}_`;
const KITCHEN = stableId('shared-space', 'cuisine');
const today = todayInHouse();

const calendarQuery = (name: string) => `query ${name}_${RUN}($from: LocalDate!, $to: LocalDate!) {
  calendar(from: $from, to: $to) {
    date
    spaceBookings { id title startsAt space { name } }
    coworkingEvents { title startsAt }
    exhibitionsOnView { title }
    vernissages { title }
  }
}`;
const CALENDAR = calendarQuery('Calendar');
const KITCHEN_NAME = `query KitchenName_${RUN} { sharedSpace(slug: "cuisine") { name } }`;
const BOOK = `mutation Book_${RUN}($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id title visibility } userErrors { code message } } }`;

let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: PREFIX } });
  await graph.settle();
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

const ask = (query: string, variables?: Record<string, unknown>, options?: Parameters<typeof post>[3]) => post(graph.gatewayUrl, query, variables, options);

async function requests(): Promise<Counts> {
  const values = await Promise.all(SUBGRAPHS.map((s) => graph.subgraphRequests(s)));
  return Object.fromEntries(SUBGRAPHS.map((s, i) => [s, values[i]!])) as Counts;
}
const diff = (after: Counts, before: Counts): Counts => Object.fromEntries(SUBGRAPHS.map((s) => [s, after[s] - before[s]])) as Counts;
const NONE: Counts = { tenants: 0, coworking: 0, gallery: 0 };

/** One request, and the subgraph requests it caused. */
async function measured(run: () => Promise<Answer>): Promise<{ answer: Answer; fetches: Counts }> {
  const before = await requests();
  const answer = await run();
  return { answer, fetches: diff(await requests(), before) };
}

type Stats = { hits: number; misses: number; stored: number; invalidations: number };
/** The gateway's response cache counters, from its metrics endpoint. */
async function metrics(): Promise<Stats> {
  const text = await (await fetch(graph.metricsUrls.gateway)).text();
  const read = (name: string) => {
    const match = new RegExp(`^maison_response_cache_${name}_total\\{service="gateway"\\} (\\d+)$`, 'm').exec(text);
    if (!match) throw new Error(`no maison_response_cache_${name}_total in /metrics:\n${text}`);
    return Number(match[1]);
  };
  return { hits: read('hits'), misses: read('misses'), stored: read('stored'), invalidations: read('invalidations') };
}
const moved = (after: Stats, before: Stats): Stats => ({
  hits: after.hits - before.hits,
  misses: after.misses - before.misses,
  stored: after.stored - before.stored,
  invalidations: after.invalidations - before.invalidations,
});

/** A PUBLIC booking of the kitchen, one hour on `day` at `hour`, by a tenant, through a gateway. */
async function bookPublic(url: string, day: string, hour: string, title: string, tenant: string): Promise<Answer> {
  const startsAt = houseInstant(day, hour);
  const input = {
    spaceId: KITCHEN,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    title,
    visibility: 'PUBLIC',
  };
  return post(url, BOOK, { input }, { identity: asTenant(tenant) });
}

const titlesOf = (answer: Answer): string[] =>
  (answer.body.data!.calendar as { spaceBookings: { title: string }[] }[]).flatMap((d) => d.spaceBookings.map((b) => b.title));

describe('response cache of anonymous reads (in memory)', () => {
  const week = { from: addDays(today, 1), to: addDays(today, 7) };

  it('answers the anonymous calendar from the subgraphs once (MISS), then from the cache (HIT) with the same bytes and no subgraph request', async () => {
    await graph.settle();
    const before = await metrics();
    const miss = await measured(() => ask(CALENDAR, week));
    expect(miss.answer.status).toBe(200);
    expect(miss.answer.body.errors).toBeUndefined();
    expect(miss.answer.body.data!.calendar).toHaveLength(7);
    expect(miss.answer.headers.get('x-cache')).toBe('MISS');
    expect(miss.answer.headers.get('cache-control')).toBe('max-age=60, public');
    for (const s of SUBGRAPHS) expect(miss.fetches[s]).toBeGreaterThan(0);

    const hit = await measured(() => ask(CALENDAR, week));
    expect(hit.answer.status).toBe(200);
    expect(hit.answer.headers.get('x-cache')).toBe('HIT');
    expect(hit.answer.text).toBe(miss.answer.text);
    expect(hit.fetches).toEqual(NONE);
    expect(Number(hit.answer.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(Number(hit.answer.headers.get('age'))).toBeLessThan(60);
    expect(hit.answer.headers.get('cache-control')).toMatch(/^max-age=(60|59|58), public$/);
    expect(hit.answer.headers.get('content-type')).toBe(miss.answer.headers.get('content-type'));
    // A shared cache must keep apart what differs by caller, language, media type and origin.
    for (const answer of [miss.answer, hit.answer]) {
      expect(answer.headers.get('vary')).toBe('Origin, Accept, Accept-Language, Authorization');
      expect(answer.headers.get('content-language')).toBe('fr');
    }

    expect(moved(await metrics(), before)).toEqual({ hits: 1, misses: 1, stored: 1, invalidations: 0 });
  });

  it('never answers a signed-in caller from the cache: each of its requests reaches the subgraphs', async () => {
    // The anonymous answer of this very request is cached (the test above).
    expect((await ask(CALENDAR, week)).headers.get('x-cache')).toBe('HIT');
    await graph.settle();
    const before = await metrics();
    for (const identity of [asTenant('acupuncture'), asTenant('acupuncture')]) {
      const signed = await measured(() => ask(CALENDAR, week, { identity }));
      expect(signed.answer.status).toBe(200);
      expect(signed.answer.body.errors).toBeUndefined();
      expect(signed.answer.headers.get('x-cache')).toBeNull();
      expect(signed.answer.headers.get('cache-control')).toBe('max-age=60, private');
      for (const s of SUBGRAPHS) expect(signed.fetches[s]).toBeGreaterThan(0);
    }
    // A bad token is refused, not answered from the cache.
    const bad = await ask(CALENDAR, week, { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('x-cache')).toBeNull();
    expect(moved(await metrics(), before)).toEqual({ hits: 0, misses: 0, stored: 0, invalidations: 0 });
  });

  it('keeps French and English answers apart', async () => {
    const before = await metrics();
    const fr = await ask(KITCHEN_NAME);
    const en = await ask(KITCHEN_NAME, {}, { headers: { 'accept-language': 'en' } });
    expect(fr.body).toEqual({ data: { sharedSpace: { name: 'Cuisine partagée' } } });
    expect(en.body).toEqual({ data: { sharedSpace: { name: 'Shared kitchen' } } });
    expect([fr.headers.get('x-cache'), en.headers.get('x-cache')]).toEqual(['MISS', 'MISS']);
    expect([fr.headers.get('content-language'), en.headers.get('content-language')]).toEqual(['fr', 'en']);

    const frAgain = await ask(KITCHEN_NAME, {}, { headers: { 'accept-language': 'fr-CA' } });
    const enAgain = await ask(KITCHEN_NAME, {}, { headers: { 'accept-language': 'en-CA,en;q=0.9' } });
    expect([frAgain.headers.get('x-cache'), enAgain.headers.get('x-cache')]).toEqual(['HIT', 'HIT']);
    expect([frAgain.headers.get('content-language'), enAgain.headers.get('content-language')]).toEqual(['fr', 'en']);
    expect(frAgain.text).toBe(fr.text);
    expect(enAgain.text).toBe(en.text);
    expect(moved(await metrics(), before)).toEqual({ hits: 2, misses: 2, stored: 2, invalidations: 0 });
  });

  it("after a booking, the next anonymous calendar is a MISS and shows it; the kitchen's name stays cached", async () => {
    const day = addDays(today, 20);
    const span = { from: day, to: addDays(day, 1) };
    const title = `Repas ouvert ${RUN}`;
    expect((await ask(CALENDAR, span)).headers.get('x-cache')).toBe('MISS');
    const cached = await ask(CALENDAR, span);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    expect(titlesOf(cached)).not.toContain(title);

    const before = await metrics();
    const booked = await bookPublic(graph.gatewayUrl, day, '19:00', title, 'graphisme');
    expect(booked.body.errors).toBeUndefined();
    expect(booked.body.data!.bookSharedSpace).toEqual({ booking: { id: expect.any(String), title, visibility: 'PUBLIC' }, userErrors: [] });
    expect(booked.headers.get('x-cache')).toBeNull();
    expect(booked.headers.get('cache-control')).toBe('no-store');
    expect(moved(await metrics(), before)).toEqual({ hits: 0, misses: 0, stored: 0, invalidations: 1 });

    await graph.settle();
    const fresh = await measured(() => ask(CALENDAR, span));
    expect(fresh.answer.headers.get('x-cache')).toBe('MISS');
    expect(fresh.fetches.tenants).toBeGreaterThan(0);
    expect(titlesOf(fresh.answer)).toContain(title);
    // The kitchen's name holds no booking (nor its availability): still from the cache.
    expect((await ask(KITCHEN_NAME)).headers.get('x-cache')).toBe('HIT');
    const again = await ask(CALENDAR, span);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.text).toBe(fresh.answer.text);
    expect(moved(await metrics(), before)).toEqual({ hits: 2, misses: 1, stored: 1, invalidations: 1 });
  });

  it('a mutation refused by its subgraph (a user error) empties nothing', async () => {
    expect((await ask(KITCHEN_NAME)).headers.get('x-cache')).toBe('HIT');
    const before = await metrics();
    // An empty title: refused with a userError, after reaching the tenants subgraph.
    const refused = await bookPublic(graph.gatewayUrl, addDays(today, 22), '19:00', '', 'graphisme');
    expect(refused.body.data!.bookSharedSpace.booking).toBeNull();
    expect(refused.body.data!.bookSharedSpace.userErrors).not.toEqual([]);
    expect((await ask(KITCHEN_NAME)).headers.get('x-cache')).toBe('HIT');
    expect(moved(await metrics(), before)).toEqual({ hits: 1, misses: 0, stored: 0, invalidations: 0 });
  });

  it('does not keep an answer with errors', async () => {
    const query = `query WithError_${RUN}($from: DateTime!, $to: DateTime!) { house { timeZone } myBookings(from: $from, to: $to) { id } }`;
    const variables = { from: houseInstant(today, '00:00').toISOString(), to: houseInstant(addDays(today, 1), '00:00').toISOString() };
    await graph.settle();
    const before = await metrics();
    for (let i = 0; i < 2; i += 1) {
      const failed = await measured(() => ask(query, variables));
      expect(failed.answer.body.errors?.length).toBeGreaterThan(0);
      expect(failed.answer.headers.get('x-cache')).toBe('MISS');
      expect(failed.answer.headers.get('cache-control')).toBe('no-store');
      expect(failed.fetches.tenants).toBeGreaterThan(0);
    }
    // Refused before execution (an unknown field): not kept either, and not an invalidation.
    for (let i = 0; i < 2; i += 1) {
      const invalid = await ask(`query Invalid_${RUN} { house { nope } }`);
      expect(invalid.body.errors?.length).toBeGreaterThan(0);
      expect(invalid.headers.get('x-cache')).toBe('MISS');
    }
    expect(moved(await metrics(), before)).toEqual({ hits: 0, misses: 4, stored: 0, invalidations: 0 });
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL;
if (!REDIS_URL) {
  process.stderr.write('response-cache.e2e.test.ts: TEST_REDIS_URL is not set; gateways sharing a Redis response cache were NOT tested.\n');
} else {
  describe('response cache shared through Redis by two gateways (TEST_REDIS_URL)', () => {
    const gateways = redisGateways(() => graph, REDIS_URL, `maison-test:${RUN}:`);
    afterAll(() => gateways.close());

    it('an answer cached through one gateway is a HIT through the other; a mutation through one invalidates both', async () => {
      const a = await gateways.start();
      const b = await gateways.start();
      expect(a.gateway.responseCache?.store.kind).toBe('redis');
      expect(b.gateway.responseCache?.store.kind).toBe('redis');
      const day = addDays(today, 21);
      const span = { from: day, to: addDays(day, 1) };
      const query = calendarQuery('SharedCalendar');
      const title = `Repas partagé ${RUN}`;

      await graph.settle();
      const missA = await measured(() => post(a.url, query, span));
      expect(missA.answer.body.errors).toBeUndefined();
      expect(missA.answer.headers.get('x-cache')).toBe('MISS');
      expect(missA.fetches.tenants).toBeGreaterThan(0);
      const hitB = await measured(() => post(b.url, query, span));
      expect(hitB.answer.headers.get('x-cache')).toBe('HIT');
      expect(hitB.answer.text).toBe(missA.answer.text);
      expect(hitB.fetches).toEqual(NONE);
      expect(titlesOf(hitB.answer)).not.toContain(title);

      const booked = await bookPublic(b.url, day, '19:00', title, 'communication');
      expect(booked.body.data!.bookSharedSpace.userErrors).toEqual([]);
      // The invalidation of the bookings reaches A over pub/sub.
      const versions = (gateway: Gateway) => gateway.responseCache!.store.tagsOf(['SpaceBooking']);
      expect(versions(b.gateway).SpaceBooking).toBeGreaterThan(0);
      const deadline = Date.now() + 5000;
      while (versions(a.gateway).SpaceBooking !== versions(b.gateway).SpaceBooking && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(versions(a.gateway)).toEqual(versions(b.gateway));

      const freshA = await measured(() => post(a.url, query, span));
      expect(freshA.answer.headers.get('x-cache')).toBe('MISS');
      expect(freshA.fetches.tenants).toBeGreaterThan(0);
      expect(titlesOf(freshA.answer)).toContain(title);
      const hitAgainB = await post(b.url, query, span);
      expect(hitAgainB.headers.get('x-cache')).toBe('HIT');
      expect(hitAgainB.text).toBe(freshA.answer.text);

      expect(a.gateway.responseCache!.stats).toEqual({ hits: 0, misses: 2, stored: 2, invalidations: 0, coalesced: 0, flushes: 0 });
      expect(b.gateway.responseCache!.stats).toEqual({ hits: 2, misses: 0, stored: 0, invalidations: 1, coalesced: 0, flushes: 0 });
    });
  });
}
