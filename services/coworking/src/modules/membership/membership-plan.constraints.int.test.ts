import { randomUUID } from 'node:crypto';
import { withClient, useTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import { validatePlanFields, type PlanFields } from './membership-plan.rules';

/** The CHECK constraints of migration 007 refuse and accept the plans the API's rules do. */
const graph = useTestSubgraph(coworkingModule, { seed: false });

/** Inserts a plan straight into PostgreSQL, outside the application: whether the database accepts it. */
async function databaseAccepts(f: PlanFields): Promise<boolean> {
  return withClient(graph.databaseUrl, async (client) => {
    try {
      await client.query(
        `INSERT INTO membership_plan (id, code, slug, name, description, price_cents, duration_days, days_included, allowed_weekdays, on_sale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [randomUUID(), f.code, f.slug, f.name, f.description, f.priceCents, f.durationDays, f.daysIncluded, f.allowedWeekdays, f.onSale],
      );
      return true;
    } catch (error) {
      if ((error as { code: string }).code !== '23514') throw error; // only CHECK violations are expected
      return false;
    }
  });
}

let n = 0;
const plan = (o: Partial<PlanFields>): PlanFields => ({
  code: 'FULL_TIME_MONTHLY',
  slug: `contrainte-${++n}`,
  name: { fr: 'Forfait' },
  description: null,
  priceCents: 1000,
  durationDays: null,
  daysIncluded: null,
  allowedWeekdays: null,
  onSale: true,
  ...o,
});

const CASES: Partial<PlanFields>[] = [
  {},
  { priceCents: 0 },
  { priceCents: -1 },
  { priceCents: 1_000_000 },
  { priceCents: 1_000_001 },
  { durationDays: 1 },
  { durationDays: 0 },
  { durationDays: 366 },
  { durationDays: 367 },
  { code: 'DAY_PASS' },
  { code: 'DAY_PASS', durationDays: 1 },
  { code: 'DAY_PASS', durationDays: 2 },
  { code: 'DAY_PASS', allowedWeekdays: [1] },
  { code: 'TEN_DAY_CARD', daysIncluded: 1 },
  { code: 'TEN_DAY_CARD', daysIncluded: 100 },
  { code: 'TEN_DAY_CARD', daysIncluded: 0 },
  { code: 'TEN_DAY_CARD', daysIncluded: 101 },
  { code: 'TEN_DAY_CARD' },
  { daysIncluded: 10 },
  { code: 'PART_TIME_MONTHLY', allowedWeekdays: [1] },
  { code: 'PART_TIME_MONTHLY', allowedWeekdays: [1, 2, 3, 4, 5, 6] },
  { code: 'PART_TIME_MONTHLY', allowedWeekdays: [1, 2, 3, 4, 5, 6, 7] },
  { code: 'PART_TIME_MONTHLY', allowedWeekdays: [] },
  { code: 'PART_TIME_MONTHLY', allowedWeekdays: [0] },
  { code: 'PART_TIME_MONTHLY', allowedWeekdays: [8] },
  { code: 'PART_TIME_MONTHLY', allowedWeekdays: [2, 2] },
  { allowedWeekdays: [1, 2] },
  { slug: 'Majuscule' },
  { slug: 'a--b' },
  { slug: 'a'.repeat(60) },
  { slug: 'b'.repeat(61) },
  { name: { fr: 'n'.repeat(120) } },
  { name: { fr: 'n'.repeat(121) } },
  { name: { fr: 'Nom', en: 'n'.repeat(121) } },
  { description: { fr: 'd'.repeat(2000) } },
  { description: { fr: 'd'.repeat(2001) } },
];

describe('the constraints of a plan (migration 007)', () => {
  it('accept exactly the plans the rules accept', async () => {
    for (const o of CASES) {
      const fields = plan(o);
      // The rules order the weekdays; the database keeps them in order.
      const cleaned = validatePlanFields(fields, { weekdaysRequired: true });
      const verdict = { case: o, api: cleaned.violations.length === 0, database: await databaseAccepts(cleaned.fields) };
      expect(verdict).toEqual({ ...verdict, database: verdict.api });
    }
  });

  it('keep the weekdays in order, and let a part-time plan without days in only as the standard plan predates them', async () => {
    expect(await databaseAccepts(plan({ code: 'PART_TIME_MONTHLY', allowedWeekdays: [3, 1] }))).toBe(false);
    expect(await databaseAccepts(plan({ code: 'PART_TIME_MONTHLY', allowedWeekdays: null }))).toBe(true);
  });

  it('give a membership inserted without a price its plan price, and keep it when the plan changes', async () => {
    await withClient(graph.databaseUrl, async (client) => {
      const planId = randomUUID();
      const memberId = randomUUID();
      await client.query(`INSERT INTO membership_plan (id, code, slug, name, price_cents) VALUES ($1, 'FULL_TIME_MONTHLY', $2, '{"fr":"P"}', 4200)`, [
        planId,
        `prix-${planId}`,
      ]);
      await client.query(`INSERT INTO member (id, display_name, joined_on) VALUES ($1, 'M', '2026-01-01')`, [memberId]);
      const [row] = (
        await client.query(
          `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on) VALUES ($1, $2, $3, '2026-01-01', '2026-01-31') RETURNING price_cents`,
          [randomUUID(), memberId, planId],
        )
      ).rows;
      expect(row).toEqual({ price_cents: 4200 });
      await client.query('UPDATE membership_plan SET price_cents = 5000 WHERE id = $1', [planId]);
      expect((await client.query('SELECT price_cents FROM membership WHERE plan_id = $1', [planId])).rows).toEqual([{ price_cents: 4200 }]);
      await expect(
        client.query(`INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on, price_cents) VALUES ($1, $2, $3, '2026-02-01', '2026-02-28', -1)`, [
          randomUUID(),
          memberId,
          planId,
        ]),
      ).rejects.toMatchObject({ constraint: 'membership_price_range' });
    });
  });
});
