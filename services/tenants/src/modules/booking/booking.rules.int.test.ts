import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { houseInstant, stableId, toHouseIso } from '@maison/house';
import { admin, anonymous, asArtist, asMember, startTestSubgraph, type TestSubgraphOf, withClient } from '@maison/testing';
import { tenantsModule } from '../../module';
import { allWeek, createSpace, futureHour, minutes, someTenant, startGalleryStub, startMembershipStub } from '../../test-fixtures';

/**
 * Every rule of the ledger through GraphQL, on real PostgreSQL. The coworking subgraph is played by
 * a small HTTP peer that checks the tenants subgraph's signature like the real one does.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
/** Coworking, played by a signed peer that knows the members of the two sets below. */
let coworking: Awaited<ReturnType<typeof startMembershipStub>>;
/** The gallery, played by a signed peer that knows the artist the tests book as. */
let gallery: Awaited<ReturnType<typeof startGalleryStub>>;
const activeMembers = new Set<string>();
/** Members the coworking peer does not know: their entity is null, as the real Member reference answers. */
const unknownMembers = new Set<string>();

beforeAll(async () => {
  coworking = await startMembershipStub(activeMembers, unknownMembers);
  gallery = await startGalleryStub(new Set([stableId('artist', 'potier')]));
  graph = await startTestSubgraph(tenantsModule, { env: { COWORKING_URL: coworking.url, GALLERY_URL: gallery.url } });
});
afterAll(async () => {
  await graph?.close();
  coworking?.close();
  gallery?.close();
});

