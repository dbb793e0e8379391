import { startTestSubgraph, type TestSubgraphOf } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes, someTenant } from '../../test-fixtures';

/**
 * A booking that needs nothing but the space's rules reads its space and inserts, each a named
 * prepared statement (preparedRows): PostgreSQL parses and plans the insert once per connection
 * (a tenant's booking also reads its tenant). The pool
 * has one connection, so what PostgreSQL lists in pg_prepared_statements is what the bookings used.
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
  const prepared: { name: string; plans: number }[] = await graph.ds.query(
    'SELECT name, (generic_plans + custom_plans)::int AS plans FROM pg_prepared_statements WHERE name = ANY($1) ORDER BY name',
    [STATEMENTS],
  );
  expect(prepared).toEqual(STATEMENTS.map((name) => ({ name, plans: bookings })));
});
