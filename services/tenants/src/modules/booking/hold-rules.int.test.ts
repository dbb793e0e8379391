import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { startTestSubgraph, type TestSubgraphOf, withClient } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes } from '../../test-fixtures';

/**
 * Holds keep the rules of their space like a booking (capacity, opening hours, season), not the
 * booking-only limits, and ADMIN may hold despite them with an override whose reason the history keeps.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(tenantsModule, { seed: false });
});
afterAll(async () => {
  await graph?.close();
});

const service: Identity = { sub: 'service:coworking', roles: ['ADMIN'] };
const FIELDS = 'booking { id startsAt endsAt attendeeCount } userErrors { code field message } spaceCapacity';
const HOLD = `mutation($input: HoldSharedSpaceInput!) { holdSharedSpace(input: $input) { ${FIELDS} } }`;
const MOVE = `mutation($r: String!, $s: ID!, $a: DateTime!, $b: DateTime!, $t: String!, $n: Int, $o: HoldOverrideInput) {
  moveSpaceHold(reference: $r, spaceId: $s, startsAt: $a, endsAt: $b, title: $t, attendees: $n, override: $o) { ${FIELDS} }
}`;
const HISTORY = `query($id: ID!) { spaceBooking(id: $id) { history { action actor overrideReason } } }`;

const run = async (query: string, variables: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(query, variables, { identity: service, lang })).body;
const reference = () => `coworking-event:${randomUUID()}`;
const holdsOf = async (spaceId: string): Promise<number> =>
  (await withClient(graph.databaseUrl, (c) => c.query('SELECT count(*)::int AS n FROM space_booking WHERE space_id = $1', [spaceId]))).rows[0].n;

/** A kitchen like the house's: 12 people, 7:00 to 22:00 every day, and strict booking limits a hold does not keep. */
const kitchen = () =>
  createSpace(graph.ds, {
    capacity: 12,
    openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '22:00' })),
    minDurationMinutes: 60,
    maxDurationMinutes: 120,
    horizonDays: 5,
    minNoticeMinutes: 10080,
    weeklyQuotaMinutes: 60,
  });
/** A terrace open in summer only (June to August) whatever the day of the tests. */
const summerTerrace = () => createSpace(graph.ds, { capacity: 30, season: ['06-01', '08-31'] });
/** A day out of the terrace's season, `from` days ahead or later. */
function winterDay(from: number): number {
  for (let d = from; ; d += 1) {
    const month = futureHour(d, 12).toISOString().slice(5, 7);
    if (!['06', '07', '08', '09'].includes(month)) return d;
  }
}

