import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { houseInstant, todayInHouse } from '@maison/house';
import { admin, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { createMember, memberIdentity } from '../../test-fixtures';
import { PresenceService } from './presence.service';
import { isoWeekdayOf } from './presence.rules';

/** A part-time plan lets its members check in on its weekdays only (house time), on real PostgreSQL. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule, { seed: true });
});
afterAll(async () => {
  await graph?.close();
});

const today = todayInHouse();
const weekday = isoWeekdayOf(today);
const otherDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== weekday).slice(0, 3);

const CHECK_IN = `mutation($m: ID) { checkIn(memberId: $m) { checkIn { date membership { plan { slug allowedWeekdays } } } userErrors { code message field } } }`;
const checkIn = async (identity: Identity, lang: 'fr' | 'en' = 'fr') => {
  const { body } = await graph.execute(CHECK_IN, { m: null }, { identity, lang });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.checkIn;
};

/** A part-time plan with these days, created by ADMIN through GraphQL; returns its id. */
async function partTimePlan(allowedWeekdays: number[]): Promise<string> {
  const { body } = await graph.execute(
    `mutation($input: CreateMembershipPlanInput!) { createMembershipPlan(input: $input) { plan { id } userErrors { code } } }`,
    { input: { slug: `jours-${randomUUID().slice(0, 8)}`, code: 'PART_TIME_MONTHLY', name: { fr: 'Temps partiel' }, priceCents: 9000, allowedWeekdays } },
    { identity: admin },
  );
  return body.data!.createMembershipPlan.plan.id;
}
/** A member holding the plan, bought through joinPlan by ADMIN, from `startsOn`. */
async function memberOn(planId: string, startsOn = today): Promise<string> {
  const memberId = await createMember(graph.ds);
  const { body } = await graph.execute(
    `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { userErrors { code } } }`,
    { input: { memberId, planId, startsOn } },
    { identity: admin },
  );
  expect(body.data!.joinPlan.userErrors).toEqual([]);
  return memberId;
}

describe('a part-time plan at check-in', () => {
  it('lets its member in on a day of the plan', async () => {
    const planId = await partTimePlan([weekday, ...otherDays.slice(0, 1)]);
    const out = await checkIn(memberIdentity(await memberOn(planId)));
    expect(out.userErrors).toEqual([]);
    expect(out.checkIn.date).toBe(today);
  });

  it('refuses its member on another day: NOT_A_PLAN_DAY with the days of the plan, in French and English, and records nothing', async () => {
    const planId = await partTimePlan(otherDays);
    const memberId = await memberOn(planId);
    const days = [...otherDays].sort().join(', ');
    expect(await checkIn(memberIdentity(memberId))).toEqual({
      checkIn: null,
      userErrors: [
        { code: 'NOT_A_PLAN_DAY', message: `Votre forfait ne permet pas de venir ce jour-là (jours permis, 1 = lundi : ${days}).`, field: ['memberId'] },
      ],
    });
    expect((await checkIn(memberIdentity(memberId), 'en')).userErrors[0].message).toBe(
      `Your plan does not allow coming on this day (allowed days, 1 = Monday: ${days}).`,
    );
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM check_in WHERE member_id = $1', [memberId]))[0].n).toBe(0);
  });

  it('lets the member in with another membership valid today, such as a day pass', async () => {
    const memberId = await memberOn(await partTimePlan(otherDays));
    await graph.execute(
      `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { userErrors { code } } }`,
      { input: { memberId, planCode: 'DAY_PASS' } },
      { identity: admin },
    );
    const out = await checkIn(memberIdentity(memberId));
    expect(out.userErrors).toEqual([]);
    expect(out.checkIn.membership.plan.slug).toBe('day-pass');
  });

  it('follows the days ADMIN gives the plan, at once', async () => {
    const planId = await partTimePlan(otherDays);
    const memberId = await memberOn(planId);
    expect((await checkIn(memberIdentity(memberId))).userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_A_PLAN_DAY']);
    await graph.execute(
      `mutation($id: ID!, $input: UpdateMembershipPlanInput!) { updateMembershipPlan(id: $id, input: $input) { userErrors { code } } }`,
      { id: planId, input: { allowedWeekdays: [weekday] } },
      { identity: admin },
    );
    expect((await checkIn(memberIdentity(memberId))).userErrors).toEqual([]);
  });

  it('reads the weekday from the clock of the check-in, in house time', async () => {
    // A Monday-only plan, and a membership over the week of Monday 2027-03-01.
    const planId = await partTimePlan([1]);
    const memberId = await memberOn(planId, '2027-03-01');
    const at = (date: string, time: string) => new PresenceService(graph.ds, () => houseInstant(date, time));
    // House time, not UTC: Tuesday 00:30 in Montréal is not a day of the plan; Monday 23:30 in
    // Montréal (Tuesday 04:30 UTC) is.
    const tuesday = await at('2027-03-02', '00:30').checkIn(memberId);
    expect(tuesday.errors).toEqual([{ code: 'NOT_A_PLAN_DAY', field: ['memberId'], params: { days: '1' } }]);
    const monday = await at('2027-03-01', '23:30').checkIn(memberId);
    expect(monday.errors).toEqual([]);
    expect(monday.value!.date).toBe('2027-03-01');
  });
});
