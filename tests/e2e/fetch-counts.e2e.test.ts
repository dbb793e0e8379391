import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withDatabase } from '@maison/kit';
import { addDays, houseInstant, stableId, startOfLocalDay, todayInHouse } from '@maison/house';
import { asMember, asTenant, startGraph, testServerUrl, withClient, type GraphResponse, type RunningGraph } from '@maison/testing';
import type { Identity } from '@maison/auth';

/**
 * Issue 6: tests that count work instead of timing it. For each main operation, one client request
 * through the gateway costs an exact number of GraphQL requests per subgraph (the gateway's fetches,
 * plus any service call a subgraph makes to another), read from each subgraph's /metrics. A schema
 * change that adds a round trip changes a number here. Each operation runs once with a small answer
 * and once with a large one: the fetches, and the SQL statements, must not grow with the answer.
 *
 * The counters are per process, so the operations of this file run one after the other.
 */
const SUBGRAPHS = ['tenants', 'coworking', 'gallery'] as const;
type Subgraph = (typeof SUBGRAPHS)[number];
type Counts = Record<Subgraph, number>;

const PREFIX = `t_fetch_${randomBytes(4).toString('hex')}_`;
const today = todayInHouse();
/** A stretch of the calendar that the seed leaves empty; the fixtures below fill it. */
const FAR = addDays(today, 300);
const MEASURING_ROOM = { slug: 'salle-de-mesure', id: stableId('shared-space', 'salle-de-mesure') };
const KITCHEN = stableId('shared-space', 'cuisine');
const BUSY_DAY = addDays(today, 50);
const FREE_DAY = addDays(today, 51);
const SMALL_ROOM = { slug: 'petite-salle', id: stableId('shared-space', 'petite-salle') };
/**
 * The large calendar: 21 days. The calendar takes up to 92 (and the gateway's cost limit accepts
 * the benchmark's whats-on for all of them); three weeks are enough, as the fixtures pack hundreds
 * of items into them.
 */
const LARGE_DAYS = 21;
/** The month view of the benchmark (issue 15): a grid of six weeks. */
const MONTH_DAYS = 42;
const SPACE_EVENT = stableId('coworking-event', 'mesure-dans-la-salle');
const ROOM_EVENT = stableId('coworking-event', 'mesure-dans-une-piece');

let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: PREFIX } });
  await loadFixtures();
  await graph.settle();
}, 180_000);
afterAll(async () => {
  await graph?.stop();
  if (measured.length > 0) {
    const lines = measured.map((m) => `  ${m.name.padEnd(58)} fetches ${JSON.stringify(m.fetches)}  sql ${JSON.stringify(m.sql)}`);
    process.stdout.write(`Subgraph fetches and SQL statements per client request:\n${lines.join('\n')}\n`);
  }
});

const database = (subgraph: Subgraph) => withDatabase(testServerUrl(), `${PREFIX}${subgraph}`);

/**
 * The small answers live in the first week of FAR; the large ones fill FAR + 7 to FAR + 20 with
 * hundreds of bookings, events, exhibitions and vernissages, in the seed's kitchen and in a
 * measuring room the fixtures add; a small room has one booking, one event and one artwork.
 */