const BOOK = `mutation($input: BookSharedSpaceInput!) {
  bookSharedSpace(input: $input) { booking { id title startsAt endsAt kind history { action actor } } userErrors { code message field } }
}`;
const book = async (identity: Identity, input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => {
  const { body } = await graph.execute(BOOK, { input }, { identity, lang });
  return body;
};
const codesOf = async (identity: Identity, input: Record<string, unknown>) => {
  const body = await book(identity, input);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.bookSharedSpace.userErrors.map((e: { code: string }) => e.code);
};
const slot = (spaceId: string, startsAt: Date, durationMinutes = 60, extra: Record<string, unknown> = {}) => ({
  spaceId,
  startsAt,
  endsAt: minutes(startsAt, durationMinutes),
  title: 'Essai',
  ...extra,
});

/**
 * A quarter-hour slot at `first`, or half an hour later when `first`'s would run over house
 * midnight: a space open 00:00–24:00 has each day's hours apart, so a slot over midnight is outside
 * them, whatever the rule under test. Of two such slots half an hour apart, one stays in one day.
 */
const oneDaySlot = (spaceId: string, first: Date) => {
  const day = (t: Date) => toHouseIso(t).slice(0, 10);
  const fits = (s: Date) => day(s) === day(new Date(minutes(s, 15).getTime() - 1));
  return slot(spaceId, fits(first) ? first : minutes(first, 30), 15);
};

describe('the database keeps the no-overlap rule by itself', () => {
  it('refuses an overlapping live row written straight in SQL, and ignores cancelled ones', async () => {
    const spaceId = await createSpace(graph.ds);
    const insert = (status: string, from: string, to: string) =>
      withClient(graph.databaseUrl, (c) =>
        c.query(
          `INSERT INTO space_booking (id, space_id, holder_kind, holder_name, created_by, title, starts_at, ends_at, occupied_until, status, cancelled_at)
           VALUES ($1, $2, 'HOUSE', 'x', 'sql', 'x', $3, $4, $4, $5::booking_status, CASE WHEN $5::text = 'CANCELLED' THEN now() END)`,
          [randomUUID(), spaceId, from, to, status],
        ),
      );
    await insert('CONFIRMED', '2030-01-07T10:00:00Z', '2030-01-07T11:00:00Z');
    await expect(insert('CONFIRMED', '2030-01-07T10:30:00Z', '2030-01-07T11:30:00Z')).rejects.toMatchObject({
      code: '23P01',
      constraint: 'space_booking_no_overlap',
    });
    await insert('CANCELLED', '2030-01-07T10:30:00Z', '2030-01-07T11:30:00Z');
    await insert('CONFIRMED', '2030-01-07T11:00:00Z', '2030-01-07T12:00:00Z');
  });
});

describe('bookSharedSpace rules through GraphQL', () => {
  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const spaceId = await createSpace(graph.ds);
    const body = await book(anonymous, slot(spaceId, futureHour(2, 10)));
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeNull();
  });

  it('answers in the language of the caller', async () => {
    const spaceId = await createSpace(graph.ds, { capacity: 20 });
    const input = slot(spaceId, futureHour(2, 10), 60, { attendees: 21 });
    expect((await book(await someTenant(graph.ds), input, 'fr')).data!.bookSharedSpace.userErrors).toEqual([
      { code: 'OVER_CAPACITY', message: 'Cet espace accueille au plus 20 personnes.', field: ['input', 'attendees'] },
    ]);
    expect((await book(await someTenant(graph.ds), input, 'en')).data!.bookSharedSpace.userErrors).toEqual([
      { code: 'OVER_CAPACITY', message: 'This space holds at most 20 people.', field: ['input', 'attendees'] },
    ]);
    expect(await codesOf(await someTenant(graph.ds), { ...input, attendees: 20 })).toEqual([]);
  });

  it('checks time rules against now: IN_THE_PAST, TOO_LATE, TOO_FAR_AHEAD', async () => {
    const spaceId = await createSpace(graph.ds, { minNoticeMinutes: 120, horizonDays: 10, slotStepMinutes: 5 });
    const now = Date.now();
    const at = (offsetMinutes: number) => new Date(Math.ceil((now + offsetMinutes * 60_000) / 60_000) * 60_000);
    // Each start and the one half an hour after it break (or keep) the same rule.
    expect(await codesOf(await someTenant(graph.ds), oneDaySlot(spaceId, at(-60)))).toEqual(['IN_THE_PAST']);
    expect(await codesOf(await someTenant(graph.ds), oneDaySlot(spaceId, at(60)))).toEqual(['TOO_LATE']);
    expect(await codesOf(await someTenant(graph.ds), oneDaySlot(spaceId, at(125)))).toEqual([]);
    expect(await codesOf(await someTenant(graph.ds), oneDaySlot(spaceId, at(10 * 1440 - 40)))).toEqual([]);
    expect(await codesOf(await someTenant(graph.ds), oneDaySlot(spaceId, at(10 * 1440 + 5)))).toEqual(['TOO_FAR_AHEAD']);
  });

  it('checks hours, season and durations stored on the space', async () => {
    const spaceId = await createSpace(graph.ds, {
      openingHours: allWeek('09:00', '17:00'),
      season: ['05-01', '10-31'],
      minDurationMinutes: 60,
      maxDurationMinutes: 120,
    });
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-05-03', '08:00')))).toEqual(['OUTSIDE_OPENING_HOURS']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-05-03', '16:00')))).toEqual([]);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-04-30', '10:00')))).toEqual(['OUT_OF_SEASON']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-05-04', '10:00'), 59))).toEqual(['TOO_SHORT']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-05-04', '12:00'), 121))).toEqual(['TOO_LONG']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-05-04', '12:00'), 0))).toEqual(['INVALID_RANGE']);
  });

  it('validates free-form input: INVALID_INPUT and NOT_FOUND', async () => {
    const spaceId = await createSpace(graph.ds);
    const start = futureHour(3, 10);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, start, 60, { title: '   ' }))).toEqual(['INVALID_INPUT']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, start, 60, { title: 'x'.repeat(201) }))).toEqual(['INVALID_INPUT']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, start, 60, { title: 'a\u0007b' }))).toEqual(['INVALID_INPUT']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, start, 60, { attendees: 0 }))).toEqual(['INVALID_INPUT']);
    expect(await codesOf(await someTenant(graph.ds), slot(randomUUID(), start))).toEqual(['NOT_FOUND']);
    expect(await codesOf(await someTenant(graph.ds), slot("1' OR '1'='1", start))).toEqual(['NOT_FOUND']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, start, 60, { title: `Dîner d’équipe 🍲 ${'é'.repeat(150)}` }))).toEqual([]);
  });

  it('refuses half of a surrogate pair in a title or an idempotency key, with the code and message coworking and the gallery use', async () => {
    const spaceId = await createSpace(graph.ds);
    const input = slot(spaceId, futureHour(3, 10), 60, { title: 'Dîner \uD800' });
    expect((await book(await someTenant(graph.ds), input, 'fr')).data!.bookSharedSpace).toEqual({
      booking: null,
      userErrors: [{ code: 'INVALID_INPUT', message: 'La valeur de « title » est invalide : caractères invalides.', field: ['input', 'title'] }],
    });
    expect((await book(await someTenant(graph.ds), input, 'en')).data!.bookSharedSpace.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "title" is invalid: invalid characters.', field: ['input', 'title'] },
    ]);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, futureHour(3, 10), 60, { idempotencyKey: 'clé-\uDC00' }))).toEqual(['INVALID_INPUT']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, futureHour(3, 10), 60, { title: 'Dîner 🍲' }))).toEqual([]);
  });

  it('counts a weekly quota per holder and week; ADMIN is not limited', async () => {
    const spaceId = await createSpace(graph.ds, { weeklyQuotaMinutes: 120 });
    const holder = await someTenant(graph.ds);
    const monday = houseInstant('2027-01-11', '09:00');
    expect(await codesOf(holder, slot(spaceId, monday, 60))).toEqual([]);
    expect(await codesOf(holder, slot(spaceId, minutes(monday, 1440), 60))).toEqual([]);
    expect(await codesOf(holder, slot(spaceId, minutes(monday, 2 * 1440), 15))).toEqual(['QUOTA_EXCEEDED']);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, minutes(monday, 2 * 1440), 15))).toEqual([]);
    expect(await codesOf(holder, slot(spaceId, houseInstant('2027-01-18', '09:00'), 120))).toEqual([]);
    expect(await codesOf(admin, slot(spaceId, minutes(monday, 3 * 1440), 600, { holderKind: 'TENANT', holderId: holder.tenantId }))).toEqual([]);
  });

  it('lets only eligible roles book: NOT_ELIGIBLE, and members need an active membership', async () => {
    const tenantsOnly = await createSpace(graph.ds, { eligibleRoles: ['TENANT'] });
    const everyone = await createSpace(graph.ds);
    const start = futureHour(4, 10);
    expect(await codesOf(asArtist('potier'), slot(tenantsOnly, start))).toEqual(['NOT_ELIGIBLE']);
    expect(await codesOf(await someTenant(graph.ds), slot(tenantsOnly, start))).toEqual([]);
    expect(await codesOf(asArtist('potier'), slot(everyone, start))).toEqual([]);

    const member = asMember('camille');
    expect(await codesOf(member, slot(everyone, minutes(start, 120)))).toEqual(['NOT_ELIGIBLE']);
    activeMembers.add(member.memberId!);
    expect(await codesOf(member, slot(everyone, minutes(start, 120)))).toEqual([]);
    expect(coworking.calls).toContain('service:tenants');

    // A caller may not book for somebody else; ADMIN may.
    const other = await someTenant(graph.ds);
    expect(await codesOf(await someTenant(graph.ds), slot(everyone, minutes(start, 240), 60, { holderKind: 'TENANT', holderId: other.tenantId }))).toEqual([
      'NOT_ELIGIBLE',
    ]);
    expect(await codesOf(admin, slot(everyone, minutes(start, 240), 60, { holderKind: 'TENANT', holderId: other.tenantId }))).toEqual([]);
  });

  it('answers UNKNOWN_HOLDER, not NOT_ELIGIBLE, to a member coworking does not know, in French and in English', async () => {
    const everyone = await createSpace(graph.ds);
    const start = futureHour(5, 10);
    const ghost = asMember(`inconnu-${randomUUID()}`);
    unknownMembers.add(ghost.memberId!);
    expect((await book(ghost, slot(everyone, start))).data!.bookSharedSpace).toEqual({
      booking: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.', field: null }],
    });
    expect((await book(ghost, slot(everyone, start), 'en')).data!.bookSharedSpace.userErrors).toEqual([
      { code: 'UNKNOWN_HOLDER', message: 'The tenant, member or artist named by your token does not exist or is archived.', field: null },
    ]);
    const [{ n }] = await graph.ds.query('SELECT count(*)::int AS n FROM space_booking WHERE space_id = $1', [everyone]);
    expect(n).toBe(0);
    // A member coworking knows, with no active membership, is still NOT_ELIGIBLE.
    expect(await codesOf(asMember(`sans-carte-${randomUUID()}`), slot(everyone, start))).toEqual(['NOT_ELIGIBLE']);
  });
});

