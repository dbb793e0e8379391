import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import type { Identity } from '@maison/auth';
import type { Gateway } from '@maison/gateway';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { admin, asMember, asTenant, startGraph, type RunningGraph } from '@maison/testing';
import { post, redisGateways, type Answer } from './response-cache-helpers';

/**
 * What a mutation empties in the response cache, through the real graph, for each family of
 * mutations: two anonymous reads are cached (HIT), one that holds what the mutation changes and one
 * that does not; after the mutation the first is a MISS with the new data and the second still a
 * HIT. A refused mutation (anonymous, userErrors, invalid) leaves both HIT and counts no
 * invalidation. Once with the in-memory store, and with TEST_REDIS_URL once more through two
 * gateways on that Redis (reads through one, mutations through the other).
 */
const RUN = randomBytes(4).toString('hex');
const KITCHEN = stableId('shared-space', 'cuisine');
const TERRACE = stableId('shared-space', 'terrasse');
const today = todayInHouse();
const api = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/client.graphql'), 'utf8'));
const OBJECT_TYPES = Object.values(api.getTypeMap())
  .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
  .map((t) => t.name);

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: `t_rcinv_${RUN}_` } });
  await graph.settle();
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

/** Where the reads and the mutations go, and how many invalidations the mutating gateway counted. */
interface Target {
  label: string;
  /** First day of this target's bookings, events and vernissages (each target its own). */
  day: number;
  tenant: string;
  read(query: string, variables?: Record<string, unknown>): Promise<Answer>;
  mutate(query: string, variables: Record<string, unknown>, identity?: Identity): Promise<Answer>;
  invalidations(): Promise<number>;
  /** Waits until the reading gateway knows every invalidation the mutating one made. */
  synced(): Promise<void>;
}

interface Read {
  query: string;
  variables?: Record<string, unknown>;
}

const cacheOf = (answer: Answer) => answer.headers.get('x-cache');

/** Reads until cached: a MISS, then a HIT with the same bytes. */
async function warm(target: Target, read: Read): Promise<Answer> {
  const first = await target.read(read.query, read.variables);
  expect(first.body.errors).toBeUndefined();
  expect(cacheOf(first)).toBe('MISS');
  const hit = await target.read(read.query, read.variables);
  expect(cacheOf(hit)).toBe('HIT');
  expect(hit.text).toBe(first.text);
  return hit;
}

/**
 * Warms both reads, runs the mutation, then: the dependent read is a MISS whose data `shows` the
 * change, the independent one a HIT with the bytes it had, and one invalidation was counted.
 */
async function expectOnlyDependentEmptied(
  target: Target,
  reads: { dependent: Read; independent: Read },
  mutation: () => Promise<void>,
  shows: (data: Record<string, any>) => void,
): Promise<void> {
  await warm(target, reads.dependent);
  const independent = await warm(target, reads.independent);
  const before = await target.invalidations();
  await mutation();
  await target.synced();
  expect((await target.invalidations()) - before).toBe(1);
  const fresh = await target.read(reads.dependent.query, reads.dependent.variables);
  expect(cacheOf(fresh)).toBe('MISS');
  shows(fresh.body.data!);
  const still = await target.read(reads.independent.query, reads.independent.variables);
  expect(cacheOf(still)).toBe('HIT');
  expect(still.text).toBe(independent.text);
}

/** Warms both reads, runs a mutation that must be refused, then both are still HIT and nothing was invalidated. */
async function expectNothingEmptied(target: Target, reads: Read[], refused: () => Promise<void>): Promise<void> {
  const warmed = [];
  for (const read of reads) warmed.push(await warm(target, read));
  const before = await target.invalidations();
  await refused();
  await target.synced();
  for (const [i, read] of reads.entries()) {
    const again = await target.read(read.query, read.variables);
    expect(cacheOf(again)).toBe('HIT');
    expect(again.text).toBe(warmed[i]!.text);
  }
  expect(await target.invalidations()).toBe(before);
}

const slotStarts = (data: Record<string, any>): string[] => data.sharedSpace.availability.map((s: { startsAt: string }) => new Date(s.startsAt).toISOString());