async function loadFixtures(): Promise<void> {
  const farStart = houseInstant(FAR, '00:00');
  await withClient(database('tenants'), async (db) => {
    await db.query(
      `INSERT INTO shared_space (id, slug, name, capacity, opening_hours, buffer_minutes, min_duration_minutes, max_duration_minutes, horizon_days, min_notice_minutes)
       SELECT id, slug, name, 20, (SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opens', '00:00', 'closes', '24:00')) FROM generate_series(1, 7) d), 0, 15, 1440, 730, 0
       FROM (VALUES ($1::uuid, $2, '{"fr": "Salle de mesure", "en": "Measuring room"}'::jsonb), ($3::uuid, $4, '{"fr": "Petite salle", "en": "Small room"}'::jsonb)) v (id, slug, name)`,
      [MEASURING_ROOM.id, MEASURING_ROOM.slug, SMALL_ROOM.id, SMALL_ROOM.slug],
    );
    const booking = `INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at, occupied_until, visibility)`;
    // In the measuring room, one public booking in the first week and 250 in the two weeks after it
    // (one every 75 minutes); in the small room, one in the first week; all with their history.
    await db.query(
      `${booking}
       SELECT md5('mesure-' || g)::uuid, CASE WHEN g < 0 THEN $4 ELSE $1 END::uuid, 'TENANT', $2, 'Acupuncture', 'tenant:acupuncture', 'Séance ' || g,
              t, t + interval '1 hour', t + interval '1 hour', 'PUBLIC'
       FROM generate_series(-1, 250) g,
            LATERAL (SELECT CASE WHEN g <= 0 THEN $3::timestamptz + interval '34 hours' ELSE $3::timestamptz + interval '7 days 8 hours' + (g - 1) * interval '75 minutes' END AS t) x`,
      [MEASURING_ROOM.id, stableId('tenant', 'acupuncture'), farStart, SMALL_ROOM.id],
    );
    await db.query(
      `INSERT INTO space_booking_history (booking_id, action, actor, starts_at, ends_at)
       SELECT id, 'CREATED', created_by, starts_at, ends_at FROM space_booking WHERE space_id IN ($1, $2)`,
      [MEASURING_ROOM.id, SMALL_ROOM.id],
    );
    // The kitchen on BUSY_DAY: booked from 7:00 to 18:30 (plus its 30-minute cleaning buffer), free from 19:00.
    await db.query(
      `${booking}
       SELECT md5('cuisine-occupee-' || h)::uuid, $1, 'TENANT', $2, 'Acupuncture', 'tenant:acupuncture', 'Cuisine occupée', t, t + interval '150 minutes', t + interval '180 minutes', 'PRIVATE'
       FROM unnest(ARRAY['07:00', '10:00', '13:00', '16:00']) h, LATERAL (SELECT ($3::date + h::time) AT TIME ZONE 'America/Toronto' AS t) x`,
      [KITCHEN, stableId('tenant', 'acupuncture'), BUSY_DAY],
    );
  });
  await withClient(database('coworking'), async (db) => {
    const event = `INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, space_id, room, capacity)`;
    await db.query(
      `${event} VALUES ($1, 'SOCIAL', '{"fr": "Soirée de mesure", "en": "Measuring evening"}', $3::timestamptz + interval '2 days 17 hours', $3::timestamptz + interval '2 days 19 hours', $2, NULL, 20),
                       ($4, 'TALK', '{"fr": "Causerie de mesure", "en": "Measuring talk"}', $3::timestamptz + interval '3 days 12 hours', $3::timestamptz + interval '3 days 13 hours', NULL, '{"fr": "Salle de réunion"}', 10),
                       (md5('petite-salle')::uuid, 'SOCIAL', '{"fr": "Petite soirée"}', $3::timestamptz + interval '4 days 17 hours', $3::timestamptz + interval '4 days 19 hours', $5, NULL, 8)`,
      [SPACE_EVENT, MEASURING_ROOM.id, farStart, ROOM_EVENT, SMALL_ROOM.id],
    );
    // 120 events after the first week, one every 150 minutes: two in three in the measuring room, the others in the kitchen.
    await db.query(
      `${event}
       SELECT md5('mesure-evenement-' || g)::uuid, 'WORKSHOP', jsonb_build_object('fr', 'Atelier ' || g), t, t + interval '90 minutes',
              CASE WHEN g % 3 = 0 THEN $2 ELSE $1 END::uuid, NULL, 15
       FROM generate_series(1, 120) g, LATERAL (SELECT $3::timestamptz + interval '7 days 6 hours' + g * interval '150 minutes' AS t) x`,
      [MEASURING_ROOM.id, KITCHEN, farStart],
    );
  });
  await withClient(database('gallery'), async (db) => {
    await db.query(`INSERT INTO artist (id, slug, name, bio, disciplines)
      SELECT md5('mesure-artiste-' || n)::uuid, 'mesure-artiste-' || n, 'Artiste de mesure ' || n, '{"fr": "Peint le fleuve."}', '[{"fr": "Peinture", "en": "Painting"}]'
      FROM generate_series(1, 40) n`);
    // 160 artworks, four per artist; the first 60 hang in the measuring room, the 61st in the small room.
    await db.query(
      `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents, displayed_in_space_id)
       SELECT md5('mesure-oeuvre-' || n)::uuid, 'mesure-oeuvre-' || n, md5('mesure-artiste-' || (1 + n % 40))::uuid, jsonb_build_object('fr', 'Œuvre ' || n),
              2000 + n % 25, '{"fr": "Huile sur toile", "en": "Oil on canvas"}', '30 × 40 cm', 'AVAILABLE', 1000 * n,
              CASE WHEN n <= 60 THEN $1::uuid WHEN n = 61 THEN $2::uuid END
       FROM generate_series(1, 160) n`,
      [MEASURING_ROOM.id, SMALL_ROOM.id],
    );
    const exhibition = `INSERT INTO exhibition (id, slug, title, description, starts_on, ends_on, vernissage_starts_at, vernissage_ends_at, vernissage_venue)`;
    // The small page and the small week: one exhibition with one artist and one artwork, and its vernissage.
    await db.query(
      `${exhibition} VALUES (md5('mesure-petite')::uuid, 'mesure-petite', '{"fr": "La petite mesure"}', '{"fr": "Une œuvre."}', $1::date + 1, $1::date + 5,
         ($1::date + 1 + time '17:00') AT TIME ZONE 'America/Toronto', ($1::date + 1 + time '19:00') AT TIME ZONE 'America/Toronto', '{"fr": "Le salon"}')`,
      [FAR],
    );
    // The large page: current, 30 artists and their 120 artworks.
    await db.query(
      `${exhibition} VALUES (md5('mesure-grande')::uuid, 'mesure-grande', '{"fr": "La grande mesure"}', '{"fr": "Cent vingt œuvres."}', $1::date - 5, $1::date + 200, NULL, NULL, NULL)`,
      [today],
    );
    // Twelve more current exhibitions (ending before FAR), for a full first page of exhibitions(status: CURRENT).
    await db.query(
      `${exhibition}
       SELECT md5('mesure-actuelle-' || n)::uuid, 'mesure-actuelle-' || n, jsonb_build_object('fr', 'Actuelle ' || n), NULL, $1::date - n, $1::date + 100 + n, NULL, NULL, NULL
       FROM generate_series(1, 12) n`,
      [today],
    );
    // 40 exhibitions opening in FAR's second and third weeks, each with its vernissage the evening before.
    await db.query(
      `${exhibition}
       SELECT md5('mesure-lot-' || n)::uuid, 'mesure-lot-' || n, jsonb_build_object('fr', 'Lot ' || n), NULL, d, d + 20,
              (d - 1 + time '17:00') AT TIME ZONE 'America/Toronto', (d - 1 + time '19:00') AT TIME ZONE 'America/Toronto', '{"fr": "Le grand salon"}'
       FROM generate_series(1, 40) n, LATERAL (SELECT $1::date + 8 + n % 12 AS d) x`,
      [FAR],
    );
    await db.query(`INSERT INTO exhibition_artist (exhibition_id, artist_id, position)
      SELECT e.id, a.id, row_number() OVER (PARTITION BY e.id ORDER BY a.slug) FROM exhibition e
      JOIN artist a ON (e.slug = 'mesure-petite' AND a.slug = 'mesure-artiste-1')
                    OR (e.slug = 'mesure-grande' AND a.slug ~ '^mesure-artiste-([1-9]|[12][0-9]|30)$')
                    OR (e.slug LIKE 'mesure-actuelle-%' AND a.slug IN ('mesure-artiste-31', 'mesure-artiste-32'))
                    OR (e.slug LIKE 'mesure-lot-%' AND a.slug IN ('mesure-artiste-33', 'mesure-artiste-34', 'mesure-artiste-35'))`);
    await db.query(`INSERT INTO exhibition_artwork (exhibition_id, artwork_id, position)
      SELECT e.id, w.id, row_number() OVER (PARTITION BY e.id ORDER BY w.slug) FROM exhibition e
      JOIN artwork w ON (e.slug = 'mesure-petite' AND w.slug = 'mesure-oeuvre-40')
                     OR (e.slug = 'mesure-grande' AND w.artist_id IN (SELECT artist_id FROM exhibition_artist WHERE exhibition_id = e.id))`);
    // A work is in one exhibition at a time on given days (the gallery's migration 005), and these run on
    // overlapping days: each of the 52 other exhibitions shows four works of its own, by artists 36 to 40 (credited nowhere).
    await db.query(`INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents)
      SELECT md5('mesure-lot-oeuvre-' || n)::uuid, 'mesure-lot-oeuvre-' || n, md5('mesure-artiste-' || (36 + n % 5))::uuid, jsonb_build_object('fr', 'Œuvre de lot ' || n),
             2000 + n % 25, '{"fr": "Huile sur toile", "en": "Oil on canvas"}', '30 × 40 cm', 'AVAILABLE', 1000 * n
      FROM generate_series(1, 208) n`);
    await db.query(`INSERT INTO exhibition_artwork (exhibition_id, artwork_id, position)
      SELECT md5(x.slug)::uuid, md5('mesure-lot-oeuvre-' || ((x.i - 1) * 4 + k))::uuid, k
      FROM (SELECT 'mesure-actuelle-' || n AS slug, n AS i FROM generate_series(1, 12) n
            UNION ALL SELECT 'mesure-lot-' || n, 12 + n FROM generate_series(1, 40) n) x, generate_series(1, 4) k`);
  });
}

