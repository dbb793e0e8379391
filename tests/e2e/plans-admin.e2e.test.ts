import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, asMember, startGraph, type RunningGraph } from '@maison/testing';

/**
 * ADMIN manages Espace KO's plans through the gateway: two part-time plans, one allowing today's
 * weekday and one excluding it; a seeded member on each checks in (one in, one refused with
 * NOT_A_PLAN_DAY); then a new price shows in membershipPlans with its Quebec taxes, and the
 * membership already bought keeps the price it was bought at.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: 't_plans_admin_' } });
  await graph.settle();
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

const today = todayInHouse();
const weekday = ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
const notToday = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== weekday).slice(0, 2);
// Seeded members without a membership valid today (jeremie has none, clemence's is cancelled).
const allowed = 'jeremie-belanger';
const refused = 'clemence-cote';

const CREATE = `mutation($input: CreateMembershipPlanInput!) { createMembershipPlan(input: $input) {
  plan { id slug code allowedWeekdays onSale price { amountCents } } userErrors { code message field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMembershipPlanInput!) { updateMembershipPlan(id: $id, input: $input) { plan { price { amountCents } } userErrors { code } } }`;
const JOIN = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { membership { id price { amountCents } } userErrors { code message } } }`;
const CHECK_IN = `mutation { checkIn { checkIn { date membership { plan { slug } } } userErrors { code message field } } }`;
const PLANS = `{ membershipPlans { slug price { amountCents formatted } taxes { gst { formatted } qst { formatted } total { amountCents formatted } pricesIncludeTaxes } } }`;
const MEMBERSHIPS = `query($id: ID!) { member(id: $id) { memberships { plan { slug } price { amountCents } taxes { total { amountCents formatted } } } } }`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, identity = admin, lang?: 'fr' | 'en'): Promise<T> {
  const { status, body } = await graph.query(query, variables, { identity, ...(lang && { headers: { 'accept-language': lang } }) });
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return Object.values(body.data!)[0] as T;
}

describe('ADMIN manages the plans of Espace KO through the gateway', () => {
  let onToday: { id: string; slug: string };
  let offToday: { id: string; slug: string };

  it('creates two part-time plans: one allowing today’s weekday, one excluding it', async () => {
    const a = await ok(CREATE, {
      input: {
        slug: 'temps-partiel-aujourdhui',
        code: 'PART_TIME_MONTHLY',
        name: { fr: 'Temps partiel (aujourd’hui)' },
        priceCents: 2500,
        allowedWeekdays: [weekday],
      },
    });
    const b = await ok(CREATE, {
      input: {
        slug: 'temps-partiel-autres-jours',
        code: 'PART_TIME_MONTHLY',
        name: { fr: 'Temps partiel (autres jours)' },
        priceCents: 9000,
        allowedWeekdays: notToday,
      },
    });
    expect([a.userErrors, b.userErrors]).toEqual([[], []]);
    expect(a.plan).toMatchObject({ code: 'PART_TIME_MONTHLY', allowedWeekdays: [weekday], onSale: true, price: { amountCents: 2500 } });
    onToday = a.plan;
    offToday = b.plan;
    // Anyone reads the plans on sale, with their Quebec taxes.
    const plans = await ok<any[]>(PLANS, {}, anonymous);
    expect(plans.find((p) => p.slug === onToday.slug)).toEqual({
      slug: onToday.slug,
      price: { amountCents: 2500, formatted: '25,00\u00a0$' },
      taxes: {
        gst: { formatted: '1,25\u00a0$' },
        qst: { formatted: '2,49\u00a0$' },
        total: { amountCents: 2874, formatted: '28,74\u00a0$' },
        pricesIncludeTaxes: false,
      },
    });
  });

  it('a member on the plan of today checks in; a member on the other plan is refused with NOT_A_PLAN_DAY', async () => {
    for (const [slug, plan] of [
      [allowed, onToday],
      [refused, offToday],
    ] as const) {
      const joined = await ok(JOIN, { input: { memberId: stableId('member', slug), planId: plan.id } });
      expect(joined.userErrors).toEqual([]);
    }
    const inToday = await ok(CHECK_IN, {}, asMember(allowed));
    expect(inToday).toEqual({ checkIn: { date: today, membership: { plan: { slug: onToday.slug } } }, userErrors: [] });
    const days = notToday.join(', ');
    expect(await ok(CHECK_IN, {}, asMember(refused))).toEqual({
      checkIn: null,
      userErrors: [
        { code: 'NOT_A_PLAN_DAY', message: `Votre forfait ne permet pas de venir ce jour-là (jours permis, 1 = lundi : ${days}).`, field: ['memberId'] },
      ],
    });
    expect((await ok(CHECK_IN, {}, asMember(refused), 'en')).userErrors[0].message).toBe(
      `Your plan does not allow coming on this day (allowed days, 1 = Monday: ${days}).`,
    );
  });

  it('a new price shows in membershipPlans with its taxes; the membership already bought keeps its price, a new one pays the new price', async () => {
    await ok(PLANS, {}, anonymous); // kept by the response cache
    expect(await ok(UPDATE, { id: onToday.id, input: { priceCents: 20000 } })).toEqual({ plan: { price: { amountCents: 20000 } }, userErrors: [] });
    const plans = await ok<any[]>(PLANS, {}, anonymous, 'en');
    expect(plans.find((p) => p.slug === onToday.slug)).toEqual({
      slug: onToday.slug,
      price: { amountCents: 20000, formatted: '$200.00' },
      taxes: { gst: { formatted: '$10.00' }, qst: { formatted: '$19.95' }, total: { amountCents: 22995, formatted: '$229.95' }, pricesIncludeTaxes: false },
    });
    const kept = await ok(MEMBERSHIPS, { id: stableId('member', allowed) });
    expect(kept.memberships).toEqual([
      { plan: { slug: onToday.slug }, price: { amountCents: 2500 }, taxes: { total: { amountCents: 2874, formatted: '28,74\u00a0$' } } },
    ]);
    const later = await ok(JOIN, { input: { memberId: stableId('member', refused), planId: onToday.id, startsOn: addDays(today, 40) } });
    expect(later).toEqual({ membership: { id: expect.any(String), price: { amountCents: 20000 } }, userErrors: [] });
  });

  it('is for ADMIN only', async () => {
    const { body } = await graph.query(UPDATE, { id: onToday.id, input: { priceCents: 1 } }, { identity: asMember(allowed) });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await graph.query(CREATE, { input: { slug: 'x', code: 'DAY_PASS', name: { fr: 'X' }, priceCents: 1 } });
    expect(anon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
