import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { addDays, houseInstant, todayInHouse } from '@maison/house';
import { admin, anonymous, asTenant, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { activeMember, createMember, giveMembership, memberIdentity } from '../../test-fixtures';

/** Check-ins, check-outs, the 10-day card and the capacity of Espace KO through GraphQL, on real PostgreSQL. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule);
});
afterAll(async () => {
  await graph?.close();
});

const today = todayInHouse();
const yesterday = addDays(today, -1);

const CHECK_IN = `mutation($m: ID) { checkIn(memberId: $m) {
  checkIn { date usedCardDay checkedOutAt member { id } membership { plan { code } daysLeft status } } userErrors { code message field } } }`;
const CHECK_OUT = `mutation($m: ID) { checkOut(memberId: $m) { checkIn { date checkedOutAt } userErrors { code field } } }`;
const OCCUPANCY = `{ coworkingOccupancy { present capacity members { id displayName } } }`;

const checkIn = async (identity: Identity, memberId?: string) => {
  const { body } = await graph.execute(CHECK_IN, { m: memberId ?? null }, { identity });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.checkIn;
};
const checkInCodes = async (identity: Identity, memberId?: string) => (await checkIn(identity, memberId)).userErrors.map((e: { code: string }) => e.code);
const checkOut = async (identity: Identity, memberId?: string) => (await graph.execute(CHECK_OUT, { m: memberId ?? null }, { identity })).body.data!.checkOut;
const occupancy = async (identity: Identity = admin) => (await graph.execute(OCCUPANCY, {}, { identity })).body.data!.coworkingOccupancy;
const setCapacity = (capacity: number, identity: Identity = admin) =>
  graph.execute(
    `mutation($c: Int!) { setCoworkingCapacity(capacity: $c) { occupancy { present capacity } userErrors { code field } } }`,
    { c: capacity },
    { identity },
  );
const daysUsed = async (membershipId: string) => (await graph.ds.query('SELECT days_used FROM membership WHERE id = $1', [membershipId]))[0].days_used;

describe('checking in and out', () => {
  it('checks a member with a monthly plan in once, then out once: ALREADY_CHECKED_IN and NOT_CHECKED_IN beyond', async () => {
    const { id, identity } = await activeMember(graph.ds);
    expect(await checkIn(identity)).toEqual({
      checkIn: {
        date: today,
        usedCardDay: false,
        checkedOutAt: null,
        member: { id },
        membership: { plan: { code: 'FULL_TIME_MONTHLY' }, daysLeft: null, status: 'ACTIVE' },
      },
      userErrors: [],
    });
    expect((await checkIn(identity)).userErrors).toEqual([
      { code: 'ALREADY_CHECKED_IN', message: 'Ce membre est déjà sur place : il faut d’abord pointer son départ.', field: ['memberId'] },
    ]);
    const out = await checkOut(identity);
    expect(out.userErrors).toEqual([]);
    expect(out.checkIn.date).toBe(today);
    expect(new Date(out.checkIn.checkedOutAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await checkOut(identity)).toEqual({ checkIn: null, userErrors: [{ code: 'NOT_CHECKED_IN', field: ['memberId'] }] });
    expect(await checkInCodes(identity)).toEqual([]);
  });

  it('uses one day of a 10-day card per day, however often its holder comes and goes that day', async () => {
    const memberId = await createMember(graph.ds);
    const card = await giveMembership(graph.ds, memberId, 'TEN_DAY_CARD', { startsIn: -20, daysUsed: 3 });
    const me = memberIdentity(memberId);
    const first = await checkIn(me);
    expect(first.checkIn).toMatchObject({ usedCardDay: true, membership: { plan: { code: 'TEN_DAY_CARD' }, daysLeft: 6, status: 'ACTIVE' } });
    await checkOut(me);
    expect((await checkIn(me)).checkIn).toMatchObject({ usedCardDay: false, membership: { daysLeft: 6 } });
    await checkOut(me);
    expect((await checkIn(me)).checkIn.usedCardDay).toBe(false);
    expect(await daysUsed(card)).toBe(4);
  });

  it('uses a new day of the card on a new day: a visit yesterday does not pay for today', async () => {
    const memberId = await createMember(graph.ds);
    const card = await giveMembership(graph.ds, memberId, 'TEN_DAY_CARD', { startsIn: -20, daysUsed: 1 });
    await graph.ds.query(
      `INSERT INTO check_in (id, member_id, membership_id, local_date, used_card_day, checked_in_at, checked_out_at) VALUES ($1, $2, $3, $4, true, $5, $6)`,
      [randomUUID(), memberId, card, yesterday, houseInstant(yesterday, '09:00'), houseInstant(yesterday, '17:00')],
    );
    expect((await checkIn(memberIdentity(memberId))).checkIn).toMatchObject({ usedCardDay: true, membership: { daysLeft: 8 } });
    expect(await daysUsed(card)).toBe(2);
  });

  it('lets the last day of a card be used all day, then asks for a membership the next day', async () => {
    const memberId = await createMember(graph.ds);
    const card = await giveMembership(graph.ds, memberId, 'TEN_DAY_CARD', { startsIn: -200, daysUsed: 9 });
    const me = memberIdentity(memberId);
    expect((await checkIn(me)).checkIn).toMatchObject({ usedCardDay: true, membership: { daysLeft: 0, status: 'EXPIRED' } });
    await checkOut(me);
    expect((await checkIn(me)).checkIn).toMatchObject({ usedCardDay: false, membership: { daysLeft: 0 } });
    await checkOut(me);
    // The same visits, one day earlier: today is a new day for a card with no day left.
    await graph.ds.query('UPDATE check_in SET local_date = $2 WHERE member_id = $1', [memberId, yesterday]);
    expect(await checkInCodes(me)).toEqual(['MEMBERSHIP_REQUIRED']);
    expect(await daysUsed(card)).toBe(10);
  });

  it('prefers a day pass or monthly plan over a card, which keeps its days', async () => {
    const memberId = await createMember(graph.ds);
    const card = await giveMembership(graph.ds, memberId, 'TEN_DAY_CARD', { startsIn: -20, daysUsed: 2 });
    await giveMembership(graph.ds, memberId, 'DAY_PASS');
    expect((await checkIn(memberIdentity(memberId))).checkIn).toMatchObject({ usedCardDay: false, membership: { plan: { code: 'DAY_PASS' } } });
    expect(await daysUsed(card)).toBe(2);
  });

  it('refuses a member without a membership valid today (MEMBERSHIP_REQUIRED), on both sides of each boundary', async () => {
    const codesWith = async (plan: 'DAY_PASS' | 'FULL_TIME_MONTHLY' | 'TEN_DAY_CARD' | null, o: Parameters<typeof giveMembership>[3] = {}) => {
      const memberId = await createMember(graph.ds);
      if (plan) await giveMembership(graph.ds, memberId, plan, o);
      return checkInCodes(memberIdentity(memberId));
    };
    expect(await codesWith(null)).toEqual(['MEMBERSHIP_REQUIRED']);
    expect(await codesWith('DAY_PASS', { startsIn: -1 })).toEqual(['MEMBERSHIP_REQUIRED']);
    expect(await codesWith('DAY_PASS', { startsIn: 0 })).toEqual([]);
    expect(await codesWith('DAY_PASS', { startsIn: 1 })).toEqual(['MEMBERSHIP_REQUIRED']);
    expect(await codesWith('FULL_TIME_MONTHLY', { cancelled: true })).toEqual(['MEMBERSHIP_REQUIRED']);
    expect(await codesWith('TEN_DAY_CARD', { startsIn: -10, daysUsed: 10 })).toEqual(['MEMBERSHIP_REQUIRED']);
    expect(await codesWith('TEN_DAY_CARD', { startsIn: -10, daysUsed: 9 })).toEqual([]);
    expect((await checkIn(memberIdentity(await createMember(graph.ds)))).userErrors[0].message).toBe(
      'Il faut un abonnement valide aujourd’hui : passe d’un jour, carte avec des jours restants ou abonnement mensuel.',
    );
  });

  it('closes a check-in left open on an earlier day at the end of that day, and lets the member in today', async () => {
    const { id, identity } = await activeMember(graph.ds);
    const membership = (await graph.ds.query('SELECT id FROM membership WHERE member_id = $1', [id]))[0].id;
    const stale = randomUUID();
    await graph.ds.query('INSERT INTO check_in (id, member_id, membership_id, local_date, checked_in_at) VALUES ($1, $2, $3, $4, $5)', [
      stale,
      id,
      membership,
      yesterday,
      houseInstant(yesterday, '09:00'),
    ]);
    expect(await checkInCodes(identity)).toEqual([]);
    const [row] = await graph.ds.query('SELECT checked_out_at FROM check_in WHERE id = $1', [stale]);
    expect(row.checked_out_at).toEqual(houseInstant(today, '00:00'));
  });

  it('lets ADMIN check any member in and out; a member acting for another is FORBIDDEN, a non-member too, anonymous UNAUTHENTICATED', async () => {
    const { id } = await activeMember(graph.ds);
    const other = await activeMember(graph.ds);
    const errorCode = async (identity: Identity, memberId?: string) =>
      (await graph.execute(CHECK_IN, { m: memberId ?? null }, { identity })).body.errors?.[0]?.extensions?.code;
    expect(await errorCode(other.identity, id)).toBe('FORBIDDEN');
    expect(await errorCode(asTenant('massotherapie'))).toBe('FORBIDDEN');
    expect(await errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(await errorCode(admin)).toBe('BAD_USER_INPUT');
    expect((await checkIn(admin, id)).checkIn.member).toEqual({ id });
    expect((await checkOut(admin, id)).userErrors).toEqual([]);
    expect(await checkInCodes(admin, randomUUID())).toEqual(['UNKNOWN_HOLDER']);
  });
});

describe('the capacity of Espace KO', () => {
  it('starts at the 24 seats of the seed, and only ADMIN changes it, between 1 and 500', async () => {
    expect((await occupancy()).capacity).toBe(24);
    expect((await setCapacity(0)).body.data!.setCoworkingCapacity).toEqual({ occupancy: null, userErrors: [{ code: 'INVALID_INPUT', field: ['capacity'] }] });
    expect((await setCapacity(501)).body.data!.setCoworkingCapacity.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    expect((await setCapacity(500)).body.data!.setCoworkingCapacity.occupancy.capacity).toBe(500);
    expect((await setCapacity(10, (await activeMember(graph.ds)).identity)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await setCapacity(24)).body.data!.setCoworkingCapacity.userErrors).toEqual([]);
  });

  it('refuses a check-in when every seat is taken (SPACE_FULL) and accepts one again after a check-out', async () => {
    const { present } = await occupancy();
    await setCapacity(present + 1);
    const first = await activeMember(graph.ds);
    const second = await activeMember(graph.ds);
    expect(await checkInCodes(first.identity)).toEqual([]);
    expect((await checkIn(second.identity)).userErrors).toEqual([
      { code: 'SPACE_FULL', message: `L’Espace KO est complet (${present + 1} places).`, field: null },
    ]);
    expect((await occupancy()).present).toBe(present + 1);
    await checkOut(first.identity);
    expect(await checkInCodes(second.identity)).toEqual([]);
    await setCapacity(24);
  });

  it('does not use a day of a card when the member is turned away', async () => {
    const { present } = await occupancy();
    await setCapacity(Math.max(1, present));
    const memberId = await createMember(graph.ds);
    const card = await giveMembership(graph.ds, memberId, 'TEN_DAY_CARD', { startsIn: -5, daysUsed: 0 });
    expect(await checkInCodes(memberIdentity(memberId))).toEqual(['SPACE_FULL']);
    expect(await daysUsed(card)).toBe(0);
    await setCapacity(24);
  });
});

describe('coworkingOccupancy', () => {
  it('counts everyone present, and names them only to members (public ones and themself) and ADMIN', async () => {
    await graph.ds.query('UPDATE check_in SET checked_out_at = now() WHERE checked_out_at IS NULL');
    const visible = await createMember(graph.ds, { name: 'Aude Visible-Fictive' });
    const hidden = await createMember(graph.ds, { name: 'Basile Discret-Fictif', isPublic: false });
    for (const id of [visible, hidden]) await giveMembership(graph.ds, id, 'DAY_PASS');
    await checkIn(memberIdentity(visible));
    await checkIn(memberIdentity(hidden));
    const both = [
      { id: visible, displayName: 'Aude Visible-Fictive' },
      { id: hidden, displayName: 'Basile Discret-Fictif' },
    ];
    expect(await occupancy(anonymous)).toEqual({ present: 2, capacity: 24, members: null });
    expect(await occupancy(asTenant('acupuncture'))).toEqual({ present: 2, capacity: 24, members: null });
    expect(await occupancy((await activeMember(graph.ds)).identity)).toEqual({ present: 2, capacity: 24, members: [both[0]] });
    expect(await occupancy(memberIdentity(hidden))).toEqual({ present: 2, capacity: 24, members: both });
    expect(await occupancy(admin)).toEqual({ present: 2, capacity: 24, members: both });
  });
});