function families(make: () => Target): void {
  let target: Target;
  let names: (name: string) => string;
  beforeAll(() => {
    target = make();
    names = (name) => `${name}_${target.label}_${RUN}`;
  });
  const day = (offset: number) => addDays(today, target.day + offset);
  const availability = (name: string, date: string): Read => ({
    query: `query ${names(name)}($date: LocalDate!) { sharedSpace(slug: "cuisine") { availability(date: $date, durationMinutes: 60) { startsAt } } }`,
    variables: { date },
  });
  const exhibitions = (name: string): Read => ({ query: `query ${names(name)} { exhibitions(first: 3) { nodes { title } } }` });
  const kitchenName = (name: string): Read => ({ query: `query ${names(name)} { sharedSpace(slug: "cuisine") { name } }` });

  it('a booking (bookSharedSpace) empties the calendar and the space’s availability, not the space’s name', async () => {
    const date = day(0);
    const title = `Repas ${target.label} ${RUN}`;
    const startsAt = houseInstant(date, '19:00');
    const calendar: Read = {
      query: `query ${names('BookingCalendar')}($d: LocalDate!) { calendar(from: $d, to: $d) { spaceBookings { title } } }`,
      variables: { d: date },
    };
    const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
    const book = async (at: Date) => {
      const input = { spaceId: KITCHEN, startsAt: at, endsAt: new Date(at.getTime() + 3_600_000), title, visibility: 'PUBLIC' };
      const booked = await target.mutate(BOOK, { input }, asTenant(target.tenant));
      expect(booked.body.data!.bookSharedSpace).toEqual({ booking: { id: expect.any(String) }, userErrors: [] });
    };
    await expectOnlyDependentEmptied(
      target,
      { dependent: calendar, independent: kitchenName('BookingKitchen') },
      () => book(startsAt),
      (data) => expect(data.calendar[0].spaceBookings.map((b: { title: string }) => b.title)).toContain(title),
    );
    // The space's availability is a dependent read too (its answer holds no booking): its first free hour, booked, goes.
    const free = availability('BookingFree', date);
    const first = slotStarts((await warm(target, free)).body.data!)[0];
    expect(first).toBeDefined();
    await book(new Date(first!));
    await target.synced();
    const after = await target.read(free.query, free.variables);
    expect(cacheOf(after)).toBe('MISS');
    expect(slotStarts(after.body.data!)).not.toContain(first);
  });

  let eventId = '';
  it('an event (createCoworkingEvent) empties the events and the space it holds, not the exhibitions', async () => {
    const date = day(1);
    const title = `Cinq à sept ${target.label} ${RUN}`;
    const startsAt = houseInstant(date, '17:00');
    const events: Read = {
      query: `query ${names('Events')}($from: DateTime!, $to: DateTime!) { coworkingEvents(from: $from, to: $to, first: 50) { nodes { title } } }`,
      variables: { from: houseInstant(date, '00:00'), to: houseInstant(addDays(date, 1), '00:00') },
    };
    const free = availability('EventFree', date);
    expect(slotStarts((await warm(target, free)).body.data!)).toContain(startsAt.toISOString());
    await expectOnlyDependentEmptied(
      target,
      { dependent: events, independent: exhibitions('EventExhibitions') },
      async () => {
        const input = { kind: 'SOCIAL', title: { fr: title, en: title }, startsAt, endsAt: houseInstant(date, '19:00'), capacity: 12, sharedSpaceId: KITCHEN };
        const created = await target.mutate(
          `mutation($input: CreateCoworkingEventInput!) { createCoworkingEvent(input: $input) { event { id } userErrors { code } } }`,
          { input },
          admin,
        );
        expect(created.body.data!.createCoworkingEvent.userErrors).toEqual([]);
        eventId = created.body.data!.createCoworkingEvent.event.id;
      },
      (data) => expect(data.coworkingEvents.nodes.map((e: { title: string }) => e.title)).toContain(title),
    );
    // Held in the ledger: the kitchen's availability changed with it.
    const after = await target.read(free.query, free.variables);
    expect(cacheOf(after)).toBe('MISS');
    expect(slotStarts(after.body.data!)).not.toContain(startsAt.toISOString());
  });

  it('a registration (registerForEvent) empties the event’s seats, not the kitchen', async () => {
    expect(eventId).not.toBe('');
    const seats: Read = { query: `query ${names('Seats')}($id: ID!) { coworkingEvent(id: $id) { seatsLeft } }`, variables: { id: eventId } };
    await expectOnlyDependentEmptied(
      target,
      { dependent: seats, independent: kitchenName('RegistrationKitchen') },
      async () => {
        const registered = await target.mutate(
          `mutation($id: ID!) { registerForEvent(eventId: $id) { registration { status } userErrors { code } } }`,
          { id: eventId },
          asMember('rosalie-tremblay'),
        );
        expect(registered.body.data!.registerForEvent).toEqual({ registration: { status: 'CONFIRMED' }, userErrors: [] });
      },
      (data) => expect(data.coworkingEvent.seatsLeft).toBe(11),
    );
  });

  it('an exhibition with a vernissage in the kitchen (createExhibition) empties the calendar’s vernissages and the kitchen’s availability, not the events', async () => {
    const date = day(2);
    const title = `Grès ${target.label} ${RUN}`;
    const startsAt = houseInstant(date, '17:00');
    const calendar: Read = {
      query: `query ${names('Vernissages')}($d: LocalDate!) { calendar(from: $d, to: $d) { vernissages { title } } }`,
      variables: { d: date },
    };
    const free = availability('VernissageFree', date);
    expect(slotStarts((await warm(target, free)).body.data!)).toContain(startsAt.toISOString());
    const events: Read = { query: `query ${names('VernissageEvents')} { coworkingEvents(first: 3) { nodes { title } } }` };
    await expectOnlyDependentEmptied(
      target,
      { dependent: calendar, independent: events },
      async () => {
        const input = {
          title: { fr: title },
          startsOn: addDays(date, 7),
          endsOn: addDays(date, 20),
          vernissage: { startsAt, endsAt: houseInstant(date, '19:00'), sharedSpaceId: KITCHEN },
        };
        const created = await target.mutate(
          `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code } } }`,
          { input },
          admin,
        );
        expect(created.body.data!.createExhibition.userErrors).toEqual([]);
      },
      (data) => expect(data.calendar[0].vernissages.map((e: { title: string }) => e.title)).toContain(title),
    );
    const after = await target.read(free.query, free.variables);
    expect(cacheOf(after)).toBe('MISS');
    expect(slotStarts(after.body.data!)).not.toContain(startsAt.toISOString());
  });

  it('an artwork sold (markArtworkSold) empties the work and its artist’s page, not the tenants', async () => {
    // Signed in: never from the cache. Each target sells a work of its own (the first one still available).
    const { body } = await graph.query(
      `{ artworks(availability: AVAILABLE, forSale: true, first: 1) { nodes { id artist { id } } } }`,
      {},
      { identity: admin },
    );
    const work = (body.data!.artworks.nodes as { id: string; artist: { id: string } }[])[0];
    expect(work).toBeDefined();
    const artwork: Read = { query: `query ${names('Artwork')}($id: ID!) { artwork(id: $id) { availability } }`, variables: { id: work!.id } };
    const artist: Read = {
      query: `query ${names('ArtistWorks')}($id: ID!) { artist(id: $id) { artworks { id availability } } }`,
      variables: { id: work!.artist.id },
    };
    const tenants: Read = { query: `query ${names('Tenants')} { tenants { name } }` };
    await warm(target, artist);
    await expectOnlyDependentEmptied(
      target,
      { dependent: artwork, independent: tenants },
      async () => {
        const sold = await target.mutate(
          `mutation($id: ID!) { markArtworkSold(id: $id) { artwork { availability } userErrors { code } } }`,
          { id: work!.id },
          admin,
        );
        expect(sold.body.data!.markArtworkSold).toEqual({ artwork: { availability: 'SOLD' }, userErrors: [] });
      },
      (data) => expect(data.artwork.availability).toBe('SOLD'),
    );
    // The artist's page lists the work: it holds the Artwork type, so it went too.
    const page = await target.read(artist.query, artist.variables);
    expect(cacheOf(page)).toBe('MISS');
    expect(page.body.data!.artist.artworks).toContainEqual({ id: work!.id, availability: 'SOLD' });
  });

  it('a rule change (updateSpaceRules) empties the space’s rules, not the exhibitions', async () => {
    const cutoff = target.label === 'memory' ? 90 : 150;
    const rules: Read = { query: `query ${names('TerraceRules')} { sharedSpace(slug: "terrasse") { cancellationCutoffMinutes } }` };
    await expectOnlyDependentEmptied(
      target,
      { dependent: rules, independent: exhibitions('RulesExhibitions') },
      async () => {
        const changed = await target.mutate(
          `mutation($id: ID!, $rules: SpaceRulesInput!) { updateSpaceRules(spaceId: $id, rules: $rules) { space { cancellationCutoffMinutes } userErrors { code } } }`,
          { id: TERRACE, rules: { cancellationCutoffMinutes: cutoff } },
          admin,
        );
        expect(changed.body.data!.updateSpaceRules).toEqual({ space: { cancellationCutoffMinutes: cutoff }, userErrors: [] });
      },
      (data) => expect(data.sharedSpace.cancellationCutoffMinutes).toBe(cutoff),
    );
  });

  describe('a refused mutation empties nothing', () => {
    const occupancy = (name: string): Read => ({ query: `query ${names(name)} { coworkingOccupancy { present capacity } }` });
    const calendar = (name: string): Read => ({
      query: `query ${names(name)}($d: LocalDate!) { calendar(from: $d, to: $d) { spaceBookings { title } } }`,
      variables: { d: day(3) },
    });

    it('an anonymous checkIn (UNAUTHENTICATED)', async () => {
      await expectNothingEmptied(target, [occupancy('AnonymousOccupancy'), kitchenName('AnonymousKitchen')], async () => {
        const refused = await target.mutate(`mutation { checkIn { checkIn { id } userErrors { code } } }`, {});
        expect(refused.body.data ?? null).toBeNull();
        expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      });
    });

    it('a booking answered with userErrors (an empty title)', async () => {
      await expectNothingEmptied(target, [calendar('RefusedCalendar'), availability('RefusedFree', day(3))], async () => {
        const startsAt = houseInstant(day(3), '19:00');
        const input = { spaceId: KITCHEN, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), title: '', visibility: 'PUBLIC' };
        const refused = await target.mutate(
          `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`,
          { input },
          asTenant(target.tenant),
        );
        expect(refused.body.data!.bookSharedSpace.booking).toBeNull();
        expect(refused.body.data!.bookSharedSpace.userErrors).not.toEqual([]);
      });
    });

    it('an invalid mutation (GRAPHQL_VALIDATION_FAILED)', async () => {
      await expectNothingEmptied(target, [calendar('InvalidCalendar'), occupancy('InvalidOccupancy')], async () => {
        const refused = await target.mutate(`mutation { checkIn { nope } }`, {}, asMember('rosalie-tremblay'));
        expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      });
    });
  });
}

