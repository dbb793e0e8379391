import { admin, asTenant, planNodesOf, seqScansOf, startTestSubgraph } from '@maison/testing';
import { addDays, stableId, todayInHouse } from '@maison/house';
import { tenantsModule } from '../../module';
import type { TenantsLoaders, TenantsServices } from '../../services';

/**
 * Every query path of the ledger has an index: on a large ledger (years of bookings), the SQL the
 * subgraph really runs for its main operations is EXPLAINed and must not scan a large table.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<TenantsServices, TenantsLoaders>>>;
let graph: Graph;
const LARGE_TABLES = ['space_booking', 'space_booking_history'];

beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule);
  // About 8 years of hourly bookings in 2 spaces, with their history: ~140,000 rows.
  await graph.ds.query(`
    INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at, occupied_until, visibility, status, cancelled_at)
    SELECT gen_random_uuid(), s.id, 'TENANT', gen_random_uuid(), 'Locataire', 'load:' || (g % 500), 'Charge ' || g,
           t, t + interval '1 hour', t + interval '1 hour',
           CASE WHEN g % 3 = 0 THEN 'PUBLIC'::booking_visibility ELSE 'PRIVATE'::booking_visibility END,
           CASE WHEN g % 10 = 0 THEN 'CANCELLED'::booking_status ELSE 'CONFIRMED'::booking_status END,
           CASE WHEN g % 10 = 0 THEN now() END
    FROM shared_space s,
         generate_series(1, 35000) g,
         LATERAL (SELECT timestamptz '2015-01-01 00:00-05' + (g * interval '2 hours') AS t) x`);
  await graph.ds.query(`INSERT INTO space_booking_history (booking_id, action, actor, starts_at, ends_at)
    SELECT id, 'CREATED', created_by, starts_at, ends_at FROM space_booking WHERE created_by LIKE 'load:%'`);
  await graph.ds.query('ANALYZE');
}, 120_000);
afterAll(async () => {
  await graph?.close();
});

const seqScans = (operation: string, variables: Record<string, unknown>, identity = admin) => seqScansOf(graph, operation, variables, identity, LARGE_TABLES);

describe('query plans on a large ledger', () => {
  const today = todayInHouse();

  it('reads the calendar of a month by index', async () => {
    const op = `query($f: LocalDate!, $t: LocalDate!) { calendar(from: $f, to: $t) { spaceBookings { title space { name } } } }`;
    expect(await seqScans(op, { f: '2020-03-01', t: '2020-03-31' })).toEqual([]);
  });

  it('reads the bookings and the availability of a space by index', async () => {
    const op = `query($f: DateTime!, $t: DateTime!, $d: LocalDate!) { sharedSpaces { bookings(from: $f, to: $t) { id history { action } } availability(date: $d, durationMinutes: 60) { startsAt } } }`;
    expect(await seqScans(op, { f: '2020-03-01T00:00:00Z', t: '2020-03-08T00:00:00Z', d: addDays(today, 3) })).toEqual([]);
  });

  it("reads a tenant's availability, its booked minutes of the week included, by index", async () => {
    const op = `query($d: LocalDate!, $e: LocalDate!) { sharedSpaces { a: availability(date: $d, durationMinutes: 60) { startsAt } b: availability(date: $e, durationMinutes: 60) { startsAt } } }`;
    expect(await seqScans(op, { d: addDays(today, 3), e: addDays(today, 10) }, asTenant('acupuncture'))).toEqual([]);
  });

  it("reads a holder's own bookings by index", async () => {
    const op = `query($f: DateTime!, $t: DateTime!) { myBookings(from: $f, to: $t) { id } }`;
    expect(await seqScans(op, { f: '2020-01-01T00:00:00Z', t: '2020-02-01T00:00:00Z' }, { ...asTenant('acupuncture'), sub: 'load:42' })).toEqual([]);
  });

  it('books through indexes: idempotency key, weekly quota, no-overlap check', async () => {
    const op = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
    const startsAt = new Date(`${addDays(today, 5)}T15:00:00Z`);
    const input = {
      spaceId: stableId('shared-space', 'cuisine'),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      title: 'Plan',
      idempotencyKey: 'explain-1',
    };
    expect(await seqScans(op, { input }, asTenant('acupuncture'))).toEqual([]);
  });
});

describe('the plan check itself', () => {
  it('does see a sequential scan when the index a query needs is missing', async () => {
    const runner = graph.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('DROP INDEX space_booking_starts_idx');
      const plan = await planNodesOf(runner, `SELECT * FROM space_booking b WHERE b.status = 'CONFIRMED' AND b.starts_at < $1 AND b.ends_at > $2`, [
        '2020-04-01T00:00:00Z',
        '2020-03-01T00:00:00Z',
      ]);
      expect(plan.map((n) => n['Node Type'])).toContain('Seq Scan');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
