import { Client } from 'pg';
import { admin, startTestSubgraph, type TestSubgraphOf, withClient } from '@maison/testing';
import type { Identity } from '@maison/auth';
import { PG, pgCode } from '@maison/kit';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes, someTenant, someTenants } from '../../test-fixtures';

/**
 * The no-overlap rule under real concurrency: a pool of 50 connections so that the attempts truly
 * race inside PostgreSQL, where the EXCLUDE constraint decides.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule, { seed: false, env: { DB_POOL_SIZE: '50' } });
});
afterAll(async () => {
  await graph?.close();
});

const BOOK = `mutation($input: BookSharedSpaceInput!) {
  bookSharedSpace(input: $input) { booking { id startsAt endsAt title } userErrors { code message field } }
}`;
const CANCEL = `mutation($id: ID!) { cancelSpaceBooking(id: $id) { booking { id status } userErrors { code } } }`;

interface BookResult {
  booking: { id: string; startsAt: string; endsAt: string; title: string } | null;
  userErrors: { code: string; message: string; field: string[] | null }[];
}

async function book(identity: Identity, input: Record<string, unknown>): Promise<BookResult> {
  return (await bookCounted(identity, input)).result;
}

/** A booking and the SQL statements the subgraph ran for it. */
async function bookCounted(identity: Identity, input: Record<string, unknown>): Promise<{ result: BookResult; statements: number }> {
  const { body, statements } = await graph.execute(BOOK, { input }, { identity });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { result: body.data!.bookSharedSpace, statements };
}

const tally = (results: BookResult[]) => ({
  won: results.filter((r) => r.booking).length,
  codes: [...new Set(results.flatMap((r) => r.userErrors.map((e) => e.code)))],
  lost: results.filter((r) => r.userErrors.length === 1 && r.userErrors[0]!.code === 'SLOT_UNAVAILABLE').length,
});

const liveRows = (spaceId: string) =>
  withClient(
    graph.databaseUrl,
    async (c) => (await c.query(`SELECT count(*)::int AS n FROM space_booking WHERE space_id = $1 AND status = 'CONFIRMED'`, [spaceId])).rows[0].n,
  );

const overlappingPairs = () =>
  withClient(
    graph.databaseUrl,
    async (c) =>
      (
        await c.query(`SELECT count(*)::int AS n FROM space_booking a JOIN space_booking b
        ON a.space_id = b.space_id AND a.id < b.id AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'
       AND tstzrange(a.starts_at, a.occupied_until, '[)') && tstzrange(b.starts_at, b.occupied_until, '[)')`)
      ).rows[0].n,
  );

/**
 * The SQLSTATE of every statement of the subgraph that failed while fn ran, counted by code
 * (TypeORM hands each failure to the DataSource's logger). A deadlock between two inserters of one
 * slot is answered SLOT_UNAVAILABLE like an exclusion violation, so only this tells them apart.
 */
async function failuresDuring<T>(fn: () => Promise<T>): Promise<{ result: T; failures: Record<string, number> }> {
  const failures: Record<string, number> = {};
  const spy = jest.spyOn(graph.ds.logger, 'logQueryError').mockImplementation((error) => {
    const code = pgCode(error) ?? String(error);
    failures[code] = (failures[code] ?? 0) + 1;
  });
  try {
    return { result: await fn(), failures };
  } finally {
    spy.mockRestore();
  }
}

/** The backends another connection's transaction blocks, once there are n of them: what each waits on and the statement it runs. */
async function blockedBy(blocker: Client, n = 1): Promise<{ waitEvent: string; statement: string }[]> {
  const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows;
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const rows = await withClient(
      graph.databaseUrl,
      async (c) => (await c.query(`SELECT wait_event, query FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid))`, [pid])).rows,
    );
    if (rows.length >= n) return rows.map((r) => ({ waitEvent: r.wait_event, statement: r.query }));
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`fewer than ${n} backends waited for the blocking transaction`);
}

/** A connection of its own, in a transaction left open that has run the statements given. */
async function openTransaction(...statements: [string, unknown[]][]): Promise<Client> {
  const client = new Client({ connectionString: graph.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  for (const [text, values] of statements) await client.query(text, values);
  return client;
}

/** A connection of its own that holds the space's lock, in a transaction left open, having inserted [startsAt, endsAt) (not committed). */
async function writerHolding(spaceId: string, startsAt: Date, endsAt: Date): Promise<Client> {
  const writer = new Client({ connectionString: graph.databaseUrl });
  await writer.connect();
  await writer.query('BEGIN');
  await writer.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`space:${spaceId}`]);
  await writer.query(
    `INSERT INTO space_booking (id, space_id, holder_kind, holder_name, created_by, title, starts_at, ends_at, occupied_until)
     VALUES (gen_random_uuid(), $1, 'HOUSE', 'La Maison', 'test', 'Premier', $2, $3, $3)`,
    [spaceId, startsAt, endsAt],
  );
  return writer;
}