async function counters(): Promise<{ requests: Counts; sql: Counts }> {
  const [requests, sql] = await Promise.all([
    Promise.all(SUBGRAPHS.map((s) => graph.subgraphRequests(s))),
    Promise.all(SUBGRAPHS.map((s) => graph.sqlStatements(s))),
  ]);
  const of = (values: number[]) => Object.fromEntries(SUBGRAPHS.map((s, i) => [s, values[i]!])) as Counts;
  return { requests: of(requests), sql: of(sql) };
}

interface Measured {
  name: string;
  fetches: Counts;
  sql: Counts;
  body: GraphResponse['body'];
}
const measured: Omit<Measured, 'body'>[] = [];

/** One client request through the gateway: what it cost each subgraph. */
async function measure(
  name: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { identity?: Identity; headers?: Record<string, string> } = {},
): Promise<Measured> {
  const before = await counters();
  const { status, body } = await graph.query(query, variables, options);
  const after = await counters();
  expect({ name, status, errors: body.errors }).toEqual({ name, status: 200, errors: undefined });
  const diff = (k: 'requests' | 'sql') => Object.fromEntries(SUBGRAPHS.map((s) => [s, after[k][s] - before[k][s]])) as Counts;
  const result = { name, fetches: diff('requests'), sql: diff('sql') };
  measured.push(result);
  return { ...result, body };
}

