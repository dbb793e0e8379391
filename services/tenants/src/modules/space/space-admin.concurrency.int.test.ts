import type { Identity } from '@maison/auth';
import { admin, startTestSubgraph, type TestSubgraphOf } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes, someTenants } from '../../test-fixtures';

/**
 * A rule change and bookings of the same space racing, with a pool large enough that they truly
 * run at once inside PostgreSQL: each booking is checked against the rules it is stored under,
 * and the conflicts the change lists are exactly the bookings its rules would not allow.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule, { seed: false, env: { DB_POOL_SIZE: '50' } });
});
afterAll(async () => {
  await graph?.close();
});

const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const RULES = `mutation($id: ID!, $rules: SpaceRulesInput!) { updateSpaceRules(spaceId: $id, rules: $rules) { conflicts { id } userErrors { code } } }`;

async function book(identity: Identity, spaceId: string, startsAt: Date, durationMinutes: number) {
  const { body } = await graph.execute(BOOK, { input: { spaceId, startsAt, endsAt: minutes(startsAt, durationMinutes), title: 'Course' } }, { identity });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.bookSharedSpace as { booking: { id: string } | null; userErrors: { code: string }[] };
}

describe('a rule change racing bookings of the same space', () => {
  it.each([1, 2, 3])('ends consistent: every booking longer than the new maximum is a listed conflict (round %i)', async () => {
    const spaceId = await createSpace(graph.ds, { maxDurationMinutes: 240 });
    // 40 requests on distinct hours of distinct days, half of them longer than the new maximum.
    const requests = Array.from({ length: 40 }, (_, i) => ({ startsAt: futureHour(2 + (i % 20), i < 20 ? 8 : 14), duration: i % 2 === 0 ? 120 : 60 }));
    const holders = await someTenants(graph.ds, requests.length);
    const bookings = requests.map((r, i) =>
      new Promise((resolve) => setTimeout(resolve, i % 10)).then(() => book(holders[i]!, spaceId, r.startsAt, r.duration)),
    );
    const change = new Promise((resolve) => setTimeout(resolve, 4)).then(() =>
      graph.execute(RULES, { id: spaceId, rules: { maxDurationMinutes: 60 } }, { identity: admin }),
    );
    const [results, changed] = await Promise.all([Promise.all(bookings), change]);
    expect(changed.body.errors).toBeUndefined();
    const conflicts = changed.body.data!.updateSpaceRules.conflicts.map((c: { id: string }) => c.id).sort();
    const codes = new Set(results.flatMap((r) => r.userErrors.map((e) => e.code)));
    expect([...codes].filter((c) => c !== 'TOO_LONG')).toEqual([]);

    const tooLong: { id: string }[] = await graph.ds.query(
      `SELECT id FROM space_booking WHERE space_id = $1 AND status = 'CONFIRMED' AND ends_at - starts_at > interval '60 minutes' ORDER BY id`,
      [spaceId],
    );
    expect(tooLong.map((r) => r.id)).toEqual(conflicts);
    const won = results.filter((r) => r.booking).length;
    const [{ n }] = await graph.ds.query(`SELECT count(*)::int AS n FROM space_booking WHERE space_id = $1 AND status = 'CONFIRMED'`, [spaceId]);
    expect(n).toBe(won);
    // Every 60-minute request fits the new rules as well as the old.
    expect(results.filter((r, i) => requests[i]!.duration === 60 && r.booking)).toHaveLength(20);
  });

  it('moves racing buffer changes of their space all succeed: the two take their locks in one order, no deadlock', async () => {
    const spaceId = await createSpace(graph.ds);
    const holders = await someTenants(graph.ds, 20);
    const ids: string[] = [];
    for (const [i, holder] of holders.entries()) {
      const booked = await book(holder, spaceId, futureHour(2 + i, 10), 60);
      ids.push(booked.booking!.id);
    }
    const MOVE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleSpaceBooking(id: $id, startsAt: $s, endsAt: $e) { booking { id } userErrors { code } } }`;
    const moves = holders.map((holder, i) =>
      new Promise((resolve) => setTimeout(resolve, i % 5)).then(() =>
        graph.execute(MOVE, { id: ids[i], s: futureHour(2 + i, 12), e: futureHour(2 + i, 13) }, { identity: holder }),
      ),
    );
    const changes = [30, 0, 60, 15, 45].map((bufferMinutes, i) =>
      new Promise((resolve) => setTimeout(resolve, i)).then(() => graph.execute(RULES, { id: spaceId, rules: { bufferMinutes } }, { identity: admin })),
    );
    const [moved, changed] = await Promise.all([Promise.all(moves), Promise.all(changes)]);
    expect(changed.map((c) => [c.body.errors, c.body.data?.updateSpaceRules.userErrors])).toEqual(changes.map(() => [undefined, []]));
    expect(moved.map((m) => [m.body.errors, m.body.data?.rescheduleSpaceBooking.userErrors])).toEqual(moves.map(() => [undefined, []]));
    const [{ buffer }] = await graph.ds.query('SELECT buffer_minutes AS buffer FROM shared_space WHERE id = $1', [spaceId]);
    const rows: { late: number }[] = await graph.ds.query(
      `SELECT extract(epoch FROM occupied_until - ends_at)::int / 60 AS late FROM space_booking WHERE space_id = $1 AND status = 'CONFIRMED'`,
      [spaceId],
    );
    // Every row, moved before or after the last change, carries the buffer the space has now.
    expect(rows.map((r) => r.late)).toEqual(rows.map(() => buffer));
  });
});
