import type { Identity } from '@maison/auth';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, Fuzz, startTestSubgraph, type TestSubgraphOf, unexpectedErrors } from '@maison/testing';
import { tenantsModule } from './module';
import { allWeek, createSpace, startGalleryStub } from './test-fixtures';

/**
 * 2,000 generated inputs to every mutation of the tenants subgraph. No answer may be an internal
 * error, and afterwards the ledger holds exactly what the accepted calls wrote: a model is kept
 * from the answers alone and compared with every row at the end.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
/** The gallery, played by a signed peer that knows the artist of the identities below: its bookings are fuzzed too. */
let gallery: Awaited<ReturnType<typeof startGalleryStub>>;
const RUNS = 2000;
const BATCH = 25;

interface Row {
  status: string;
  startsAt: string;
  endsAt: string;
}
const model = new Map<string, Row>();
let accepted = 0;

beforeAll(async () => {
  gallery = await startGalleryStub(new Set([stableId('artist', 'potier')]));
  graph = await startTestSubgraph(tenantsModule, { env: { DB_POOL_SIZE: '30', GALLERY_URL: gallery.url } });
  for (const r of await graph.ds.query('SELECT id, status, starts_at, ends_at FROM space_booking')) {
    model.set(r.id, { status: r.status, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString() });
  }
}, 60_000);
afterAll(async () => {
  await graph?.close();
  gallery?.close();
});

const identities: Identity[] = [
  asTenant('acupuncture'),
  asTenant('graphisme'),
  asTenant('espace-ko'),
  asMember('camille'),
  asArtist('potier'),
  anonymous,
  admin,
  { sub: 'service:coworking', roles: ['ADMIN'] },
];
const BOOKING = 'booking { id status startsAt endsAt } userErrors { code message field }';

function remember(booking: { id: string; status: string; startsAt: string; endsAt: string } | null | undefined): void {
  if (!booking) return;
  accepted += 1;
  model.set(booking.id, { status: booking.status, startsAt: new Date(booking.startsAt).toISOString(), endsAt: new Date(booking.endsAt).toISOString() });
}

async function fuzzMutation(
  seed: number,
  build: (f: Fuzz) => { query: string; variables: Record<string, unknown>; identity: Identity },
  collect: (data: any) => void,
): Promise<void> {
  const f = new Fuzz(seed);
  const failures: string[] = [];
  for (let i = 0; i < RUNS; i += BATCH) {
    const calls = Array.from({ length: Math.min(BATCH, RUNS - i) }, () => build(f));
    const results = await Promise.all(calls.map((c) => graph.execute(c.query, c.variables, { identity: c.identity })));
    results.forEach(({ body }, k) => {
      const unexpected = unexpectedErrors(body);
      if (unexpected.length > 0) failures.push(`${JSON.stringify(calls[k]!.variables).slice(0, 300)} → ${unexpected.join('; ')}`);
      if (body.data) collect(body.data);
    });
  }
  expect(failures.slice(0, 5)).toEqual([]);
}

