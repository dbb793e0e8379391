import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, asTenant, useTestSubgraph } from '@maison/testing';
import { tenantsModule } from './module';

/**
 * The SQL a request costs does not grow with its answer: a shared space with 200 bookings, their
 * history and their space costs the same statements as one with 2 (issue 6, "a space with 2 vs 200
 * bookings"). A resolver that loads per booking (an N+1) makes the large count grow and fails here.
 */
const graph = useTestSubgraph(tenantsModule);

const small = { slug: 'petit-salon', id: stableId('shared-space', 'petit-salon'), bookings: 2 };
const large = { slug: 'grande-salle', id: stableId('shared-space', 'grande-salle'), bookings: 200 };
// A window of its own, far from the seed's bookings: January 2031, hourly bookings from the 2nd.
const window = { from: '2031-01-01T00:00:00Z', to: '2031-02-01T00:00:00Z' };

beforeAll(async () => {
  for (const space of [small, large]) {
    await graph.ds.query(
      `INSERT INTO shared_space (id, slug, name, capacity, opening_hours)
       VALUES ($1, $2, jsonb_build_object('fr', 'Salle ' || $2::text, 'en', 'Room ' || $2::text), 20,
         (SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opens', '00:00', 'closes', '24:00')) FROM generate_series(1, 7) d))`,
      [space.id, space.slug],
    );
    // Every third booking public, the others private; one in five rescheduled, so it has two history rows.
    await graph.ds.query(
      `INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at, occupied_until, visibility)
       SELECT md5($2::text || g::text)::uuid, $1, 'TENANT', $3, 'Acupuncture', 'tenant:acupuncture', 'Réservation ' || g,
              timestamptz '2031-01-02 00:00Z' + g * interval '2 hours', timestamptz '2031-01-02 01:00Z' + g * interval '2 hours',
              timestamptz '2031-01-02 01:00Z' + g * interval '2 hours',
              CASE WHEN g % 3 = 0 THEN 'PUBLIC'::booking_visibility ELSE 'PRIVATE'::booking_visibility END
       FROM generate_series(1, $4::int) g`,
      [space.id, space.slug, stableId('tenant', 'acupuncture'), space.bookings],
    );
    await graph.ds.query(
      `INSERT INTO space_booking_history (booking_id, action, actor, at, starts_at, ends_at, previous_starts_at, previous_ends_at)
       SELECT id, 'CREATED'::booking_action, created_by, starts_at - interval '30 days', starts_at - interval '1 hour', ends_at - interval '1 hour', NULL::timestamptz, NULL::timestamptz
       FROM space_booking WHERE space_id = $1
       UNION ALL
       SELECT id, 'RESCHEDULED'::booking_action, 'admin@test', starts_at - interval '20 days', starts_at, ends_at, starts_at - interval '1 hour', ends_at - interval '1 hour'
       FROM space_booking WHERE space_id = $1 AND extract(hour FROM starts_at AT TIME ZONE 'UTC')::int % 10 = 0`,
      [space.id],
    );
  }
});

interface Booking {
  id: string;
  title: string | null;
  holder: { name: string } | null;
  space: { name: string };
  history: { action: string; actor: string }[] | null;
}

const SPACE_WITH_BOOKINGS = `query($slug: String!, $from: DateTime!, $to: DateTime!) { sharedSpace(slug: $slug) {
  slug name
  bookings(from: $from, to: $to) { id title startsAt endsAt holder { name } space { slug name } history { action actor at previousStartsAt } }
} }`;