describe('the ledger under concurrency', () => {
  it('lets exactly 1 of 200 concurrent bookings of one slot win; 199 answer SLOT_UNAVAILABLE; one row', async () => {
    const spaceId = await createSpace(graph.ds, { bufferMinutes: 30 });
    const startsAt = futureHour(3, 10);
    const callers = await someTenants(graph.ds, 200);
    const { result: results, failures } = await failuresDuring(() =>
      Promise.all(callers.map((caller, i) => book(caller, { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: `Essai ${i}` }))),
    );
    expect(tally(results)).toEqual({ won: 1, codes: ['SLOT_UNAVAILABLE'], lost: 199 });
    // Each loser waited for the space's lock, then met the winner's row: 199 exclusion violations, no deadlock.
    expect(failures).toEqual({ [PG.exclusionViolation]: 199 });
    expect(await liveRows(spaceId)).toBe(1);
    const loser = results.find((r) => !r.booking)!;
    expect(loser.userErrors).toEqual([{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'startsAt'] }]);
  });

  it('never lets 200 concurrent random 30-minute bookings of one morning overlap', async () => {
    const spaceId = await createSpace(graph.ds, { bufferMinutes: 10 });
    const morning = futureHour(4, 8);
    const callers = await someTenants(graph.ds, 200);
    const { result: results, failures } = await failuresDuring(() =>
      Promise.all(
        callers.map((caller, i) => {
          const startsAt = minutes(morning, 5 * Math.floor(Math.random() * 48)); // 08:00 to 11:55, 5-minute steps
          return book(caller, { spaceId, startsAt, endsAt: minutes(startsAt, 30), title: `Matin ${i}` });
        }),
      ),
    );
    const { won, codes } = tally(results);
    expect(won).toBeGreaterThan(0);
    expect(codes.filter((c) => c !== 'SLOT_UNAVAILABLE')).toEqual([]);
    expect(failures).toEqual({ [PG.exclusionViolation]: 200 - won });
    expect(await overlappingPairs()).toBe(0);
    expect(await liveRows(spaceId)).toBe(won);
  });

  it('gives exactly one winner to each of 50 spaces under 4 concurrent attempts each', async () => {
    const spaces = await Promise.all(Array.from({ length: 50 }, () => createSpace(graph.ds)));
    const startsAt = futureHour(5, 14);
    const callers = await someTenants(graph.ds, spaces.length * 4);
    const results = await Promise.all(
      spaces.flatMap((spaceId, s) =>
        callers
          .slice(4 * s, 4 * s + 4)
          .map((caller) => book(caller, { spaceId, startsAt, endsAt: minutes(startsAt, 45), title: 'Quatre' }).then((r) => ({ spaceId, r }))),
      ),
    );
    for (const spaceId of spaces) {
      const mine = results.filter((x) => x.spaceId === spaceId).map((x) => x.r);
      expect(tally(mine)).toEqual({ won: 1, codes: ['SLOT_UNAVAILABLE'], lost: 3 });
    }
    expect(await overlappingPairs()).toBe(0);
  });

  it('answers 20 concurrent copies of one idempotency key with one row and twenty identical answers', async () => {
    const spaceId = await createSpace(graph.ds);
    const holder = await someTenant(graph.ds);
    const startsAt = futureHour(6, 9);
    const input = { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Une seule fois', idempotencyKey: 'key-20-copies' };
    const results = await Promise.all(Array.from({ length: 20 }, () => book(holder, input)));
    expect(results[0]!.booking).not.toBeNull();
    for (const r of results) expect(r).toEqual(results[0]);
    expect(await liveRows(spaceId)).toBe(1);
    const again = await book(holder, { ...input, title: 'Autre chose' });
    expect(again).toEqual({ booking: null, userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })] });
    // Another caller's identical key is another booking request: it finds the slot taken.
    expect((await book(await someTenant(graph.ds), input)).userErrors.map((e) => e.code)).toEqual(['SLOT_UNAVAILABLE']);
  });

  it('accepts back-to-back bookings and refuses one inside the cleaning buffer', async () => {
    const noBuffer = await createSpace(graph.ds);
    const start = futureHour(7, 10);
    expect((await book(await someTenant(graph.ds), { spaceId: noBuffer, startsAt: start, endsAt: minutes(start, 60), title: '10–11' })).booking).not.toBeNull();
    expect(
      (await book(await someTenant(graph.ds), { spaceId: noBuffer, startsAt: minutes(start, 60), endsAt: minutes(start, 120), title: '11–12' })).booking,
    ).not.toBeNull();

    const kitchenLike = await createSpace(graph.ds, { bufferMinutes: 30 });
    expect(
      (await book(await someTenant(graph.ds), { spaceId: kitchenLike, startsAt: start, endsAt: minutes(start, 60), title: '10–11' })).booking,
    ).not.toBeNull();
    const inBuffer = await book(await someTenant(graph.ds), {
      spaceId: kitchenLike,
      startsAt: minutes(start, 75),
      endsAt: minutes(start, 135),
      title: '11:15',
    });
    expect(inBuffer.userErrors.map((e) => e.code)).toEqual(['SLOT_UNAVAILABLE']);
    const afterBuffer = await book(await someTenant(graph.ds), {
      spaceId: kitchenLike,
      startsAt: minutes(start, 90),
      endsAt: minutes(start, 150),
      title: '11:30',
    });
    expect(afterBuffer.booking).not.toBeNull();
    // A booking ending in the buffer's reach of the next one is refused too: its own buffer would overlap.
    const before = await book(await someTenant(graph.ds), { spaceId: kitchenLike, startsAt: minutes(start, -60), endsAt: minutes(start, -15), title: '9:00' });
    expect(before.userErrors.map((e) => e.code)).toEqual(['SLOT_UNAVAILABLE']);
  });

  it('frees a cancelled slot at once, for exactly one of 100 concurrent rebookings', async () => {
    const spaceId = await createSpace(graph.ds);
    const holder = await someTenant(graph.ds);
    const startsAt = futureHour(8, 15);
    const first = await book(holder, { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Annulée' });
    const { body } = await graph.execute(CANCEL, { id: first.booking!.id }, { identity: holder });
    expect(body).toEqual({ data: { cancelSpaceBooking: { booking: { id: first.booking!.id, status: 'CANCELLED' }, userErrors: [] } } });
    const callers = await someTenants(graph.ds, 100);
    const results = await Promise.all(callers.map((caller) => book(caller, { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Reprise' })));
    expect(tally(results)).toEqual({ won: 1, codes: ['SLOT_UNAVAILABLE'], lost: 99 });
    expect(await liveRows(spaceId)).toBe(1);
  });

  it('holds the rule for ADMIN too: limits bypassed, overlaps never', async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(9, 12);
    const { result: results, failures } = await failuresDuring(() =>
      Promise.all(Array.from({ length: 20 }, () => book(admin, { spaceId, startsAt, endsAt: minutes(startsAt, 30), title: 'Admin' }))),
    );
    expect(tally(results)).toEqual({ won: 1, codes: ['SLOT_UNAVAILABLE'], lost: 19 });
    expect(failures).toEqual({ [PG.exclusionViolation]: 19 });
  });

  it("waits for the space's lock inside its insert, before its row, and then meets the committed booking at once", async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(10, 10);
    const endsAt = minutes(startsAt, 60);
    const writer = await writerHolding(spaceId, startsAt, endsAt);
    try {
      const { result, failures } = await failuresDuring(async () => {
        const answer = book(admin, { spaceId, startsAt, endsAt, title: 'Second' });
        const blocked = await blockedBy(writer);
        await writer.query('COMMIT');
        return { blocked, answer: await answer };
      });
      // The booking's one statement waits on the lock, not on the writer's transaction: had it inserted
      // its row first, its exclusion check would be waiting for the writer ('transactionid').
      // (ADMIN books in one autocommitted statement, fastBookedSql: its CTEs lock the space's row first.)
      expect(result.blocked).toEqual([
        { waitEvent: 'advisory', statement: expect.stringMatching(/^WITH space AS MATERIALIZED \(.*\), booking AS \(\s*INSERT INTO space_booking/s) },
      ]);
      // Its snapshot predates the commit; the exclusion constraint checks the committed row all the same.
      expect(result.answer.userErrors.map((e) => e.code)).toEqual(['SLOT_UNAVAILABLE']);
      expect(failures).toEqual({ [PG.exclusionViolation]: 1 });
    } finally {
      await writer.end();
    }
    expect(await liveRows(spaceId)).toBe(1);
  });

  it('queues 5 bookings of one slot behind the space’s writer: when it rolls back, one wins and 4 lose, none by deadlock', async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(11, 10);
    const endsAt = minutes(startsAt, 60);
    const callers = await someTenants(graph.ds, 5);
    const writer = await writerHolding(spaceId, startsAt, endsAt);
    try {
      const { result, failures } = await failuresDuring(async () => {
        const answers = Promise.all(callers.map((caller, i) => book(caller, { spaceId, startsAt, endsAt, title: `File ${i}` })));
        const blocked = await blockedBy(writer, callers.length);
        await writer.query('ROLLBACK');
        return { blocked, answers: await answers };
      });
      // Had each inserted its row before the lock, all five would be waiting for the writer; once it is
      // gone, each would find another's row in progress and wait for it, a cycle the deadlock detector
      // breaks after deadlock_timeout, answering SLOT_UNAVAILABLE for a deadlock.
      expect(result.blocked.map((b) => b.waitEvent)).toEqual(Array(callers.length).fill('advisory'));
      expect(tally(result.answers)).toEqual({ won: 1, codes: ['SLOT_UNAVAILABLE'], lost: 4 });
      expect(failures).toEqual({ [PG.exclusionViolation]: 4 });
    } finally {
      await writer.end();
    }
    expect(await liveRows(spaceId)).toBe(1);
  });

  describe('the fast path (one autocommitted statement while the rules are the ones checked)', () => {
    it('is taken: an ADMIN booking is the space read and one statement, a tenant booking adds the tenant read', async () => {
      const spaceId = await createSpace(graph.ds);
      const startsAt = futureHour(12, 10);
      const asAdmin = await bookCounted(admin, { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Admin' });
      expect(asAdmin.result.userErrors).toEqual([]);
      expect(asAdmin.statements).toBe(2);
      const asTenant = await bookCounted(await someTenant(graph.ds), {
        spaceId,
        startsAt: minutes(startsAt, 60),
        endsAt: minutes(startsAt, 120),
        title: 'Locataire',
      });
      expect(asTenant.result.userErrors).toEqual([]);
      expect(asTenant.statements).toBe(3);
      // A slot taken answers as before, from the same one statement.
      const taken = await bookCounted(admin, { spaceId, startsAt, endsAt: minutes(startsAt, 30), title: 'Prise' });
      expect(taken.result.userErrors.map((e) => e.code)).toEqual(['SLOT_UNAVAILABLE']);
      expect(taken.statements).toBe(2);
      expect(await liveRows(spaceId)).toBe(2);
    });

    it.each([
      ['committed', 'COMMIT', { booked: false, codes: ['TOO_LONG'] }],
      ['rolled back', 'ROLLBACK', { booked: true, codes: [] }],
    ])('waits for a rule change racing it, then is checked against the rules stored: change %s', async (_, end, expected) => {
      const spaceId = await createSpace(graph.ds);
      const startsAt = futureHour(13, 10);
      const tenant = await someTenant(graph.ds);
      // A rule change as SpaceAdminService makes it: the space's row FOR UPDATE, a shorter maximum.
      const change = await openTransaction(
        ['SELECT 1 FROM shared_space WHERE id = $1 FOR UPDATE', [spaceId]],
        ['UPDATE shared_space SET max_duration_minutes = 30 WHERE id = $1', [spaceId]],
      );
      try {
        const answer = bookCounted(tenant, { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Une heure' });
        // The booking read the rules before the change (60 minutes were allowed) and waits in its statement.
        const [blocked] = await blockedBy(change);
        expect(blocked!.statement).toMatch(/^WITH space AS MATERIALIZED/);
        await change.query(end);
        const { result, statements } = await answer;
        expect({ booked: result.booking !== null, codes: result.userErrors.map((e) => e.code) }).toEqual(expected);
        // Committed: the fast statement inserted nothing, and the transaction read the new rules.
        // Rolled back: the fast statement booked.
        expect(statements).toBe(end === 'COMMIT' ? 6 : 3);
      } finally {
        await change.end();
      }
      expect(await liveRows(spaceId)).toBe(expected.booked ? 1 : 0);
    });

    it('books nothing for a tenant archived between its first read and its statement: UNKNOWN_HOLDER', async () => {
      const spaceId = await createSpace(graph.ds);
      const startsAt = futureHour(14, 10);
      const tenant = await someTenant(graph.ds);
      // An archive as archiveTenant makes it: the tenant's row FOR UPDATE, archived.
      const archive = await openTransaction(
        ['SELECT 1 FROM tenant WHERE id = $1 FOR UPDATE', [tenant.tenantId]],
        ['UPDATE tenant SET archived_at = now() WHERE id = $1', [tenant.tenantId]],
      );
      try {
        const answer = book(tenant, { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Archivé' });
        const [blocked] = await blockedBy(archive);
        expect(blocked!.statement).toMatch(/^WITH space AS MATERIALIZED/);
        await archive.query('COMMIT');
        expect((await answer).userErrors.map((e) => e.code)).toEqual(['UNKNOWN_HOLDER']);
      } finally {
        await archive.end();
      }
      expect(await liveRows(spaceId)).toBe(0);
    });
  });
});