describe('in memory (one gateway)', () => {
  families(() => ({
    label: 'memory',
    day: 24,
    tenant: 'graphisme',
    read: (query, variables) => post(graph.gatewayUrl, query, variables),
    mutate: (query, variables, identity) => post(graph.gatewayUrl, query, variables, { identity }),
    invalidations: () => graph.gatewayCounter('maison_response_cache_invalidations_total'),
    synced: async () => undefined,
  }));
});

const REDIS_URL = process.env.TEST_REDIS_URL;
if (!REDIS_URL) {
  process.stderr.write('response-cache-invalidation.e2e.test.ts: TEST_REDIS_URL is not set; invalidation through a Redis response cache was NOT tested.\n');
} else {
  describe('in Redis (TEST_REDIS_URL): reads through one gateway, mutations through another', () => {
    const prefix = `maison-test:${RUN}:`;
    const gateways = redisGateways(() => graph, REDIS_URL, prefix);
    let reader: { gateway: Gateway; url: string };
    let writer: { gateway: Gateway; url: string };
    beforeAll(async () => {
      reader = await gateways.start();
      writer = await gateways.start();
    });
    afterAll(async () => {
      await gateways.close();
    });

    const versions = (running: { gateway: Gateway }) => JSON.stringify(running.gateway.responseCache!.store.tagsOf(OBJECT_TYPES));
    families(() => ({
      label: 'redis',
      day: 34,
      tenant: 'communication',
      read: (query, variables) => post(reader.url, query, variables),
      mutate: (query, variables, identity) => post(writer.url, query, variables, { identity }),
      invalidations: async () => writer.gateway.responseCache!.stats.invalidations,
      async synced() {
        const deadline = Date.now() + 5000;
        while (versions(reader) !== versions(writer) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(versions(reader)).toBe(versions(writer));
        expect(reader.gateway.responseCache!.stats.invalidations).toBe(0);
      },
    }));
  });
}
