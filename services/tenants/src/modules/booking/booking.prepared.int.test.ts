import { startTestSubgraph, type TestSubgraphOf } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes, someTenant } from '../../test-fixtures';

/**
 * A booking that needs nothing but the space's rules reads its space and inserts, each a named
 * prepared statement (preparedRows): PostgreSQL parses and plans the insert once per connection (a
 * tenant's booking also reads its tenant). The pool has one connection, so what PostgreSQL lists in
 * pg_prepared_statements is what the bookings used.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule, { seed: false, env: { DB_POOL_SIZE: '1' } });
});
afterAll(async () => {
  await graph?.close();
});

const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const STATEMENTS = ['tenants_book_fast', 'tenants_space_by_id'];
const KEYED = ['tenants_book', 'tenants_booking_by_key'];
const plansOf = (names: string[]): Promise<{ name: string; plans: number }[]> =>
  graph.ds.query('SELECT name, (generic_plans + custom_plans)::int AS plans FROM pg_prepared_statements WHERE name = ANY($1) ORDER BY name', [names]);

it('books with the same two prepared statements each time, parsed once', async () => {
  const spaceId = await createSpace(graph.ds);
  const caller = await someTenant(graph.ds);
  const bookings = 6;
  for (let i = 0; i < bookings; i += 1) {
    const startsAt = futureHour(3 + i, 10);
    const { body, statements } = await graph.execute(
      BOOK,
      { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: `Essai ${i}` } },
      { identity: caller },
    );
    expect({ userErrors: body.data?.bookSharedSpace.userErrors, booked: typeof body.data?.bookSharedSpace.booking?.id, statements }).toEqual({
      userErrors: [],
      booked: 'string',
      statements: 3, // the space, the tenant (canHold), the insert
    });
  }
  expect(await plansOf(STATEMENTS)).toEqual(STATEMENTS.map((name) => ({ name, plans: bookings })));
});

it('books with an idempotency key in a transaction of prepared statements, and answers a retry with the same booking', async () => {
  const spaceId = await createSpace(graph.ds);
  const caller = await someTenant(graph.ds);
  const ids: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    const startsAt = futureHour(20 + i, 10);
    const input = { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: `Clé ${i}`, idempotencyKey: `cle-${i}` };
    for (const attempt of ['first', 'retry']) {
      const { body } = await graph.execute(BOOK, { input }, { identity: caller });
      expect({ attempt, userErrors: body.data?.bookSharedSpace.userErrors }).toEqual({ attempt, userErrors: [] });
      ids.push(body.data!.bookSharedSpace.booking.id);
    }
  }
  // Each retry found the first one's booking: four bookings, each answered twice.
  expect(new Set(ids).size).toBe(4);
  expect(ids.filter((id, i) => i % 2 === 1 && id === ids[i - 1])).toHaveLength(4);
  // The insert ran once per booking; the lookup by key before the transaction (8 requests) and in it (the 4 first ones).
  expect(await plansOf(KEYED)).toEqual([
    { name: 'tenants_book', plans: 4 },
    { name: 'tenants_booking_by_key', plans: 12 },
  ]);
});