const size = (body: GraphResponse['body']) => JSON.stringify(body.data).length;
const counts = (tenants: number, coworking: number, gallery: number): Counts => ({ tenants, coworking, gallery });

// The operations of the benchmark (scripts/src/bench/scenarios.ts), as written there.
const WHATS_ON = `query WhatsOn($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) {
    date
    spaceBookings { id title startsAt endsAt space { name } }
    coworkingEvents { id title startsAt endsAt room sharedSpace { name } }
    exhibitionsOnView { id title endsOn }
    vernissages { id title vernissage { startsAt venueName } } } }`;
const KITCHEN_DAY = `query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`;
const EXHIBITION = `query Exhibition($slug: String!) { exhibition(slug: $slug) { title description startsOn endsOn status
    artists { name bio disciplines artworks { title priceLabel } } artworks { title year medium priceLabel artist { name } } } }`;
const BOOK = `mutation Book($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id startsAt } userErrors { code } } }`;

/**
 * Statements of an accepted tenant booking at tenants: the space, the tenant (the request's
 * DataLoader), and the booking in one autocommitted statement while the space's rules are the
 * version checked (fastBookedSql: the space's and the tenant's rows FOR SHARE, the space's lock, the
 * booking, its history line and its row). 7 before that fast path (BEGIN, the rules, the tenant's
 * name, the insert, COMMIT); 8 before the space's lock was taken in the insert; 10 before the
 * booking, its history line and its row were one statement.
 */
