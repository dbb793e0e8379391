import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { toHouseIso } from '@maison/house';
import { startTestSubgraph, type TestSubgraphOf, withClient } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes, someTenant } from '../../test-fixtures';

/** The ledger's service API: another subgraph's event or vernissage holds a shared space. */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule, { seed: false, env: { DB_POOL_SIZE: '30' } });
});
afterAll(async () => {
  await graph?.close();
});

const coworkingService: Identity = { sub: 'service:coworking', roles: ['ADMIN'] };
const FIELDS = 'booking { id startsAt endsAt title kind visibility } userErrors { code field }';
const HOLD = `mutation($input: HoldSharedSpaceInput!) { holdSharedSpace(input: $input) { ${FIELDS} } }`;
const MOVE = `mutation($r: String!, $s: ID!, $a: DateTime!, $b: DateTime!, $t: String!) { moveSpaceHold(reference: $r, spaceId: $s, startsAt: $a, endsAt: $b, title: $t) { ${FIELDS} } }`;
const RELEASE = `mutation($r: String!) { releaseSpaceHold(reference: $r) { ${FIELDS} } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;

const run = async (query: string, variables: Record<string, unknown>, identity: Identity = coworkingService) =>
  (await graph.execute(query, variables, { identity })).body;

describe('holds of shared spaces by other subgraphs', () => {
  it('holds a slot publicly, idempotently by reference, and blocks bookings over it', async () => {
    const spaceId = await createSpace(graph.ds, { bufferMinutes: 15 });
    const startsAt = futureHour(3, 17);
    const input = { spaceId, startsAt, endsAt: minutes(startsAt, 120), title: '5 à 7 de l’Espace KO', reference: `coworking-event:${randomUUID()}` };
    const first = (await run(HOLD, { input })).data!.holdSharedSpace;
    expect(first).toEqual({
      booking: {
        id: expect.any(String),
        startsAt: toHouseIso(startsAt),
        endsAt: toHouseIso(minutes(startsAt, 120)),
        title: '5 à 7 de l’Espace KO',
        kind: 'EVENT',
        visibility: 'PUBLIC',
      },
      userErrors: [],
    });
    expect((await run(HOLD, { input })).data!.holdSharedSpace).toEqual(first);
    const over = await run(
      BOOK,
      { input: { spaceId, startsAt: minutes(startsAt, 60), endsAt: minutes(startsAt, 180), title: 'Par-dessus' } },
      await someTenant(graph.ds),
    );
    expect(over.data!.bookSharedSpace).toEqual({ booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE' }] });
  });

  it('answers SLOT_UNAVAILABLE when a booking is already there', async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(4, 12);
    expect(
      (await run(BOOK, { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Dîner' } }, await someTenant(graph.ds))).data!.bookSharedSpace
        .userErrors,
    ).toEqual([]);
    const held = await run(HOLD, {
      input: { spaceId, startsAt: minutes(startsAt, 30), endsAt: minutes(startsAt, 90), title: 'Atelier', reference: `vernissage:${randomUUID()}` },
    });
    expect(held.data!.holdSharedSpace).toEqual({ booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] }] });
  });

  it('creates one hold for 20 concurrent copies of one reference', async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(5, 10);
    const reference = `coworking-event:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => run(HOLD, { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Conférence', reference } })),
    );
    const ids = new Set(results.map((r) => r.data!.holdSharedSpace.booking.id));
    expect(ids.size).toBe(1);
    const rows = await withClient(graph.databaseUrl, (c) => c.query('SELECT count(*)::int AS n FROM space_booking WHERE hold_reference = $1', [reference]));
    expect(rows.rows[0].n).toBe(1);
  });

  it('moves a hold to another time or space under the same rule, and releases it idempotently', async () => {
    const kitchen = await createSpace(graph.ds);
    const terrace = await createSpace(graph.ds);
    const startsAt = futureHour(6, 18);
    const reference = `vernissage:${randomUUID()}`;
    await run(HOLD, { input: { spaceId: kitchen, startsAt, endsAt: minutes(startsAt, 120), title: 'Vernissage', reference } });
    const blocker = await run(
      BOOK,
      { input: { spaceId: terrace, startsAt: minutes(startsAt, 60), endsAt: minutes(startsAt, 90), title: 'Déjà là' } },
      await someTenant(graph.ds),
    );
    expect(blocker.data!.bookSharedSpace.userErrors).toEqual([]);

    const refused = await run(MOVE, { r: reference, s: terrace, a: startsAt, b: minutes(startsAt, 120), t: 'Vernissage' });
    expect(refused.data!.moveSpaceHold).toEqual({ booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE', field: ['startsAt'] }] });
    const moved = await run(MOVE, { r: reference, s: terrace, a: minutes(startsAt, 120), b: minutes(startsAt, 240), t: 'Vernissage (terrasse)' });
    expect(moved.data!.moveSpaceHold.booking).toMatchObject({ startsAt: toHouseIso(minutes(startsAt, 120)), title: 'Vernissage (terrasse)' });
    // The kitchen is free again, at once.
    expect(
      (await run(BOOK, { input: { spaceId: kitchen, startsAt, endsAt: minutes(startsAt, 60), title: 'Libre' } }, await someTenant(graph.ds))).data!
        .bookSharedSpace.userErrors,
    ).toEqual([]);

    expect((await run(RELEASE, { r: reference })).data!.releaseSpaceHold.booking).toMatchObject({ title: 'Vernissage (terrasse)' });
    expect((await run(RELEASE, { r: reference })).data!.releaseSpaceHold).toEqual({ booking: null, userErrors: [] });
    expect((await run(RELEASE, { r: `vernissage:${randomUUID()}` })).data!.releaseSpaceHold).toEqual({ booking: null, userErrors: [] });
    expect((await run(MOVE, { r: reference, s: terrace, a: startsAt, b: minutes(startsAt, 60), t: 'x' })).data!.moveSpaceHold.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['reference'] },
    ]);
  });

  it('refuses to move a hold to a space that does not exist, and keeps it where it was', async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(9, 9);
    const reference = `coworking-event:${randomUUID()}`;
    await run(HOLD, { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Ici', reference } });
    const moved = await run(MOVE, { r: reference, s: randomUUID(), a: startsAt, b: minutes(startsAt, 60), t: 'Ailleurs' });
    expect(moved.data!.moveSpaceHold).toEqual({ booking: null, userErrors: [{ code: 'NOT_FOUND', field: ['spaceId'] }] });
    const rows = await withClient(graph.databaseUrl, (c) => c.query('SELECT space_id, title FROM space_booking WHERE hold_reference = $1', [reference]));
    expect(rows.rows).toEqual([{ space_id: spaceId, title: 'Ici' }]);
  });

  it('is for services and ADMIN only', async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(7, 10);
    const body = await run(
      HOLD,
      { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'x', reference: 'coworking-event:abc' } },
      await someTenant(graph.ds),
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await run(HOLD, { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'x', reference: "x'; DROP TABLE space_booking; --" } });
    expect(bad.data!.holdSharedSpace.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'reference'] }]);
  });

  it('never keeps a hold its release overtook: 20 holds sent at the same moment as their releases', async () => {
    const spaceId = await createSpace(graph.ds);
    const references = Array.from({ length: 20 }, () => `coworking-event:${randomUUID()}-r`);
    const answers = await Promise.all(
      references.flatMap((reference, i) => {
        const startsAt = futureHour(11, 0);
        const input = { spaceId, startsAt: minutes(startsAt, 60 * i), endsAt: minutes(startsAt, 60 * i + 30), title: 'Course', reference };
        return [run(HOLD, { input }), run(RELEASE, { r: reference })];
      }),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const live = await withClient(graph.databaseUrl, (c) =>
      c.query(`SELECT count(*)::int AS n FROM space_booking WHERE hold_reference = ANY($1) AND status = 'CONFIRMED'`, [references]),
    );
    expect(live.rows[0].n).toBe(0);
    const tombstones = await withClient(graph.databaseUrl, (c) =>
      c.query('SELECT count(*)::int AS n FROM space_hold_release WHERE reference = ANY($1)', [references]),
    );
    expect(tombstones.rows[0].n).toBe(20);
    // Each hold either never happened (refused: released first) or was cancelled by its release.
    const holds = answers.filter((_, i) => i % 2 === 0).map((a) => a.data!.holdSharedSpace);
    for (const h of holds) if (!h.booking) expect(h.userErrors).toEqual([{ code: 'ALREADY_CANCELLED', field: ['input', 'reference'] }]);
  });

  it('does not hold again a reference whose hold was cancelled, tombstone or not (holds cancelled before tombstones existed)', async () => {
    const spaceId = await createSpace(graph.ds);
    const startsAt = futureHour(12, 10);
    const reference = `vernissage:${randomUUID()}`;
    const input = { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Vernissage', reference };
    const { booking } = (await run(HOLD, { input })).data!.holdSharedSpace;
    const cancelled = await run(`mutation($id: ID!) { cancelSpaceBooking(id: $id) { booking { status } userErrors { code } } }`, { id: booking.id });
    expect(cancelled.data!.cancelSpaceBooking).toEqual({ booking: { status: 'CANCELLED' }, userErrors: [] });
    expect((await run(HOLD, { input })).data!.holdSharedSpace).toEqual({
      booking: null,
      userErrors: [{ code: 'ALREADY_CANCELLED', field: ['input', 'reference'] }],
    });
  });

  it('lists live holds for services only, of a well-formed kind', async () => {
    const LIST = `query($k: String!, $e: DateTime!) { liveSpaceHolds(kind: $k, endingAfter: $e) { reference } }`;
    const e = new Date().toISOString();
    expect((await run(LIST, { k: 'coworking-event', e }, await someTenant(graph.ds))).errors?.map((x) => x.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await run(LIST, { k: 'Pas une sorte', e })).errors?.map((x) => x.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await run(LIST, { k: 'vernissage', e })).errors).toBeUndefined();
  });

  it('keeps holds out of CalendarDay.spaceBookings: the calendar shows the event itself', async () => {
    const kitchen = (await graph.ds.query(`SELECT id FROM shared_space LIMIT 1`))[0]?.id ?? (await createSpace(graph.ds));
    const startsAt = futureHour(8, 12);
    await run(HOLD, { input: { spaceId: kitchen, startsAt, endsAt: minutes(startsAt, 60), title: 'Événement', reference: `coworking-event:${randomUUID()}` } });
    const day = toHouseIso(startsAt).slice(0, 10);
    const cal = await run(`query($d: LocalDate!) { calendar(from: $d, to: $d) { spaceBookings { title } } }`, { d: day });
    expect(cal.data!.calendar[0].spaceBookings).toEqual([]);
  });
});