describe('moving, cancelling and tracing bookings', () => {
  const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleSpaceBooking(id: $id, startsAt: $s, endsAt: $e) {
    booking { id startsAt } userErrors { code } } }`;
  const CANCEL = `mutation($id: ID!) { cancelSpaceBooking(id: $id) { booking { status } userErrors { code } } }`;
  const HISTORY = `query($id: ID!) { spaceBooking(id: $id) { title history { action actor startsAt previousStartsAt } } }`;

  it('lets only the holder or ADMIN move or cancel, keeps every rule, and records who did what', async () => {
    const spaceId = await createSpace(graph.ds, { cancellationCutoffMinutes: 60 });
    const holder = await someTenant(graph.ds);
    const intruder = await someTenant(graph.ds);
    const start = futureHour(5, 10);
    const created = (await book(holder, slot(spaceId, start))).data!.bookSharedSpace.booking;
    const taken = (await book(await someTenant(graph.ds), slot(spaceId, minutes(start, 180)))).data!.bookSharedSpace.booking;

    const move = (identity: Identity, s: Date, id = created.id) => graph.execute(RESCHEDULE, { id, s, e: minutes(s, 60) }, { identity });
    expect((await move(intruder, minutes(start, 60))).body.data!.rescheduleSpaceBooking).toEqual({ booking: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect((await move(holder, minutes(start, 150))).body.data!.rescheduleSpaceBooking).toEqual({ booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE' }] });
    expect((await move(holder, minutes(start, 60))).body.data!.rescheduleSpaceBooking.booking.startsAt).toBe(toHouseIso(minutes(start, 60)));

    expect((await graph.execute(HISTORY, { id: created.id }, { identity: intruder })).body.data).toEqual({ spaceBooking: null });
    expect((await graph.execute(CANCEL, { id: created.id }, { identity: intruder })).body.data!.cancelSpaceBooking.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    expect((await graph.execute(CANCEL, { id: created.id }, { identity: holder })).body.data!.cancelSpaceBooking).toEqual({
      booking: { status: 'CANCELLED' },
      userErrors: [],
    });
    expect((await graph.execute(CANCEL, { id: created.id }, { identity: holder })).body.data!.cancelSpaceBooking.userErrors).toEqual([
      { code: 'ALREADY_CANCELLED' },
    ]);
    expect((await graph.execute(CANCEL, { id: taken.id }, { identity: admin })).body.data!.cancelSpaceBooking.userErrors).toEqual([]);

    const history = (await graph.execute(HISTORY, { id: created.id }, { identity: holder })).body.data!.spaceBooking.history;
    expect(history).toEqual([
      { action: 'CREATED', actor: holder.sub, startsAt: toHouseIso(start), previousStartsAt: null },
      { action: 'RESCHEDULED', actor: holder.sub, startsAt: toHouseIso(minutes(start, 60)), previousStartsAt: toHouseIso(start) },
      { action: 'CANCELLED', actor: holder.sub, startsAt: toHouseIso(minutes(start, 60)), previousStartsAt: null },
    ]);
  });

  it('refuses a late cancellation by the holder (TOO_LATE) but not by ADMIN', async () => {
    const spaceId = await createSpace(graph.ds, { cancellationCutoffMinutes: 24 * 60 });
    const holder = await someTenant(graph.ds);
    const wholeMinute = (offsetMinutes: number) => new Date(Math.ceil((Date.now() + offsetMinutes * 60_000) / 60_000) * 60_000);
    // 23 h 20 (or 23 h 50) before it starts: inside the 24-hour cut-off. 26 h (or 26 h 30) before: outside it.
    const soon = (await book(holder, oneDaySlot(spaceId, wholeMinute(23 * 60 + 20)))).data!.bookSharedSpace.booking;
    const later = (await book(holder, oneDaySlot(spaceId, wholeMinute(26 * 60)))).data!.bookSharedSpace.booking;
    const cancel = (identity: Identity, id: string) => graph.execute(CANCEL, { id }, { identity }).then((r) => r.body.data!.cancelSpaceBooking.userErrors);
    expect(await cancel(holder, soon.id)).toEqual([{ code: 'TOO_LATE' }]);
    expect(await cancel(holder, later.id)).toEqual([]);
    expect(await cancel(admin, soon.id)).toEqual([]);
  });

  it('lets ADMIN close a space, which blocks it like a booking; others may not', async () => {
    const spaceId = await createSpace(graph.ds);
    const CLOSE = `mutation($input: CloseSharedSpaceInput!) { closeSharedSpace(input: $input) { booking { kind title } userErrors { code } } }`;
    const day = houseInstant('2027-02-01', '00:00');
    const input = { spaceId, startsAt: day, endsAt: minutes(day, 1440), reason: 'Entretien annuel' };
    expect((await graph.execute(CLOSE, { input }, { identity: await someTenant(graph.ds) })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graph.execute(CLOSE, { input }, { identity: admin })).body.data).toEqual({
      closeSharedSpace: { booking: { kind: 'CLOSURE', title: 'Entretien annuel' }, userErrors: [] },
    });
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-02-01', '12:00')))).toEqual(['SLOT_UNAVAILABLE']);
    const { body } = await graph.execute(
      `query($id: ID!) { _entities(representations: [{ __typename: "SharedSpace", id: $id }]) { ... on SharedSpace {
        closed: availability(date: "2027-02-01", durationMinutes: 60) { startsAt } open: availability(date: "2027-02-02", durationMinutes: 60) { startsAt } } } }`,
      { id: spaceId },
    );
    expect(body.data!._entities[0].closed).toEqual([]);
    expect(body.data!._entities[0].open).toHaveLength(47);
  });
});

describe('availability and weekly series through GraphQL', () => {
  const AVAILABILITY = `query($id: ID!, $date: LocalDate!, $d: Int!) { _entities(representations: [{ __typename: "SharedSpace", id: $id }]) {
    ... on SharedSpace { availability(date: $date, durationMinutes: $d) { startsAt endsAt } } } }`;

  it('lists 23 hourly slots on the March change day, 25 in November and 24 otherwise', async () => {
    const spaceId = await createSpace(graph.ds, { slotStepMinutes: 60 });
    const slots = async (date: string) => (await graph.execute(AVAILABILITY, { id: spaceId, date, d: 60 })).body.data!._entities[0].availability;
    expect(await slots('2027-03-14')).toHaveLength(23);
    expect((await slots('2027-03-14'))[2]).toEqual({ startsAt: '2027-03-14T03:00:00-04:00', endsAt: '2027-03-14T04:00:00-04:00' });
    expect(await slots('2027-11-07')).toHaveLength(25);
    expect((await slots('2027-11-07')).slice(1, 3)).toEqual([
      { startsAt: '2027-11-07T01:00:00-04:00', endsAt: '2027-11-07T01:00:00-05:00' },
      { startsAt: '2027-11-07T01:00:00-05:00', endsAt: '2027-11-07T02:00:00-05:00' },
    ]);
    expect(await slots('2027-06-15')).toHaveLength(24);
    const bad = await graph.execute(AVAILABILITY, { id: spaceId, date: '2027-06-15', d: 0 });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('books a weekly series across the November change at 11:30 local, skipping the colliding week', async () => {
    const spaceId = await createSpace(graph.ds);
    const holder = await someTenant(graph.ds);
    expect(await codesOf(await someTenant(graph.ds), slot(spaceId, houseInstant('2027-11-09', '12:00')))).toEqual([]);
    const SERIES = `mutation($input: BookSharedSpaceSeriesInput!) { bookSharedSpaceSeries(input: $input) {
      seriesId userErrors { code } occurrences { startsAt booking { startsAt endsAt } userErrors { code } } } }`;
    const { body } = await graph.execute(
      SERIES,
      {
        input: { spaceId, startsAt: houseInstant('2027-10-26', '11:30'), endsAt: houseInstant('2027-10-26', '13:30'), occurrences: 4, title: 'Dîner du mardi' },
      },
      { identity: holder },
    );
    const result = body.data!.bookSharedSpaceSeries;
    expect(result.userErrors).toEqual([]);
    expect(result.occurrences).toEqual([
      { startsAt: '2027-10-26T11:30:00-04:00', booking: { startsAt: '2027-10-26T11:30:00-04:00', endsAt: '2027-10-26T13:30:00-04:00' }, userErrors: [] },
      { startsAt: '2027-11-02T11:30:00-04:00', booking: { startsAt: '2027-11-02T11:30:00-04:00', endsAt: '2027-11-02T13:30:00-04:00' }, userErrors: [] },
      { startsAt: '2027-11-09T11:30:00-05:00', booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE' }] },
      { startsAt: '2027-11-16T11:30:00-05:00', booking: { startsAt: '2027-11-16T11:30:00-05:00', endsAt: '2027-11-16T13:30:00-05:00' }, userErrors: [] },
    ]);
    const CANCEL_REST = `mutation($id: ID!, $from: DateTime) { cancelSpaceBookingSeries(seriesId: $id, from: $from) { cancelled { startsAt } userErrors { code } } }`;
    expect(
      (await graph.execute(CANCEL_REST, { id: result.seriesId, from: '2027-11-01T00:00:00-04:00' }, { identity: await someTenant(graph.ds) })).body.data!
        .cancelSpaceBookingSeries,
    ).toEqual({
      cancelled: [],
      userErrors: [{ code: 'NOT_FOUND' }],
    });
    expect(
      (await graph.execute(CANCEL_REST, { id: result.seriesId, from: '2027-11-01T00:00:00-04:00' }, { identity: holder })).body.data!.cancelSpaceBookingSeries,
    ).toEqual({
      cancelled: [{ startsAt: '2027-11-02T11:30:00-04:00' }, { startsAt: '2027-11-16T11:30:00-05:00' }],
      userErrors: [],
    });
    const MINE = `query($f: DateTime!, $t: DateTime!) { myBookings(from: $f, to: $t) { startsAt status seriesId } }`;
    const mine = (await graph.execute(MINE, { f: '2027-10-01T00:00:00Z', t: '2027-12-01T00:00:00Z' }, { identity: holder })).body.data!.myBookings;
    expect(mine.map((b: { status: string }) => b.status)).toEqual(['CONFIRMED', 'CANCELLED', 'CANCELLED']);
  });

  it('shows public bookings in the calendar for everyone, private ones only to their holder', async () => {
    const kitchen = (await graph.ds.query(`SELECT id FROM shared_space WHERE slug = 'cuisine'`))[0].id;
    const holder = await someTenant(graph.ds);
    const start = futureHour(10, 11);
    const day = toHouseIso(start).slice(0, 10);
    expect(await codesOf(holder, slot(kitchen, start, 60, { title: 'Repas ouvert', visibility: 'PUBLIC' }))).toEqual([]);
    expect(await codesOf(holder, slot(kitchen, minutes(start, 180), 60, { title: 'Réunion privée' }))).toEqual([]);
    const CAL = `query($d: LocalDate!) { calendar(from: $d, to: $d) { spaceBookings { title } } }`;
    const titles = async (identity: Identity) =>
      (await graph.execute(CAL, { d: day }, { identity })).body.data!.calendar[0].spaceBookings.map((b: { title: string }) => b.title);
    expect(await titles(anonymous)).toEqual(['Repas ouvert']);
    expect(await titles(await someTenant(graph.ds))).toEqual(['Repas ouvert']);
    expect(await titles(holder)).toEqual(['Repas ouvert', 'Réunion privée']);
  });
});
