import { randomUUID } from 'node:crypto';
import { DEV_SIGNING_SECRET } from '@maison/config';
import { ServiceClient } from '@maison/kit';
import { TenantsLedger, type CallContext, type SpaceLedger } from '@maison/space-holds';
import { admin, KITCHEN, startLedgerStub, startTestSubgraph, TERRACE } from '@maison/testing';
import { tenantsModule } from '../../module';
import { addDays, todayInHouse } from '@maison/house';
import { futureHour, minutes } from '../../test-fixtures';

/**
 * The contract of the shared-space ledger: the same scenarios, through the one client
 * (@maison/space-holds), against the stub every holding subgraph tests with (@maison/testing) and
 * against the real HoldResolver on PostgreSQL. Whatever the stub answers, the ledger answers.
 */
interface Target {
  ledger: SpaceLedger;
  /** A booking of the ledger that is not a hold. */
  book(spaceId: string, startsAt: Date, endsAt: Date): Promise<void>;
  close(): Promise<void>;
}

async function stubTarget(): Promise<Target> {
  const stub = await startLedgerStub();
  return {
    ledger: new TenantsLedger(new ServiceClient(stub.url, DEV_SIGNING_SECRET, 'coworking')),
    book: async (spaceId, startsAt, endsAt) => void stub.state.bookings.push({ spaceId, startsAt, endsAt }),
    close: () => stub.close(),
  };
}

async function realTarget(): Promise<Target> {
  const graph = await startTestSubgraph(tenantsModule, { listen: true });
  const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
  return {
    ledger: new TenantsLedger(new ServiceClient(graph.url!, DEV_SIGNING_SECRET, 'coworking')),
    async book(spaceId, startsAt, endsAt) {
      const { body } = await graph.execute(BOOK, { input: { spaceId, startsAt, endsAt, title: 'Réservation' } }, { identity: admin });
      expect(body.data!.bookSharedSpace.userErrors).toEqual([]);
    },
    close: () => graph.close(),
  };
}

const ctx: CallContext = { lang: 'fr', requestId: 'contract' };
const reference = (kind = 'coworking-event') => `${kind}:${randomUUID()}-c0ffee`;
/**
 * Distinct days far ahead for each scenario, so that none meets another's holds or the seed's
 * bookings: in the terrace's season (May to October), with three months of it left, for holds keep
 * the season of their space.
 */
function seasonDay(from: number): number {
  for (let d = from; ; d += 1) {
    const monthDay = addDays(todayInHouse(), d).slice(5);
    if (monthDay >= '05-01' && monthDay <= '07-31') return d;
  }
}
let nextDay = seasonDay(100);
/** A day in January (the terrace is closed for the season), as far ahead as the scenarios' days. */
const januaryDay = (() => {
  for (let d = 100; ; d += 1) if (addDays(todayInHouse(), d).slice(5, 7) === '01') return d;
})();
const evening = (hour = 17, length = 120) => {
  const startsAt = futureHour(nextDay++, hour);
  return { startsAt, endsAt: minutes(startsAt, length) };
};

