import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Identity } from '@maison/auth';
import { addDays, todayInHouse } from '@maison/house';
import { admin, anonymous, asTenant, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { createMember, giveMembership, memberIdentity } from '../../test-fixtures';

/** Buying and cancelling plans through GraphQL, on real PostgreSQL. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule, { seed: true });
});
afterAll(async () => {
  await graph?.close();
});

const today = todayInHouse();
const yearLater = (d: string) => DateTime.fromISO(d).plus({ years: 1 }).minus({ days: 1 }).toISODate()!;
const monthLater = (d: string) => DateTime.fromISO(d).plus({ months: 1 }).minus({ days: 1 }).toISODate()!;

const JOIN = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) {
  membership { plan { code } startsOn endsOn status daysLeft cancelledAt member { id } } userErrors { code message field } } }`;
const join = async (identity: Identity, input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(JOIN, { input }, { identity, lang })).body;
const joined = async (identity: Identity, input: Record<string, unknown>) => {
  const body = await join(identity, input);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.joinPlan;
};
const codes = async (identity: Identity, input: Record<string, unknown>) => (await joined(identity, input)).userErrors.map((e: { code: string }) => e.code);

describe('joinPlan', () => {
  it('lets ADMIN sell any plan to any member: a card counts 10 days over a year, a monthly plan a month', async () => {
    const memberId = await createMember(graph.ds);
    expect(await joined(admin, { memberId, planCode: 'TEN_DAY_CARD' })).toEqual({
      membership: {
        plan: { code: 'TEN_DAY_CARD' },
        startsOn: today,
        endsOn: yearLater(today),
        status: 'ACTIVE',
        daysLeft: 10,
        cancelledAt: null,
        member: { id: memberId },
      },
      userErrors: [],
    });
    const next = addDays(today, 10);
    expect(await joined(admin, { memberId, planCode: 'FULL_TIME_MONTHLY', startsOn: next })).toEqual({
      membership: {
        plan: { code: 'FULL_TIME_MONTHLY' },
        startsOn: next,
        endsOn: monthLater(next),
        status: 'UPCOMING',
        daysLeft: null,
        cancelledAt: null,
        member: { id: memberId },
      },
      userErrors: [],
    });
  });

  it('lets a member buy a day pass for themself, today or later, and shows it as their current membership', async () => {
    const memberId = await createMember(graph.ds);
    const me = memberIdentity(memberId);
    expect((await joined(me, { planCode: 'DAY_PASS' })).membership).toEqual({
      plan: { code: 'DAY_PASS' },
      startsOn: today,
      endsOn: today,
      status: 'ACTIVE',
      daysLeft: null,
      cancelledAt: null,
      member: { id: memberId },
    });
    expect((await joined(me, { memberId, planCode: 'DAY_PASS', startsOn: addDays(today, 1) })).membership.status).toBe('UPCOMING');
    const { body } = await graph.execute(
      `query($id: ID!) { member(id: $id) { currentMembership { plan { code } endsOn } } }`,
      { id: memberId },
      { identity: me },
    );
    expect(body).toEqual({ data: { member: { currentMembership: { plan: { code: 'DAY_PASS' }, endsOn: today } } } });
  });

  it('refuses a member any plan but the day pass (NOT_ELIGIBLE), in the language of the request', async () => {
    const me = memberIdentity(await createMember(graph.ds));
    for (const planCode of ['TEN_DAY_CARD', 'PART_TIME_MONTHLY', 'FULL_TIME_MONTHLY']) expect(await codes(me, { planCode })).toEqual(['NOT_ELIGIBLE']);
    expect((await join(me, { planCode: 'TEN_DAY_CARD' }, 'en')).data!.joinPlan).toEqual({
      membership: null,
      userErrors: [{ code: 'NOT_ELIGIBLE', message: 'You are not eligible for this booking.', field: ['input', 'planCode'] }],
    });
  });

  it('refuses a member a day in the past (IN_THE_PAST) but lets ADMIN record one', async () => {
    const memberId = await createMember(graph.ds);
    const yesterday = addDays(today, -1);
    expect(await codes(memberIdentity(memberId), { planCode: 'DAY_PASS', startsOn: yesterday })).toEqual(['IN_THE_PAST']);
    expect((await joined(admin, { memberId, planCode: 'DAY_PASS', startsOn: yesterday })).membership.status).toBe('EXPIRED');
  });

  it('sells at most 366 days ahead (INVALID_INPUT beyond)', async () => {
    const memberId = await createMember(graph.ds);
    expect(await codes(admin, { memberId, planCode: 'DAY_PASS', startsOn: addDays(today, 366) })).toEqual([]);
    expect((await joined(admin, { memberId, planCode: 'DAY_PASS', startsOn: addDays(today, 367) })).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « startsOn » est invalide : au plus 366 jours à l’avance.', field: ['input', 'startsOn'] },
    ]);
  });

  it('refuses the same plan twice on one day (MEMBERSHIP_OVERLAP), but not a card once the first is used up', async () => {
    const memberId = await createMember(graph.ds);
    const me = memberIdentity(memberId);
    expect(await codes(me, { planCode: 'DAY_PASS' })).toEqual([]);
    expect(await codes(me, { planCode: 'DAY_PASS' })).toEqual(['MEMBERSHIP_OVERLAP']);
    expect(await codes(me, { planCode: 'DAY_PASS', startsOn: addDays(today, 1) })).toEqual([]);

    const carded = await createMember(graph.ds);
    const card = await giveMembership(graph.ds, carded, 'TEN_DAY_CARD', { startsIn: -30, daysUsed: 9 });
    expect(await codes(admin, { memberId: carded, planCode: 'TEN_DAY_CARD' })).toEqual(['MEMBERSHIP_OVERLAP']);
    await graph.ds.query('UPDATE membership SET days_used = 10 WHERE id = $1', [card]);
    expect(await codes(admin, { memberId: carded, planCode: 'TEN_DAY_CARD' })).toEqual([]);
  });

  it('answers UNKNOWN_HOLDER for an unknown or malformed member', async () => {
    expect(await codes(admin, { memberId: randomUUID(), planCode: 'DAY_PASS' })).toEqual(['UNKNOWN_HOLDER']);
    expect(await codes(admin, { memberId: "1' OR '1'='1", planCode: 'DAY_PASS' })).toEqual(['UNKNOWN_HOLDER']);
  });

  it('refuses anonymous callers (UNAUTHENTICATED), non-members and a member acting for another (FORBIDDEN), and ADMIN naming nobody (BAD_USER_INPUT)', async () => {
    const other = await createMember(graph.ds);
    const errorCode = async (identity: Identity, input: Record<string, unknown>) => {
      const body = await join(identity, input);
      return { code: body.errors?.[0]?.extensions?.code, data: body.data };
    };
    expect(await errorCode(anonymous, { planCode: 'DAY_PASS' })).toEqual({ code: 'UNAUTHENTICATED', data: null });
    expect(await errorCode(asTenant('graphisme'), { planCode: 'DAY_PASS' })).toEqual({ code: 'FORBIDDEN', data: null });
    expect(await errorCode(memberIdentity(await createMember(graph.ds)), { memberId: other, planCode: 'DAY_PASS' })).toEqual({ code: 'FORBIDDEN', data: null });
    expect(await errorCode(admin, { planCode: 'DAY_PASS' })).toEqual({ code: 'BAD_USER_INPUT', data: null });
    const rows = await graph.ds.query('SELECT count(*)::int AS n FROM membership WHERE member_id = $1', [other]);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('cancelMembership', () => {
  const CANCEL = `mutation($id: ID!) { cancelMembership(id: $id) { membership { id status } userErrors { code field } } }`;

  it('lets ADMIN cancel a membership once: CANCELLED, then ALREADY_CANCELLED; NOT_FOUND for an unknown id', async () => {
    const memberId = await createMember(graph.ds);
    const id = await giveMembership(graph.ds, memberId, 'FULL_TIME_MONTHLY');
    const cancel = async (membershipId: string) => (await graph.execute(CANCEL, { id: membershipId }, { identity: admin })).body.data!.cancelMembership;
    expect(await cancel(id)).toEqual({ membership: { id, status: 'CANCELLED' }, userErrors: [] });
    expect(await cancel(id)).toEqual({ membership: null, userErrors: [{ code: 'ALREADY_CANCELLED', field: ['id'] }] });
    expect(await cancel(randomUUID())).toEqual({ membership: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'] }] });
    expect(await cancel('nope')).toEqual({ membership: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'] }] });
  });

  it('is for ADMIN only: the member themself gets FORBIDDEN, anonymous UNAUTHENTICATED, and nothing changes', async () => {
    const memberId = await createMember(graph.ds);
    const id = await giveMembership(graph.ds, memberId, 'FULL_TIME_MONTHLY');
    expect((await graph.execute(CANCEL, { id }, { identity: memberIdentity(memberId) })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graph.execute(CANCEL, { id })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await graph.ds.query('SELECT cancelled_at FROM membership WHERE id = $1', [id])).toEqual([{ cancelled_at: null }]);
  });
});
