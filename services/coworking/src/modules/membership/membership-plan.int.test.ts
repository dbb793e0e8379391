import type { Identity } from '@maison/auth';
import { addDays, todayInHouse } from '@maison/house';
import { admin, anonymous, asTenant, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { activeMember, createMember } from '../../test-fixtures';

/** ADMIN's plans through GraphQL, on real PostgreSQL: createMembershipPlan, updateMembershipPlan, and what they change for buyers. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule, { seed: true });
});
afterAll(async () => {
  await graph?.close();
});

const PLAN = `id slug code name description daysIncluded durationDays allowedWeekdays onSale
  price { amountCents formatted } taxes { gst { amountCents formatted } qst { amountCents formatted } total { amountCents formatted } pricesIncludeTaxes }`;
const CREATE = `mutation($input: CreateMembershipPlanInput!) { createMembershipPlan(input: $input) { plan { ${PLAN} } userErrors { code message field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMembershipPlanInput!) { updateMembershipPlan(id: $id, input: $input) { plan { ${PLAN} } userErrors { code message field } } }`;
const LIST = `query($all: Boolean!) { membershipPlans(includeOffSale: $all) { slug onSale } }`;
const JOIN = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) {
  membership { id endsOn plan { slug } price { amountCents } taxes { total { amountCents } } } userErrors { code message field } } }`;

let serial = 0;
const slug = () => `forfait-essai-${++serial}`;
const partTime = (o: Record<string, unknown> = {}) => ({
  slug: slug(),
  code: 'PART_TIME_MONTHLY',
  name: { fr: 'Temps partiel lundi-mercredi', en: 'Part time Monday-Wednesday' },
  priceCents: 12000,
  allowedWeekdays: [3, 1],
  ...o,
});

async function run(query: string, variables: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') {
  const { body } = await graph.execute(query, variables, { identity, lang });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Object.values(body.data!)[0] as {
    plan: Record<string, any> | null;
    membership?: Record<string, any> | null;
    userErrors: { code: string; message: string; field: string[] }[];
  };
}
const create = (input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => run(CREATE, { input }, admin, lang);
const update = (id: string, input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => run(UPDATE, { id, input }, admin, lang);
const created = async (input: Record<string, unknown>) => {
  const out = await create(input);
  expect(out.userErrors).toEqual([]);
  return out.plan!;
};
const errorsOf = (out: { userErrors: { code: string; field: string[] }[] }) => out.userErrors.map((e) => `${e.code}@${e.field.join('.')}`);
const planRows = async () => (await graph.ds.query('SELECT count(*)::int AS n FROM membership_plan'))[0].n as number;

describe('createMembershipPlan', () => {
  it('creates a part-time plan with its days in order, on sale, its price before taxes and its Quebec taxes', async () => {
    const input = partTime({ description: { fr: 'Deux jours par semaine.' }, priceCents: 2500 });
    expect((await create(input)).plan).toEqual({
      id: expect.any(String),
      slug: input.slug,
      code: 'PART_TIME_MONTHLY',
      name: 'Temps partiel lundi-mercredi',
      description: 'Deux jours par semaine.',
      daysIncluded: null,
      durationDays: null,
      allowedWeekdays: [1, 3],
      onSale: true,
      price: { amountCents: 2500, formatted: '25,00\u00a0$' },
      taxes: {
        gst: { amountCents: 125, formatted: '1,25\u00a0$' },
        qst: { amountCents: 249, formatted: '2,49\u00a0$' },
        total: { amountCents: 2874, formatted: '28,74\u00a0$' },
        pricesIncludeTaxes: false,
      },
    });
  });

  it('answers in English when asked', async () => {
    const out = await create(partTime({ priceCents: 2500 }), 'en');
    expect(out.plan).toMatchObject({ name: 'Part time Monday-Wednesday', price: { formatted: '$25.00' }, taxes: { total: { formatted: '$28.74' } } });
  });

  it('creates a plan of every kind that keeps the rules of its kind', async () => {
    expect((await created({ slug: slug(), code: 'DAY_PASS', name: { fr: 'Passe' }, priceCents: 0, durationDays: 1 })).durationDays).toBe(1);
    expect((await created({ slug: slug(), code: 'TEN_DAY_CARD', name: { fr: 'Carte 20' }, priceCents: 38000, daysIncluded: 20 })).daysIncluded).toBe(20);
    expect((await created({ slug: slug(), code: 'FULL_TIME_MONTHLY', name: { fr: 'Trimestre' }, priceCents: 1_000_000, durationDays: 92 })).durationDays).toBe(
      92,
    );
  });

  it('refuses every value out of bounds, with the field at fault, and saves nothing', async () => {
    const before = await planRows();
    const cases: [Record<string, unknown>, string][] = [
      [{ slug: 'Pas un slug' }, 'INVALID_INPUT@input.slug'],
      [{ slug: 'a'.repeat(61) }, 'INVALID_INPUT@input.slug'],
      [{ name: { fr: '  ' } }, 'INVALID_INPUT@input.name.fr'],
      [{ name: { fr: 'n'.repeat(121) } }, 'INVALID_INPUT@input.name.fr'],
      [{ name: { fr: 'Nom', en: 'n'.repeat(121) } }, 'INVALID_INPUT@input.name.en'],
      [{ description: { fr: 'd'.repeat(2001) } }, 'INVALID_INPUT@input.description.fr'],
      [{ priceCents: -1 }, 'INVALID_INPUT@input.priceCents'],
      [{ priceCents: 1_000_001 }, 'INVALID_INPUT@input.priceCents'],
      [{ durationDays: 0 }, 'INVALID_INPUT@input.durationDays'],
      [{ durationDays: 367 }, 'INVALID_INPUT@input.durationDays'],
      [{ allowedWeekdays: null }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ allowedWeekdays: [] }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ allowedWeekdays: [0, 1] }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ allowedWeekdays: [8] }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ allowedWeekdays: [2, 2] }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ allowedWeekdays: [1, 2, 3, 4, 5, 6, 7] }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ daysIncluded: 10 }, 'INVALID_INPUT@input.daysIncluded'],
      [{ code: 'DAY_PASS', allowedWeekdays: null, durationDays: 2 }, 'INVALID_INPUT@input.durationDays'],
      [{ code: 'DAY_PASS' }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ code: 'TEN_DAY_CARD', allowedWeekdays: null }, 'INVALID_INPUT@input.daysIncluded'],
      [{ code: 'TEN_DAY_CARD', allowedWeekdays: null, daysIncluded: 0 }, 'INVALID_INPUT@input.daysIncluded'],
      [{ code: 'TEN_DAY_CARD', allowedWeekdays: null, daysIncluded: 101 }, 'INVALID_INPUT@input.daysIncluded'],
      [{ code: 'FULL_TIME_MONTHLY' }, 'INVALID_INPUT@input.allowedWeekdays'],
    ];
    for (const [o, expected] of cases) {
      const out = await create(partTime(o));
      expect({ o, errors: errorsOf(out), plan: out.plan }).toEqual({ o, errors: [expected], plan: null });
    }
    // The bounds themselves are accepted.
    for (const o of [
      { slug: 'a'.repeat(60) },
      { name: { fr: 'n'.repeat(120) } },
      { priceCents: 0 },
      { durationDays: 366 },
      { allowedWeekdays: [1, 2, 3, 4, 5, 6] },
    ]) {
      expect(errorsOf(await create(partTime(o)))).toEqual([]);
    }
    expect(await planRows()).toBe(before + 5);
  });

  it('says why in French and in English', async () => {
    const fr = await create(partTime({ allowedWeekdays: [9] }));
    expect(fr.userErrors[0]!.message).toBe('La valeur de « allowedWeekdays » est invalide : 1 à 6 jours ISO distincts, de 1 (lundi) à 7 (dimanche).');
    const en = await create(partTime({ allowedWeekdays: [9] }), 'en');
    expect(en.userErrors[0]!.message).toBe('The value of "allowedWeekdays" is invalid: 1 to 6 distinct ISO weekdays, from 1 (Monday) to 7 (Sunday).');
  });

  it('refuses a slug another plan has: SLUG_TAKEN, the standard plans included', async () => {
    const first = await created(partTime());
    for (const taken of [first.slug, 'day-pass', 'part-time-monthly']) {
      expect(await create(partTime({ slug: taken }))).toEqual({
        plan: null,
        userErrors: [{ code: 'SLUG_TAKEN', message: 'Ce nom court est déjà pris.', field: ['input', 'slug'] }],
      });
    }
    expect((await create(partTime({ slug: first.slug }), 'en')).userErrors[0]!.message).toBe('This short name is already taken.');
  });
});

describe('updateMembershipPlan', () => {
  it('changes only the fields given; null clears the description', async () => {
    const plan = await created(partTime({ description: { fr: 'Avant' } }));
    const out = await update(plan.id, { priceCents: 13000, description: null, allowedWeekdays: [5, 2] });
    expect(out.userErrors).toEqual([]);
    expect(out.plan).toMatchObject({
      slug: plan.slug,
      name: plan.name,
      description: null,
      allowedWeekdays: [2, 5],
      price: { amountCents: 13000 },
      onSale: true,
    });
    expect((await update(plan.id, { name: { fr: 'Nouveau nom' } })).plan).toMatchObject({
      name: 'Nouveau nom',
      allowedWeekdays: [2, 5],
      price: { amountCents: 13000 },
    });
  });

  it('keeps the rules of the kind and the bounds, and changes nothing when it refuses', async () => {
    const plan = await created(partTime());
    for (const [input, expected] of [
      [{ allowedWeekdays: null }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ allowedWeekdays: [1, 1] }, 'INVALID_INPUT@input.allowedWeekdays'],
      [{ daysIncluded: 5 }, 'INVALID_INPUT@input.daysIncluded'],
      [{ priceCents: 1_000_001 }, 'INVALID_INPUT@input.priceCents'],
      [{ durationDays: 367 }, 'INVALID_INPUT@input.durationDays'],
      [{ name: { fr: '' } }, 'INVALID_INPUT@input.name.fr'],
    ] as const) {
      expect(errorsOf(await update(plan.id, input))).toEqual([expected]);
    }
    const card = await created({ slug: slug(), code: 'TEN_DAY_CARD', name: { fr: 'Carte' }, priceCents: 100, daysIncluded: 5 });
    expect(errorsOf(await update(card.id, { daysIncluded: null }))).toEqual(['INVALID_INPUT@input.daysIncluded']);
    expect(errorsOf(await update(card.id, { daysIncluded: 101 }))).toEqual(['INVALID_INPUT@input.daysIncluded']);
    const [row] = await graph.ds.query('SELECT price_cents, allowed_weekdays, days_included FROM membership_plan WHERE id = $1', [plan.id]);
    expect(row).toEqual({ price_cents: 12000, allowed_weekdays: [1, 3], days_included: null });
  });

  it('answers NOT_FOUND for a plan that does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'pas-un-uuid']) {
      expect(errorsOf(await update(id, { priceCents: 1 }))).toEqual(['NOT_FOUND@id']);
    }
  });

  it('changes the price of the standard part-time plan, which predates days, without asking for days', async () => {
    const standard = (await graph.ds.query(`SELECT id FROM membership_plan WHERE slug = 'part-time-monthly'`))[0].id;
    const out = await update(standard, { priceCents: 15000 });
    expect(out.userErrors).toEqual([]);
    expect(out.plan).toMatchObject({ allowedWeekdays: null, price: { amountCents: 15000 } });
  });

  it('takes a plan off sale: no longer listed but to ADMIN, no longer sold, memberships bought stay', async () => {
    const plan = await created(partTime());
    const memberId = await createMember(graph.ds);
    expect((await run(JOIN, { input: { memberId, planId: plan.id } })).userErrors).toEqual([]);
    expect((await update(plan.id, { onSale: false })).plan!.onSale).toBe(false);
    const listed = async (all: boolean, identity: Identity = anonymous) =>
      ((await graph.execute(LIST, { all }, { identity })).body.data!.membershipPlans as { slug: string }[]).map((p) => p.slug);
    expect(await listed(false)).not.toContain(plan.slug);
    expect(await listed(false)).toContain('day-pass');
    expect(await listed(true, admin)).toContain(plan.slug);
    const other = await createMember(graph.ds);
    expect(await run(JOIN, { input: { memberId: other, planId: plan.id } })).toEqual({
      membership: null,
      userErrors: [{ code: 'PLAN_OFF_SALE', message: 'Ce forfait n’est plus en vente.', field: ['input', 'planId'] }],
    });
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM membership WHERE plan_id = $1', [plan.id]))[0].n).toBe(1);
    expect((await update(plan.id, { onSale: true })).plan!.onSale).toBe(true);
    expect(await listed(false)).toContain(plan.slug);
  });
});

describe('the price of a membership', () => {
  it('is the price at purchase: a new price applies to new memberships only', async () => {
    const plan = await created(partTime({ priceCents: 2500 }));
    const [first, second] = [await createMember(graph.ds), await createMember(graph.ds)];
    const bought = (await run(JOIN, { input: { memberId: first, planId: plan.id } })).membership!;
    expect(bought).toMatchObject({ plan: { slug: plan.slug }, price: { amountCents: 2500 }, taxes: { total: { amountCents: 2874 } } });
    await update(plan.id, { priceCents: 20000 });
    const later = (await run(JOIN, { input: { memberId: second, planId: plan.id } })).membership!;
    expect(later).toMatchObject({ price: { amountCents: 20000 }, taxes: { total: { amountCents: 22995 } } });
    const { body } = await graph.execute(
      `query($id: ID!) { member(id: $id) { memberships { price { amountCents formatted } taxes { gst { amountCents } qst { amountCents } total { formatted } } } } }`,
      { id: first },
      { identity: admin, lang: 'en' },
    );
    expect(body.data!.member.memberships).toEqual([
      { price: { amountCents: 2500, formatted: '$25.00' }, taxes: { gst: { amountCents: 125 }, qst: { amountCents: 249 }, total: { formatted: '$28.74' } } },
    ]);
  });

  it('under a concurrent price change, is the price of the plan at one moment, never a mix', async () => {
    const plan = await created(partTime({ priceCents: 2500 }));
    const members = await Promise.all(Array.from({ length: 8 }, () => createMember(graph.ds)));
    const [joins] = await Promise.all([
      Promise.all(members.map((memberId) => run(JOIN, { input: { memberId, planId: plan.id } }))),
      update(plan.id, { priceCents: 3000 }),
    ]);
    for (const j of joins) expect([2500, 3000]).toContain(j.membership!.price.amountCents);
    const rows = await graph.ds.query('SELECT DISTINCT price_cents FROM membership WHERE plan_id = $1 AND price_cents NOT IN (2500, 3000)', [plan.id]);
    expect(rows).toEqual([]);
    expect((await run(JOIN, { input: { memberId: await createMember(graph.ds), planId: plan.id } })).membership!.price.amountCents).toBe(3000);
  });

  it('lasts the durationDays of its plan', async () => {
    const plan = await created({ slug: slug(), code: 'FULL_TIME_MONTHLY', name: { fr: 'Dix jours' }, priceCents: 100, durationDays: 10 });
    const memberId = await createMember(graph.ds);
    expect((await run(JOIN, { input: { memberId, planId: plan.id } })).membership!.endsOn).toBe(addDays(todayInHouse(), 9));
  });
});

describe('joinPlan names its plan', () => {
  it('by planCode (the standard plan of the kind) or planId, exactly one of them', async () => {
    const memberId = await createMember(graph.ds);
    expect((await run(JOIN, { input: { memberId, planCode: 'DAY_PASS' } })).membership!.plan).toEqual({ slug: 'day-pass' });
    expect(errorsOf(await run(JOIN, { input: { memberId } }))).toEqual(['INVALID_INPUT@input.planId']);
    const plan = await created(partTime());
    expect(errorsOf(await run(JOIN, { input: { memberId, planId: plan.id, planCode: 'DAY_PASS' } }))).toEqual(['INVALID_INPUT@input.planId']);
    expect(errorsOf(await run(JOIN, { input: { memberId, planId: '00000000-0000-4000-8000-000000000000' } }))).toEqual(['NOT_FOUND@input.planId']);
    expect(errorsOf(await run(JOIN, { input: { memberId, planId: 'nope' } }))).toEqual(['NOT_FOUND@input.planId']);
  });

  it('lets a member buy a day pass of any slug for themself, nothing else', async () => {
    const { id, identity } = await activeMember(graph.ds);
    const pass = await created({ slug: slug(), code: 'DAY_PASS', name: { fr: 'Passe du vendredi' }, priceCents: 1500 });
    expect((await run(JOIN, { input: { planId: pass.id, startsOn: addDays(todayInHouse(), 1) } }, identity)).membership!.price).toEqual({ amountCents: 1500 });
    const plan = await created(partTime());
    expect(errorsOf(await run(JOIN, { input: { memberId: id, planId: plan.id } }, identity))).toEqual(['NOT_ELIGIBLE@input.planId']);
  });
});

describe('who may manage plans', () => {
  it('ADMIN only: FORBIDDEN for members and tenants, UNAUTHENTICATED for anonymous callers, and nothing is saved', async () => {
    const plan = await created(partTime());
    const before = await planRows();
    const { identity: member } = await activeMember(graph.ds);
    for (const [identity, code] of [
      [member, 'FORBIDDEN'],
      [asTenant('communication'), 'FORBIDDEN'],
      [anonymous, 'UNAUTHENTICATED'],
    ] as const) {
      for (const [query, variables] of [
        [CREATE, { input: partTime() }],
        [UPDATE, { id: plan.id, input: { priceCents: 1 } }],
        [LIST, { all: true }],
      ] as const) {
        const { body } = await graph.execute(query, variables, { identity });
        expect({ code: body.errors?.[0]?.extensions?.code, data: body.data }).toEqual({ code, data: null });
      }
      // Everyone reads the plans on sale.
      const { body } = await graph.execute(LIST, { all: false }, { identity });
      expect(body.errors).toBeUndefined();
    }
    expect(await planRows()).toBe(before);
    expect((await graph.ds.query('SELECT price_cents FROM membership_plan WHERE id = $1', [plan.id]))[0].price_cents).toBe(12000);
  });
});