describe('holds keep the rules of their space', () => {
  it('refuses more attendees than the space holds, in French and in English, and saves nothing', async () => {
    const spaceId = await kitchen();
    const startsAt = futureHour(3, 17);
    const input = { spaceId, startsAt, endsAt: minutes(startsAt, 120), title: 'Atelier de 100 places', reference: reference(), attendees: 100 };
    expect((await run(HOLD, { input })).data!.holdSharedSpace).toEqual({
      booking: null,
      userErrors: [{ code: 'OVER_CAPACITY', field: ['input', 'attendees'], message: 'Cet espace accueille au plus 12 personnes.' }],
      spaceCapacity: 12,
    });
    expect((await run(HOLD, { input: { ...input, reference: reference() } }, 'en')).data!.holdSharedSpace.userErrors).toEqual([
      { code: 'OVER_CAPACITY', field: ['input', 'attendees'], message: 'This space holds at most 12 people.' },
    ]);
    expect(await holdsOf(spaceId)).toBe(0);
    // As many as it holds: held, with them as its attendees.
    const held = (await run(HOLD, { input: { ...input, reference: reference(), attendees: 12 } })).data!.holdSharedSpace;
    expect(held).toMatchObject({ booking: { attendeeCount: 12 }, userErrors: [], spaceCapacity: null });
  });

  it('refuses a hold outside the opening hours or out of season', async () => {
    const spaceId = await kitchen();
    const night = futureHour(3, 22);
    const late = { spaceId, startsAt: night, endsAt: minutes(night, 60), title: 'Nuit', reference: reference() };
    expect((await run(HOLD, { input: late })).data!.holdSharedSpace.userErrors).toEqual([
      { code: 'OUTSIDE_OPENING_HOURS', field: ['input', 'startsAt'], message: 'Ce créneau est en dehors des heures d’ouverture.' },
    ]);
    const terrace = await summerTerrace();
    const winter = futureHour(winterDay(3), 17);
    const cold = { spaceId: terrace, startsAt: winter, endsAt: minutes(winter, 120), title: 'Vernissage', reference: reference() };
    expect((await run(HOLD, { input: cold }, 'en')).data!.holdSharedSpace.userErrors).toEqual([
      { code: 'OUT_OF_SEASON', field: ['input', 'startsAt'], message: 'This space is closed for the season on that date.' },
    ]);
    expect((await holdsOf(spaceId)) + (await holdsOf(terrace))).toBe(0);
  });

  it('does not keep the booking-only limits: notice, horizon, durations, quota', async () => {
    const spaceId = await kitchen();
    // Tomorrow (under the week of notice), for 10 minutes (under the hour), then 10 days ahead (past the horizon) for 3 hours (over the maximum and the quota).
    const soon = futureHour(1, 8);
    expect(
      (await run(HOLD, { input: { spaceId, startsAt: soon, endsAt: minutes(soon, 10), title: 'Café', reference: reference() } })).data!.holdSharedSpace,
    ).toMatchObject({ userErrors: [] });
    const far = futureHour(10, 9);
    expect(
      (await run(HOLD, { input: { spaceId, startsAt: far, endsAt: minutes(far, 180), title: 'Long', reference: reference() } })).data!.holdSharedSpace,
    ).toMatchObject({ userErrors: [] });
  });

  it('holds despite the rules with an override, and the CREATED entry of its history keeps the reason', async () => {
    const spaceId = await kitchen();
    const night = futureHour(4, 21);
    const reason = '  Nuit des ateliers : la cuisine et le salon ouverts  ';
    const input = {
      spaceId,
      startsAt: night,
      endsAt: minutes(night, 180),
      title: 'Nuit des ateliers',
      reference: reference(),
      attendees: 100,
      override: { reason },
    };
    const held = (await run(HOLD, { input })).data!.holdSharedSpace;
    expect(held).toMatchObject({ booking: { attendeeCount: 100 }, userErrors: [] });
    expect((await run(HISTORY, { id: held.booking.id })).data!.spaceBooking.history).toEqual([
      { action: 'CREATED', actor: 'service:coworking', overrideReason: 'Nuit des ateliers : la cuisine et le salon ouverts' },
    ]);
    // An override that no rule needed is recorded all the same: ADMIN said why.
    const day = futureHour(5, 12);
    const plain = (
      await run(HOLD, {
        input: { spaceId, startsAt: day, endsAt: minutes(day, 60), title: 'Dîner', reference: reference(), override: { reason: 'Par précaution' } },
      })
    ).data!.holdSharedSpace;
    expect((await run(HISTORY, { id: plain.booking.id })).data!.spaceBooking.history).toEqual([
      { action: 'CREATED', actor: 'service:coworking', overrideReason: 'Par précaution' },
    ]);
  });

  it('refuses a reason that is blank, too long or not printable, and saves nothing', async () => {
    const spaceId = await kitchen();
    const startsAt = futureHour(3, 12);
    const base = { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Atelier', attendees: 100 };
    for (const reason of ['   ', 'é'.repeat(501), 'bip \u0007']) {
      const answer = (await run(HOLD, { input: { ...base, reference: reference(), override: { reason } } })).data!.holdSharedSpace;
      expect(answer.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'override', 'reason'] })]);
    }
    expect(await holdsOf(spaceId)).toBe(0);
  });

  it('checks a move with the attendees it states, moves despite the rules with an override, and the RESCHEDULED entry keeps the reason', async () => {
    const spaceId = await kitchen();
    const startsAt = futureHour(6, 17);
    const r = reference();
    const held = (await run(HOLD, { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Atelier', reference: r, attendees: 10 } })).data!
      .holdSharedSpace;
    const move = { r, s: spaceId, a: startsAt, b: minutes(startsAt, 60), t: 'Atelier' };
    expect((await run(MOVE, { ...move, n: 40 })).data!.moveSpaceHold).toEqual({
      booking: null,
      userErrors: [{ code: 'OVER_CAPACITY', field: ['attendees'], message: 'Cet espace accueille au plus 12 personnes.' }],
      spaceCapacity: 12,
    });
    const night = futureHour(6, 23);
    expect((await run(MOVE, { ...move, a: night, b: minutes(night, 60), n: 10 })).data!.moveSpaceHold.userErrors).toEqual([
      expect.objectContaining({ code: 'OUTSIDE_OPENING_HOURS', field: ['startsAt'] }),
    ]);
    const moved = (await run(MOVE, { ...move, n: 40, o: { reason: 'Atelier debout' } })).data!.moveSpaceHold;
    expect(moved).toMatchObject({ booking: { id: held.booking.id, attendeeCount: 40 }, userErrors: [] });
    expect((await run(HISTORY, { id: held.booking.id })).data!.spaceBooking.history).toEqual([
      { action: 'CREATED', actor: 'service:coworking', overrideReason: null },
      { action: 'RESCHEDULED', actor: 'service:coworking', overrideReason: 'Atelier debout' },
    ]);
  });

  it('answers a hold made before the rules (no attendees) again as it is, even once the space has shrunk', async () => {
    const spaceId = await kitchen();
    const startsAt = futureHour(7, 17);
    const input = { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Ancien', reference: reference() };
    const first = (await run(HOLD, { input })).data!.holdSharedSpace;
    await graph.ds.query('UPDATE shared_space SET capacity = 2 WHERE id = $1', [spaceId]);
    expect((await run(HOLD, { input: { ...input, attendees: 10 } })).data!.holdSharedSpace).toEqual(first);
  });

  it('keeps the reason in the database only on a CREATED or RESCHEDULED entry, 500 characters at most', async () => {
    const spaceId = await kitchen();
    const startsAt = futureHour(8, 12);
    const held = (await run(HOLD, { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'Atelier', reference: reference() } })).data!
      .holdSharedSpace;
    const insert = (action: string, reason: string) =>
      graph.ds.query(`INSERT INTO space_booking_history (booking_id, action, actor, starts_at, ends_at, override_reason) VALUES ($1, $2, 'test', $3, $4, $5)`, [
        held.booking.id,
        action,
        startsAt,
        minutes(startsAt, 60),
        reason,
      ]);
    await expect(insert('CANCELLED', 'Non')).rejects.toThrow(/space_booking_history_override_action/);
    await expect(insert('CREATED', 'é'.repeat(501))).rejects.toThrow(/space_booking_history_override_reason/);
    await expect(insert('CREATED', '')).rejects.toThrow(/space_booking_history_override_reason/);
    await expect(insert('CREATED', 'é'.repeat(500))).resolves.toBeDefined();
  });
});