describe('a shared space with its bookings, their history and their space', () => {
  it('costs the same SQL statements with 200 bookings as with 2', async () => {
    const two = await graph.execute(SPACE_WITH_BOOKINGS, { slug: small.slug, ...window }, { identity: admin });
    const twoHundred = await graph.execute(SPACE_WITH_BOOKINGS, { slug: large.slug, ...window }, { identity: admin });
    expect(two.body.errors).toBeUndefined();
    expect(twoHundred.body.errors).toBeUndefined();

    const bookingsOf = (body: typeof two.body) => body.data!.sharedSpace.bookings as Booking[];
    expect(bookingsOf(two.body)).toHaveLength(2);
    expect(bookingsOf(twoHundred.body)).toHaveLength(200);
    // Every booking answered in full: its space, its holder and its history (one or two rows).
    for (const [space, body] of [
      [small, two.body],
      [large, twoHundred.body],
    ] as const) {
      for (const b of bookingsOf(body)) {
        expect(b.space.name).toBe(`Salle ${space.slug}`);
        expect(b.holder).toEqual({ name: 'Acupuncture' });
        expect(b.history!.length === 1 || b.history!.length === 2).toBe(true);
        expect(b.history![0]!.action).toBe('CREATED');
      }
    }
    const rescheduled = bookingsOf(twoHundred.body).filter((b) => b.history!.length === 2);
    expect(rescheduled.length).toBeGreaterThan(10);
    expect(rescheduled.every((b) => b.history![1]!.action === 'RESCHEDULED')).toBe(true);

    // The space by slug, its bookings of the window, their history: one statement each; their space is the one read by slug.
    expect(two.statements).toBe(3);
    expect(twoHundred.statements).toBe(two.statements);
  });

  it('costs the same statements for both spaces in one list as for one, and without the history an anonymous caller may not see', async () => {
    const query = `query($from: DateTime!, $to: DateTime!) { sharedSpaces {
      slug bookings(from: $from, to: $to) { id title space { name } history { action } } } }`;
    const asAdmin = await graph.execute(query, window, { identity: admin });
    expect(asAdmin.body.errors).toBeUndefined();
    const counts = Object.fromEntries(asAdmin.body.data!.sharedSpaces.map((s: { slug: string; bookings: Booking[] }) => [s.slug, s.bookings.length]));
    expect(counts).toEqual({ cuisine: 0, terrasse: 0, [small.slug]: 2, [large.slug]: 200 });
    // The spaces, the bookings of all four (one range), their spaces, their history.
    expect(asAdmin.statements).toBe(4);

    // Private bookings show no history to an anonymous caller: the history statement is not run at all.
    const asAnonymous = await graph.execute(query, window, { identity: anonymous });
    expect(asAnonymous.body.errors).toBeUndefined();
    const large200 = asAnonymous.body.data!.sharedSpaces.find((s: { slug: string }) => s.slug === large.slug).bookings as Booking[];
    expect(large200).toHaveLength(200);
    expect(large200.every((b) => b.history === null)).toBe(true);
    expect(large200.filter((b) => b.title !== null)).toHaveLength(66);
    expect(asAnonymous.statements).toBe(3);
  });

  it('resolves 2 or 200 booking references from the gateway with the same statements', async () => {
    const ids: { id: string }[] = await graph.ds.query('SELECT id FROM space_booking WHERE space_id = $1 ORDER BY starts_at', [large.id]);
    expect(ids).toHaveLength(200);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SpaceBooking { id title space { name } history { action } } } }`;
    const refs = (n: number) => ids.slice(0, n).map(({ id }) => ({ __typename: 'SpaceBooking', id }));
    const two = await graph.execute(query, { r: refs(2) }, { identity: admin });
    const twoHundred = await graph.execute(query, { r: refs(200) }, { identity: admin });
    expect(two.body.errors).toBeUndefined();
    expect(twoHundred.body.errors).toBeUndefined();
    expect(twoHundred.body.data!._entities).toHaveLength(200);
    expect(twoHundred.body.data!._entities.map((b: Booking) => b.id)).toEqual(ids.map(({ id }) => id));
    expect(twoHundred.body.data!._entities.every((b: Booking) => b.space.name === `Salle ${large.slug}` && b.history!.length >= 1)).toBe(true);
    // The bookings by id, their spaces, their history.
    expect(two.statements).toBe(3);
    expect(twoHundred.statements).toBe(two.statements);
  });
});

describe('availability of every space on several days', () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => addDays(todayInHouse(), 2 + 7 * i));
  const query = (dates: string[]) =>
    `{ sharedSpaces { slug ${dates.map((d, i) => `d${i}: availability(date: "${d}", durationMinutes: 60) { startsAt }`).join(' ')} } }`;

  it('costs a signed-in tenant two statements more than an anonymous caller: the tenant, and its booked minutes of every space and week at once', async () => {
    for (const n of [1, 3]) {
      const op = query(days(n));
      const asAnonymous = await graph.execute(op, {}, { identity: anonymous });
      const tenant = await graph.execute(op, {}, { identity: asTenant('acupuncture') });
      const asAdmin = await graph.execute(op, {}, { identity: admin });
      for (const answer of [asAnonymous, tenant, asAdmin]) expect(answer.body.errors).toBeUndefined();
      const kitchen = tenant.body.data!.sharedSpaces.find((s: { slug: string }) => s.slug === 'cuisine');
      expect(kitchen.d0.length).toBeGreaterThan(0);
      // The spaces, then the live bookings of each distinct day's window (all spaces at once).
      expect(asAnonymous.statements).toBe(1 + n);
      // ADMIN has no quota to read.
      expect(asAdmin.statements).toBe(asAnonymous.statements);
      // The tenant itself (it exists and is not archived: read once through the request's DataLoader, whatever the
      // spaces and days), then its minutes in each week of each space with a quota: one statement for all spaces and all n weeks.
      expect(tenant.statements).toBe(asAnonymous.statements + 2);
    }
  });
});

describe('one space by slug with its availability (the kitchen page)', () => {
  const query = `query($d: LocalDate!, $e: LocalDate!) { sharedSpace(slug: "cuisine") {
    name a: availability(date: $d, durationMinutes: 60) { startsAt endsAt } ...B } }
    fragment B on SharedSpace { b: availability(date: $e, durationMinutes: 60) { startsAt } }`;
  const vars = { d: addDays(todayInHouse(), 3), e: addDays(todayInHouse(), 10) };

  it('reads the space, the live bookings of every day asked and the caller’s tenant in one statement', async () => {
    const asAnonymous = await graph.execute(query, vars, { identity: anonymous });
    const asAdmin = await graph.execute(query, vars, { identity: admin });
    const tenant = await graph.execute(query, vars, { identity: asTenant('acupuncture') });
    const unknownTenant = await graph.execute(query, vars, { identity: { ...asTenant('acupuncture'), tenantId: stableId('tenant', 'nobody') } });
    for (const answer of [asAnonymous, asAdmin, tenant, unknownTenant]) expect(answer.body.errors).toBeUndefined();
    expect(asAnonymous.body.data!.sharedSpace.a.length).toBeGreaterThan(0);
    expect(tenant.body.data!.sharedSpace.b.length).toBeGreaterThan(0);
    // The same slots as the list of spaces gives, read through the request's loaders without look-ahead.
    for (const identity of [anonymous, admin, asTenant('acupuncture')]) {
      const listed = await graph.execute(
        `query($d: LocalDate!) { sharedSpaces { slug a: availability(date: $d, durationMinutes: 60) { startsAt endsAt } } }`,
        { d: vars.d },
        { identity },
      );
      const page = await graph.execute(query, vars, { identity });
      expect(page.body.data!.sharedSpace.a).toEqual(listed.body.data!.sharedSpaces.find((s: { slug: string }) => s.slug === 'cuisine').a);
    }
    // A tenant the house does not know books nothing: no slot, and no quota to read.
    expect(unknownTenant.body.data!.sharedSpace).toEqual({ name: 'Cuisine partagée', a: [], b: [] });
    expect(asAnonymous.statements).toBe(1);
    expect(asAdmin.statements).toBe(1);
    expect(unknownTenant.statements).toBe(1);
    // The tenant's booked minutes in the quota weeks of both days: one statement more, once the tenant is known.
    expect(tenant.statements).toBe(2);
  });
});

describe('the calendar with the spaces of its bookings', () => {
  it('reads the bookings of every day and their spaces in one statement', async () => {
    const op = `query($f: LocalDate!, $t: LocalDate!) { calendar(from: $f, to: $t) { date spaceBookings { id title space { name } } } }`;
    const { body, statements } = await graph.execute(op, { f: '2031-01-01', t: '2031-01-31' }, { identity: admin });
    expect(body.errors).toBeUndefined();
    const names = new Set(body.data!.calendar.flatMap((d: { spaceBookings: Booking[] }) => d.spaceBookings.map((b) => b.space.name)));
    expect(names).toEqual(new Set([`Salle ${small.slug}`, `Salle ${large.slug}`]));
    expect(statements).toBe(1);
  });
});