const SQL_OF_A_TENANT_BOOKING = 3;

type Item = { id?: string; title: string };
type Day = { spaceBookings: Item[]; coworkingEvents: (Item & { sharedSpace: { name: string } | null })[]; exhibitionsOnView: Item[]; vernissages: Item[] };
/**
 * How many items of each kind a calendar answer holds: distinct ones (by id, or by title when the
 * operation asks no id), as an item that crosses midnight shows on both days; exhibitions on view
 * are counted per day, the bulk of a long calendar.
 */
function calendarItems(body: GraphResponse['body']) {
  const days = body.data!.calendar as Day[];
  const distinct = (f: (d: Day) => Item[]) => new Set(days.flatMap(f).map((i) => i.id ?? i.title)).size;
  return {
    days: days.length,
    bookings: distinct((d) => d.spaceBookings),
    events: distinct((d) => d.coworkingEvents),
    eventsInSharedSpaces: distinct((d) => d.coworkingEvents.filter((e) => e.sharedSpace !== null)),
    exhibitions: days.reduce((n, d) => n + d.exhibitionsOnView.length, 0),
    vernissages: distinct((d) => d.vernissages),
  };
}

describe('subgraph fetches per client request (the operations of the benchmark)', () => {
  it('whats-on: the calendar costs tenants twice (the days, then the shared spaces of the events), coworking and gallery once', async () => {
    const week = await measure('whats-on, 7 days', WHATS_ON, { from: FAR, to: addDays(FAR, 6) });
    const threeWeeks = await measure(`whats-on, ${LARGE_DAYS} days`, WHATS_ON, { from: FAR, to: addDays(FAR, LARGE_DAYS - 1) });
    const small = calendarItems(week.body);
    const large = calendarItems(threeWeeks.body);
    expect(small).toEqual({ days: 7, bookings: 2, events: 3, eventsInSharedSpaces: 2, exhibitions: 5, vernissages: 1 });
    expect(large).toEqual({ days: LARGE_DAYS, bookings: 252, events: 123, eventsInSharedSpaces: 122, exhibitions: expect.any(Number), vernissages: 41 });
    expect(large.exhibitions).toBeGreaterThan(200);
    // tenants: Query.calendar, then SharedSpace.name for the events' spaces; coworking and gallery: their CalendarDay fields.
    expect(week.fetches).toEqual(counts(2, 1, 1));
    expect(threeWeeks.fetches).toEqual(week.fetches);
    expect(threeWeeks.sql).toEqual(week.sql);
    // One statement each for coworking's events and for the gallery's two fields (issue 15).
    expect([week.sql.coworking, week.sql.gallery]).toEqual([1, 1]);
  });

  it(`the month view (whats-on over ${MONTH_DAYS} days) costs the statements and fetches of a week`, async () => {
    // Signed in, as in the benchmark: never answered from the response cache (the first test asked for this week anonymously).
    const identity = asTenant('acupuncture');
    const week = await measure('whats-on, 7 days, signed in', WHATS_ON, { from: FAR, to: addDays(FAR, 6) }, { identity });
    const month = await measure(
      `month view, whats-on over ${MONTH_DAYS} days, signed in`,
      WHATS_ON,
      { from: FAR, to: addDays(FAR, MONTH_DAYS - 1) },
      { identity },
    );
    const items = calendarItems(month.body);
    // Every fixture of the three weeks is in the month, six times the items of the week and more.
    expect(items).toEqual({ days: MONTH_DAYS, bookings: 252, events: 123, eventsInSharedSpaces: 122, exhibitions: expect.any(Number), vernissages: 41 });
    expect(size(month.body)).toBeGreaterThan(6 * size(week.body));
    expect(month.fetches).toEqual(counts(2, 1, 1));
    expect(month.fetches).toEqual(week.fetches);
    expect(month.sql).toEqual(week.sql);
  });

  it('whats-on of this week, with the seed only: no event of the week is in a shared space, so the gateway skips that fetch', async () => {
    const week = await measure('whats-on, this week (seed)', WHATS_ON, { from: today, to: addDays(today, 6) });
    const items = calendarItems(week.body);
    expect(items.eventsInSharedSpaces).toBe(0);
    expect(items.events).toBeGreaterThan(0);
    expect(items.exhibitions).toBeGreaterThan(0);
    expect(week.fetches).toEqual(counts(1, 1, 1));
  });

  it('kitchen availability of a day costs one tenants fetch, for a busy day as for a free one', async () => {
    const busy = await measure('kitchen availability, busy day', KITCHEN_DAY, { date: BUSY_DAY });
    const free = await measure('kitchen availability, free day', KITCHEN_DAY, { date: FREE_DAY });
    const slots = (m: Measured) => (m.body.data!.sharedSpace.availability as unknown[]).length;
    // The busy day is free from 19:00 to 22:00 only: 19:00, 19:30, 20:00, 20:30 and 21:00.
    expect(slots(busy)).toBe(5);
    expect(slots(free)).toBeGreaterThan(20);
    expect(busy.fetches).toEqual(counts(1, 0, 0));
    expect(free.fetches).toEqual(busy.fetches);
    expect(free.sql).toEqual(busy.sql);
  });

  it('an exhibition page with its artists and artworks costs one gallery fetch, for 1 artwork as for 120', async () => {
    const petite = await measure('exhibition page, 1 artist, 1 artwork', EXHIBITION, { slug: 'mesure-petite' });
    const grande = await measure('exhibition page, 30 artists, 120 artworks', EXHIBITION, { slug: 'mesure-grande' });
    const shape = (m: Measured) => ({ artists: m.body.data!.exhibition.artists.length, artworks: m.body.data!.exhibition.artworks.length });
    expect(shape(petite)).toEqual({ artists: 1, artworks: 1 });
    expect(shape(grande)).toEqual({ artists: 30, artworks: 120 });
    expect(petite.fetches).toEqual(counts(0, 0, 1));
    expect(grande.fetches).toEqual(petite.fetches);
    expect(grande.sql).toEqual(petite.sql);
  });

  it('bookSharedSpace costs one tenants fetch, accepted or refused; a member booking adds the membership check at coworking', async () => {
    const slot = (day: number, hour: string, title: string) => {
      const startsAt = houseInstant(addDays(FAR, day), hour);
      return { input: { spaceId: MEASURING_ROOM.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), title } };
    };
    const tenant = asTenant('acupuncture');
    const accepted = await measure('bookSharedSpace, tenant, accepted', BOOK, slot(40, '03:00', 'Mesure 1'), { identity: tenant });
    const refused = await measure('bookSharedSpace, tenant, slot taken', BOOK, slot(40, '03:00', 'Mesure 2'), { identity: tenant });
    expect(accepted.body.data!.bookSharedSpace).toEqual({ booking: { id: expect.any(String), startsAt: expect.any(String) }, userErrors: [] });
    expect(refused.body.data!.bookSharedSpace).toEqual({ booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE' }] });
    expect(accepted.fetches).toEqual(counts(1, 0, 0));
    expect(refused.fetches).toEqual(accepted.fetches);
    // The space, the tenant, then the booking in one statement: the space's rules still the ones
    // checked, the tenant's row, the space's lock, the booking, its history line and the row answered.
    expect(accepted.sql.tenants).toBe(SQL_OF_A_TENANT_BOOKING);

    const member = asMember('rosalie-tremblay');
    const asMemberAccepted = await measure('bookSharedSpace, member, accepted', BOOK, slot(41, '03:00', 'Mesure 3'), { identity: member });
    expect(asMemberAccepted.body.data!.bookSharedSpace.userErrors).toEqual([]);
    // The signed service call tenants makes to coworking to check the membership.
    expect(asMemberAccepted.fetches).toEqual(counts(1, 1, 0));
  });

  it('an event with its shared space costs coworking once and tenants once, for one event as for a hundred', async () => {
    const one = await measure(
      'event with its shared space',
      `query($id: ID!) { coworkingEvent(id: $id) { title startsAt endsAt room sharedSpace { name capacity } } }`,
      { id: SPACE_EVENT },
    );
    expect(one.body.data!.coworkingEvent.sharedSpace).toEqual({ name: 'Salle de mesure', capacity: 20 });
    expect(one.fetches).toEqual(counts(1, 1, 0));

    const page = `query($from: DateTime!, $first: Int!) { coworkingEvents(from: $from, first: $first) { nodes { title startsAt sharedSpace { name } } } }`;
    const from = startOfLocalDay(FAR).toISOString();
    const few = await measure('events with their shared spaces, first 2', page, { from, first: 2 });
    const many = await measure('events with their shared spaces, first 100', page, { from, first: 100 });
    const nodes = (m: Measured) => m.body.data!.coworkingEvents.nodes as { sharedSpace: { name: string } | null }[];
    expect(nodes(few)).toHaveLength(2);
    expect(nodes(many)).toHaveLength(100);
    expect(nodes(few).filter((e) => e.sharedSpace !== null)).toHaveLength(1);
    expect(new Set(nodes(many).map((e) => e.sharedSpace?.name ?? null))).toEqual(new Set(['Salle de mesure', 'Petite salle', 'Cuisine partagée', null]));
    expect(few.fetches).toEqual(counts(1, 1, 0));
    expect(many.fetches).toEqual(few.fetches);
    expect(many.sql).toEqual(few.sql);

    // An event held in a room has no shared space: the gateway has nothing to ask tenants.
    const inRoom = await measure('event in a room (no shared space)', `query($id: ID!) { coworkingEvent(id: $id) { title room sharedSpace { name } } }`, {
      id: ROOM_EVENT,
    });
    expect(inRoom.body.data!.coworkingEvent).toEqual({ title: 'Causerie de mesure', room: 'Salle de réunion', sharedSpace: null });
    expect(inRoom.fetches).toEqual(counts(0, 1, 0));
  });

  it('a shared space with its coworking events and artworks on display costs each subgraph once, for 1 of each as for 81 and 60', async () => {
    const query = `query($slug: String!) { sharedSpace(slug: $slug) { name capacity
      coworkingEvents { title startsAt } artworksOnDisplay { title priceLabel artist { name } } } }`;
    const small = await measure('shared space, events and artworks (small room)', query, { slug: SMALL_ROOM.slug });
    const room = await measure('shared space, events and artworks (measuring room)', query, { slug: MEASURING_ROOM.slug });
    const shape = (m: Measured) => ({ events: m.body.data!.sharedSpace.coworkingEvents.length, artworks: m.body.data!.sharedSpace.artworksOnDisplay.length });
    expect(shape(small)).toEqual({ events: 1, artworks: 1 });
    expect(shape(room)).toEqual({ events: 81, artworks: 60 });
    // tenants: Query.sharedSpace; then coworking and gallery in parallel, each with the SharedSpace reference.
    expect(small.fetches).toEqual(counts(1, 1, 1));
    expect(room.fetches).toEqual(small.fetches);
    expect(room.sql).toEqual(small.sql);
  });
});

// The README's "Queries to paste", as tests/e2e/readme.e2e.test.ts reads them.
const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const pasteStart = readme.indexOf('## Queries to paste');
const pasteSection = readme.slice(pasteStart, readme.indexOf('\n## ', pasteStart + 5));
const [README_CALENDAR, README_KITCHEN, README_EXHIBITIONS] = [...pasteSection.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('subgraph fetches per client request (the README examples)', () => {
  it('has the three operations this file counts', () => {
    expect(README_CALENDAR).toMatch(/calendar\(from: \$from, to: \$to\)/);
    expect(README_KITCHEN).toMatch(/sharedSpace\(slug: "cuisine"\)/);
    expect(README_EXHIBITIONS).toMatch(/exhibitions\(status: CURRENT, first: 10\)/);
  });

  it(`the house calendar: tenants twice, coworking and gallery once, for a week as for ${LARGE_DAYS} days`, async () => {
    const en = { headers: { 'accept-language': 'en' } };
    const week = await measure('README calendar, 7 days', README_CALENDAR!, { from: FAR, to: addDays(FAR, 6) }, en);
    const threeWeeks = await measure(`README calendar, ${LARGE_DAYS} days`, README_CALENDAR!, { from: FAR, to: addDays(FAR, LARGE_DAYS - 1) }, en);
    expect(calendarItems(week.body).eventsInSharedSpaces).toBe(2);
    expect(size(threeWeeks.body)).toBeGreaterThan(20 * size(week.body));
    expect(week.fetches).toEqual(counts(2, 1, 1));
    expect(threeWeeks.fetches).toEqual(week.fetches);
    expect(threeWeeks.sql).toEqual(week.sql);
  });

  it('the kitchen with its bookings, events and artworks: each subgraph once, for a small space as for a full one', async () => {
    const week = { from: startOfLocalDay(today).toISOString(), to: startOfLocalDay(addDays(today, 7)).toISOString() };
    const year = { from: startOfLocalDay(today).toISOString(), to: startOfLocalDay(addDays(today, 366)).toISOString() };
    const asWritten = await measure('README kitchen, this week', README_KITCHEN!, week);
    const farWeek = { from: startOfLocalDay(FAR).toISOString(), to: startOfLocalDay(addDays(FAR, 7)).toISOString() };
    const small = await measure('README kitchen, small room', README_KITCHEN!.replace('slug: "cuisine"', `slug: "${SMALL_ROOM.slug}"`), farWeek);
    const room = await measure('README kitchen, measuring room, a year', README_KITCHEN!.replace('slug: "cuisine"', `slug: "${MEASURING_ROOM.slug}"`), year);
    const shape = (m: Measured) => {
      const s = m.body.data!.sharedSpace;
      return { bookings: s.bookings.length, events: s.coworkingEvents.length, artworks: s.artworksOnDisplay.length };
    };
    // The small room has one booking of its own; its event's hold joins it once the coworking
    // reconciler has held the fixture event (its boot round may retry after the fixtures load): the
    // answer shows what the ledger holds.
    const ledger: { kind: string }[] = await withClient(
      database('tenants'),
      async (db) =>
        (
          await db.query(`SELECT kind FROM space_booking WHERE space_id = $1 AND status = 'CONFIRMED' AND starts_at < $3 AND occupied_until > $2`, [
            SMALL_ROOM.id,
            farWeek.from,
            farWeek.to,
          ])
        ).rows,
    );
    expect(ledger.filter((r) => r.kind === 'BOOKING')).toHaveLength(1);
    expect(shape(small)).toEqual({ bookings: ledger.length, events: 1, artworks: 1 });
    // 251 fixtures, and the bookings the bookSharedSpace test made when it ran before.
    expect(shape(room)).toEqual({ bookings: expect.any(Number), events: 81, artworks: 60 });
    expect(shape(room).bookings).toBeGreaterThanOrEqual(251);
    expect(shape(asWritten).events).toBeGreaterThan(0);
    expect(asWritten.fetches).toEqual(counts(1, 1, 1));
    expect(small.fetches).toEqual(asWritten.fetches);
    expect(room.fetches).toEqual(asWritten.fetches);
    expect(small.sql).toEqual(asWritten.sql);
    expect(room.sql).toEqual(asWritten.sql);
  });

  it('the current exhibitions with their artists and artworks: one gallery fetch, for the first one as for the first ten', async () => {
    const one = await measure('README exhibitions, first 1', README_EXHIBITIONS!.replace('first: 10', 'first: 1'));
    const ten = await measure('README exhibitions, first 10', README_EXHIBITIONS!);
    expect(one.body.data!.exhibitions.edges).toHaveLength(1);
    expect(ten.body.data!.exhibitions.edges).toHaveLength(10);
    expect(ten.fetches).toEqual(counts(0, 0, 1));
    expect(one.fetches).toEqual(ten.fetches);
    expect(ten.sql).toEqual(one.sql);
  });
});