describe.each([
  ['the stub of @maison/testing', stubTarget],
  ['the real HoldResolver', realTarget],
])('the shared-space ledger, as %s', (_, start) => {
  let target: Target;
  let ledger: SpaceLedger;
  beforeAll(async () => {
    target = await start();
    ledger = target.ledger;
  });
  afterAll(async () => {
    await target?.close();
  });

  it('holds a placement, and answers the same live hold to every hold of its reference', async () => {
    const r = reference();
    const at = evening();
    const placement = { spaceId: KITCHEN, ...at, title: '  5 à 7  ' };
    const held = { hold: { spaceId: KITCHEN, ...at, title: '5 à 7' }, errors: [] };
    expect(await ledger.hold(ctx, { reference: r, ...placement })).toEqual(held);
    expect(await ledger.hold(ctx, { reference: r, ...placement, startsAt: minutes(at.startsAt, 30) })).toEqual(held);
  });

  it('refuses what overlaps a booking with its cleaning buffer, an unknown space, a malformed reference, a backwards range', async () => {
    const at = evening(17, 60);
    await target.book(KITCHEN, minutes(at.startsAt, 120), minutes(at.startsAt, 180));
    // The kitchen's buffer is 30 minutes: a hold may end 30 minutes before the booking starts, not later.
    expect(
      (await ledger.hold(ctx, { reference: reference(), spaceId: KITCHEN, startsAt: at.startsAt, endsAt: minutes(at.startsAt, 91), title: 'Trop long' }))
        .errors,
    ).toEqual([{ code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] }]);
    expect(
      (await ledger.hold(ctx, { reference: reference(), spaceId: KITCHEN, startsAt: at.startsAt, endsAt: minutes(at.startsAt, 90), title: 'Juste' })).errors,
    ).toEqual([]);
    const other = { reference: reference(), ...evening(), title: 'x' };
    expect(await ledger.hold(ctx, { ...other, spaceId: randomUUID() })).toEqual({ hold: null, errors: [{ code: 'NOT_FOUND', field: ['input', 'spaceId'] }] });
    expect(await ledger.hold(ctx, { ...other, spaceId: KITCHEN, reference: 'pas une référence' })).toEqual({
      hold: null,
      errors: [{ code: 'INVALID_INPUT', field: ['input', 'reference'] }],
    });
    expect(await ledger.hold(ctx, { ...other, spaceId: KITCHEN, endsAt: other.startsAt })).toEqual({
      hold: null,
      errors: [{ code: 'INVALID_RANGE', field: ['input', 'endsAt'] }],
    });
  });

  it('moves a live hold, refuses a move over a booking or to an unknown space, and a move of no live hold', async () => {
    const r = reference('vernissage');
    const at = evening();
    await ledger.hold(ctx, { reference: r, spaceId: KITCHEN, ...at, title: 'Vernissage' });
    const later = { startsAt: minutes(at.startsAt, 60), endsAt: minutes(at.endsAt, 60) };
    expect(await ledger.move(ctx, { reference: r, spaceId: TERRACE, ...later, title: 'Vernissage (terrasse)' })).toEqual({
      hold: { spaceId: TERRACE, ...later, title: 'Vernissage (terrasse)' },
      errors: [],
    });
    await target.book(KITCHEN, at.startsAt, at.endsAt);
    expect(await ledger.move(ctx, { reference: r, spaceId: KITCHEN, ...at, title: 'Retour' })).toEqual({
      hold: null,
      errors: [{ code: 'SLOT_UNAVAILABLE', field: ['startsAt'] }],
    });
    expect(await ledger.move(ctx, { reference: r, spaceId: randomUUID(), ...later, title: 'Ailleurs' })).toEqual({
      hold: null,
      errors: [{ code: 'NOT_FOUND', field: ['spaceId'] }],
    });
    expect(await ledger.move(ctx, { reference: reference('vernissage'), spaceId: TERRACE, ...later, title: 'Aucune' })).toEqual({
      hold: null,
      errors: [{ code: 'NOT_FOUND', field: ['reference'] }],
    });
  });

  it('releases a hold for good: idempotently, and no later hold of its reference', async () => {
    const r = reference();
    const at = evening();
    await ledger.hold(ctx, { reference: r, spaceId: TERRACE, ...at, title: 'Causerie' });
    expect(await ledger.release(ctx, r)).toEqual({ hold: { spaceId: TERRACE, ...at, title: 'Causerie' }, errors: [] });
    expect(await ledger.release(ctx, r)).toEqual({ hold: null, errors: [] });
    expect(await ledger.hold(ctx, { reference: r, spaceId: TERRACE, ...at, title: 'Causerie' })).toEqual({
      hold: null,
      errors: [{ code: 'ALREADY_CANCELLED', field: ['input', 'reference'] }],
    });
    expect(await ledger.move(ctx, { reference: r, spaceId: TERRACE, ...at, title: 'Causerie' })).toEqual({
      hold: null,
      errors: [{ code: 'NOT_FOUND', field: ['reference'] }],
    });
    // The slot is free again, for another reference.
    expect((await ledger.hold(ctx, { reference: reference(), spaceId: TERRACE, ...at, title: 'Autre' })).errors).toEqual([]);
  });

  it('lets a release overtake its hold: the late hold is refused, the space stays free', async () => {
    const r = reference();
    const at = evening();
    expect(await ledger.release(ctx, r)).toEqual({ hold: null, errors: [] });
    expect(await ledger.hold(ctx, { reference: r, spaceId: KITCHEN, ...at, title: 'En retard' })).toEqual({
      hold: null,
      errors: [{ code: 'ALREADY_CANCELLED', field: ['input', 'reference'] }],
    });
    expect(await ledger.liveHolds(ctx, 'coworking-event', at.startsAt)).not.toContainEqual(expect.objectContaining({ reference: r }));
  });

  it('lists the live holds of one kind ending after an instant, in reference order, page after page', async () => {
    const kind = `contrat-${randomUUID().slice(0, 8)}`;
    const firstDay = nextDay;
    nextDay += 18;
    const first = futureHour(firstDay, 9);
    // 205 holds (more than a page of 200) of half an hour, twelve a day inside the terrace's opening hours (9:00 to 21:00); one released, one of another kind.
    const made = [];
    for (let i = 0; i < 205; i += 1) {
      const startsAt = futureHour(firstDay + Math.floor(i / 12), 9 + (i % 12));
      const r = `${kind}:${String(i).padStart(3, '0')}`;
      expect((await ledger.hold(ctx, { reference: r, spaceId: TERRACE, startsAt, endsAt: minutes(startsAt, 30), title: `n° ${i}` })).errors).toEqual([]);
      made.push({ reference: r, spaceId: TERRACE, startsAt, endsAt: minutes(startsAt, 30), title: `n° ${i}` });
    }
    await ledger.release(ctx, `${kind}:003`);
    await ledger.hold(ctx, { reference: `${kind}x:000`, spaceId: KITCHEN, ...evening(), title: 'Autre sorte' });
    const live = made.filter((h) => h.reference !== `${kind}:003`);
    expect(await ledger.liveHolds(ctx, kind, first)).toEqual(live);
    // Ending after the end of the tenth: from the eleventh on.
    expect(await ledger.liveHolds(ctx, kind, made[9]!.endsAt)).toEqual(live.slice(9));
  });

  it('keeps the capacity, opening hours and season of the space, for holds and moves, unless overridden', async () => {
    const at = evening();
    const kitchen = { spaceId: KITCHEN, ...at, title: 'Atelier' };
    expect(await ledger.hold(ctx, { reference: reference(), ...kitchen, attendees: 13 })).toEqual({
      hold: null,
      errors: [{ code: 'OVER_CAPACITY', field: ['input', 'attendees'] }],
      spaceCapacity: 12,
    });
    const night = { spaceId: KITCHEN, startsAt: futureHour(nextDay, 23), endsAt: futureHour(nextDay + 1, 1), title: 'Nuit blanche' };
    nextDay += 2;
    expect(await ledger.hold(ctx, { reference: reference(), ...night })).toEqual({
      hold: null,
      errors: [{ code: 'OUTSIDE_OPENING_HOURS', field: ['input', 'startsAt'] }],
    });
    const january = { spaceId: TERRACE, startsAt: futureHour(januaryDay, 17), endsAt: futureHour(januaryDay, 19), title: 'Vernissage' };
    expect(await ledger.hold(ctx, { reference: reference('vernissage'), ...january })).toEqual({
      hold: null,
      errors: [{ code: 'OUT_OF_SEASON', field: ['input', 'startsAt'] }],
    });
    // Every rule broken at once, with an override: held, and answered the same again.
    const overridden = { reference: reference(), ...night, attendees: 40, overrideReason: 'Nuit des ateliers, le salon ouvert' };
    const held = { hold: { spaceId: KITCHEN, startsAt: night.startsAt, endsAt: night.endsAt, title: 'Nuit blanche' }, errors: [] };
    expect(await ledger.hold(ctx, overridden)).toEqual(held);
    expect(await ledger.hold(ctx, overridden)).toEqual(held);
    // The attendees the space holds, in its hours: held.
    const r = reference('vernissage');
    expect(await ledger.hold(ctx, { reference: r, ...kitchen, attendees: 12 })).toEqual({ hold: { ...kitchen }, errors: [] });
    // Moves: the same rules on the move's own arguments.
    expect(await ledger.move(ctx, { reference: r, ...kitchen, attendees: 20 })).toEqual({
      hold: null,
      errors: [{ code: 'OVER_CAPACITY', field: ['attendees'] }],
      spaceCapacity: 12,
    });
    expect(await ledger.move(ctx, { reference: r, ...january, attendees: 20 })).toEqual({
      hold: null,
      errors: [{ code: 'OUT_OF_SEASON', field: ['startsAt'] }],
    });
    expect(await ledger.move(ctx, { reference: r, ...january, attendees: 20, overrideReason: 'Vernissage sous la neige' })).toEqual({
      hold: { ...january },
      errors: [],
    });
    // A reason that is no printable text is refused, overridden or not.
    expect(await ledger.hold(ctx, { reference: reference(), ...kitchen, overrideReason: 'bip \u0007' })).toEqual({
      hold: null,
      errors: [{ code: 'INVALID_INPUT', field: ['input', 'override', 'reason'] }],
    });
    expect(await ledger.move(ctx, { reference: r, ...kitchen, overrideReason: ' '.repeat(3) })).toEqual({
      hold: null,
      errors: [{ code: 'INVALID_INPUT', field: ['override', 'reason'] }],
    });
  });
});