describe('fuzzing every mutation of the tenants subgraph', () => {
  // Generated times center on tomorrow 09:00 in the house, so how many calls pass the opening-hours and
  // notice rules does not depend on the hour the suite runs.
  const now = houseInstant(addDays(todayInHouse(), 1), '09:00');
  let spaces: string[] = [];
  const bookingIds = () => [...model.keys()];

  beforeAll(async () => {
    spaces = [
      ...(await graph.ds.query('SELECT id FROM shared_space')).map((r: { id: string }) => r.id),
      await createSpace(graph.ds, { openingHours: allWeek('08:00', '20:00'), bufferMinutes: 15, weeklyQuotaMinutes: 600, minNoticeMinutes: 30 }),
    ];
  });

  it('bookSharedSpace', async () => {
    await fuzzMutation(
      1,
      (f) => {
        const startsAt = f.dateTime(now);
        return {
          query: `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { ${BOOKING} } }`,
          variables: {
            input: {
              spaceId: f.id(spaces),
              startsAt,
              endsAt:
                f.chance(0.8) && !Number.isNaN(Date.parse(startsAt))
                  ? new Date(Date.parse(startsAt) + f.pick([-30, 0, 15, 60, 90, 600, 10_000]) * 60_000).toISOString()
                  : f.dateTime(now),
              title: f.string(),
              attendees: f.maybe(() => f.number(() => f.int(1, 12))),
              idempotencyKey: f.maybe(() => f.pick(['k1', 'k2', f.string(() => `key-${f.int(1, 50)}`)]), 0.6),
              visibility: f.maybe(() => f.pick(['PUBLIC', 'PRIVATE'])),
              holderKind: f.maybe(() => f.pick(['TENANT', 'MEMBER', 'ARTIST', 'HOUSE', 'NOBODY']), 0.7),
              holderId: f.maybe(() => f.id(spaces), 0.8),
            },
          },
          identity: f.pick(identities),
        };
      },
      (data) => remember(data.bookSharedSpace?.booking),
    );
  });

  it('rescheduleSpaceBooking', async () => {
    await fuzzMutation(
      2,
      (f) => {
        const startsAt = f.dateTime(now);
        return {
          query: `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleSpaceBooking(id: $id, startsAt: $s, endsAt: $e) { ${BOOKING} } }`,
          variables: {
            id: f.id(bookingIds()),
            s: startsAt,
            e: Number.isNaN(Date.parse(startsAt)) ? f.dateTime(now) : new Date(Date.parse(startsAt) + f.pick([-15, 30, 60, 120]) * 60_000).toISOString(),
          },
          identity: f.pick(identities),
        };
      },
      (data) => remember(data.rescheduleSpaceBooking?.booking),
    );
  });

  it('bookSharedSpaceSeries and cancelSpaceBookingSeries', async () => {
    const seriesIds: string[] = [];
    await fuzzMutation(
      3,
      (f) => {
        const startsAt = f.dateTime(now);
        return {
          query: `mutation($input: BookSharedSpaceSeriesInput!) { bookSharedSpaceSeries(input: $input) { seriesId userErrors { code } occurrences { booking { id status startsAt endsAt } userErrors { code } } } }`,
          variables: {
            input: {
              spaceId: f.id(spaces),
              startsAt,
              endsAt: Number.isNaN(Date.parse(startsAt)) ? f.dateTime(now) : new Date(Date.parse(startsAt) + f.pick([-60, 30, 60, 120]) * 60_000).toISOString(),
              occurrences: f.maybe(() => f.number(() => f.int(1, 3)), 0.3),
              until: f.maybe(() => f.localDate(todayInHouse()), 0.7),
              title: f.string(),
            },
          },
          identity: f.pick(identities),
        };
      },
      (data) => {
        const result = data.bookSharedSpaceSeries;
        if (result?.seriesId) seriesIds.push(result.seriesId);
        for (const o of result?.occurrences ?? []) remember(o.booking);
      },
    );
    await fuzzMutation(
      4,
      (f) => ({
        query: `mutation($id: ID!, $from: DateTime) { cancelSpaceBookingSeries(seriesId: $id, from: $from) { cancelled { id status startsAt endsAt } userErrors { code } } }`,
        variables: { id: f.id(seriesIds.length ? seriesIds : ['00000000-0000-0000-0000-000000000000']), from: f.maybe(() => f.dateTime(now)) },
        identity: f.pick(identities),
      }),
      (data) => data.cancelSpaceBookingSeries?.cancelled.forEach(remember),
    );
  });

  it('closeSharedSpace, holdSharedSpace, moveSpaceHold, releaseSpaceHold', async () => {
    const references = Array.from({ length: 40 }, (_, i) => `coworking-event:fuzz-${i}`);
    await fuzzMutation(
      5,
      (f) => {
        const startsAt = f.dateTime(now);
        const endsAt = Number.isNaN(Date.parse(startsAt)) ? f.dateTime(now) : new Date(Date.parse(startsAt) + f.pick([-60, 60, 180]) * 60_000).toISOString();
        const reference = f.pick([...references, f.string(() => 'vernissage:x'), "x'; --"]);
        const identity = f.pick(identities);
        return f.pick([
          {
            query: `mutation($i: CloseSharedSpaceInput!) { closeSharedSpace(input: $i) { ${BOOKING} } }`,
            variables: { i: { spaceId: f.id(spaces), startsAt, endsAt, reason: f.string() } },
            identity,
          },
          {
            query: `mutation($i: HoldSharedSpaceInput!) { holdSharedSpace(input: $i) { ${BOOKING} } }`,
            variables: { i: { spaceId: f.id(spaces), startsAt, endsAt, title: f.string(), reference } },
            identity,
          },
          {
            query: `mutation($r: String!, $s: ID!, $a: DateTime!, $b: DateTime!, $t: String!) { moveSpaceHold(reference: $r, spaceId: $s, startsAt: $a, endsAt: $b, title: $t) { ${BOOKING} } }`,
            variables: { r: reference, s: f.id(spaces), a: startsAt, b: endsAt, t: f.string() },
            identity,
          },
          { query: `mutation($r: String!) { releaseSpaceHold(reference: $r) { ${BOOKING} } }`, variables: { r: reference }, identity },
        ]);
      },
      (data) => remember((Object.values(data)[0] as { booking?: Parameters<typeof remember>[0] } | null | undefined)?.booking),
    );
  });

  it('cancelSpaceBooking', async () => {
    await fuzzMutation(
      6,
      (f) => ({
        query: `mutation($id: ID!) { cancelSpaceBooking(id: $id) { ${BOOKING} } }`,
        variables: { id: f.id(bookingIds()) },
        identity: f.pick(identities),
      }),
      (data) => remember(data.cancelSpaceBooking?.booking),
    );
  });

  it('leaves exactly what the accepted calls wrote, and never two live bookings over each other', async () => {
    const rows: { id: string; status: string; starts_at: Date; ends_at: Date }[] = await graph.ds.query(
      'SELECT id, status, starts_at, ends_at FROM space_booking',
    );
    const actual = new Map(rows.map((r) => [r.id, { status: r.status, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString() }]));
    expect(accepted).toBeGreaterThan(50);
    expect(actual).toEqual(model);
    const [{ n }] = await graph.ds.query(`SELECT count(*)::int AS n FROM space_booking a JOIN space_booking b ON a.space_id = b.space_id AND a.id < b.id
      AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED' AND tstzrange(a.starts_at, a.occupied_until) && tstzrange(b.starts_at, b.occupied_until)`);
    expect(n).toBe(0);
  });
});
