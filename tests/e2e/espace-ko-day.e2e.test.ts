import { todayInHouse } from '@maison/house';
import { admin, anonymous, startGraph, type RunningGraph } from '@maison/testing';
import type { Identity } from '@maison/auth';

/**
 * Espace KO keeps its own records, end to end through the gateway: ADMIN adds a member and a
 * part-time plan, the member joins it, checks in on a day the plan allows, and is refused on a
 * day it does not (ADMIN moves the plan's days off today), in French and in English.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const EN = { 'accept-language': 'en' };
const today = todayInHouse();
const weekday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
const otherDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== weekday).slice(0, 3);

/** The one field an operation asks for, from an answer that must be HTTP 200 without errors. */
const ask = async (query: string, variables: Record<string, unknown>, identity: Identity, headers: Record<string, string> = {}) =>
  Object.values(await graph.data(query, variables, { identity, headers }))[0] as any;

const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { member { id displayName isPublic } userErrors { code field } } }`;
const CREATE_PLAN = `mutation($input: CreateMembershipPlanInput!) {
  createMembershipPlan(input: $input) { plan { id slug allowedWeekdays taxes { total { formatted } } } userErrors { code field } } }`;
const UPDATE_PLAN = `mutation($id: ID!, $input: UpdateMembershipPlanInput!) { updateMembershipPlan(id: $id, input: $input) { plan { allowedWeekdays } userErrors { code } } }`;
const JOIN = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { membership { status plan { slug } price { amountCents } } userErrors { code } } }`;
const CHECK_IN = `mutation { checkIn { checkIn { date } userErrors { code message } } }`;
const CHECK_OUT = `mutation { checkOut { checkIn { date } userErrors { code } } }`;
const MY_COWORKING = `{ me { myCoworking { member { displayName } currentMembership { plan { slug } } checkIns(first: 5) { date } } } }`;

describe('a day at Espace KO, its records kept through the API', () => {
  let member: Identity = anonymous;
  let planId = '';

  it('ADMIN adds a member and a part-time plan allowing today, and signs the member up to it', async () => {
    const created = await ask(
      CREATE_MEMBER,
      { input: { displayName: 'Odile Gagnon', email: 'odile@exemple.ca', profession: { fr: 'Céramiste', en: 'Ceramist' } } },
      admin,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.member).toMatchObject({ displayName: 'Odile Gagnon', isPublic: false });
    member = { sub: 'odile@test', roles: ['MEMBER'], memberId: created.member.id };

    const days = [weekday, ...otherDays.slice(0, 1)].sort();
    const plan = await ask(
      CREATE_PLAN,
      {
        input: {
          slug: 'deux-jours',
          code: 'PART_TIME_MONTHLY',
          name: { fr: 'Deux jours par semaine', en: 'Two days a week' },
          priceCents: 9000,
          allowedWeekdays: days,
        },
      },
      admin,
    );
    expect(plan.userErrors).toEqual([]);
    expect(plan.plan).toMatchObject({ slug: 'deux-jours', allowedWeekdays: days, taxes: { total: { formatted: '103,48\u00a0$' } } });
    planId = plan.plan.id;

    // A member buys only a day pass for themself; ADMIN signs them up to a monthly plan.
    expect((await ask(JOIN, { input: { planId } }, member)).userErrors).toEqual([{ code: 'NOT_ELIGIBLE' }]);
    const joined = await ask(JOIN, { input: { planId, memberId: member.memberId } }, admin);
    expect(joined.userErrors).toEqual([]);
    expect(joined.membership).toEqual({ status: 'ACTIVE', plan: { slug: 'deux-jours' }, price: { amountCents: 9000 } });
  });

  it('checks in on a day the plan allows, and sees it in myCoworking', async () => {
    expect(await ask(CHECK_IN, {}, member)).toEqual({ checkIn: { date: today }, userErrors: [] });
    expect(await ask(MY_COWORKING, {}, member)).toEqual({
      myCoworking: { member: { displayName: 'Odile Gagnon' }, currentMembership: { plan: { slug: 'deux-jours' } }, checkIns: [{ date: today }] },
    });
    expect((await ask(CHECK_OUT, {}, member)).userErrors).toEqual([]);
  });

  it('is refused on a day the plan does not allow, in French and in English', async () => {
    expect(await ask(UPDATE_PLAN, { id: planId, input: { allowedWeekdays: otherDays } }, admin)).toEqual({
      plan: { allowedWeekdays: otherDays },
      userErrors: [],
    });
    const days = otherDays.join(', ');
    expect(await ask(CHECK_IN, {}, member)).toEqual({
      checkIn: null,
      userErrors: [{ code: 'NOT_A_PLAN_DAY', message: `Votre forfait ne permet pas de venir ce jour-là (jours permis, 1 = lundi : ${days}).` }],
    });
    expect((await ask(CHECK_IN, {}, member, EN)).userErrors).toEqual([
      { code: 'NOT_A_PLAN_DAY', message: `Your plan does not allow coming on this day (allowed days, 1 = Monday: ${days}).` },
    ]);
  });
});
