import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint } from '@maison/kit';
import { isUuid, ok, refuse, type Outcome, type RuleViolation } from '@maison/house';
import { MembershipPlan } from './membership-plan.entity';
import type { CreateMembershipPlanInput, UpdateMembershipPlanInput } from './membership-plan.input';
import { validatePlanFields, type PlanFields } from './membership-plan.rules';

const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
const slugTaken = (): RuleViolation => ({ code: UserErrorCode.SLUG_TAKEN, field: ['input', 'slug'] });

/** ADMIN's side of the plans: create and update. The rules are membership-plan.rules.ts; the database states the same bounds. */
export class MembershipPlanService {
  constructor(private readonly ds: DataSource) {}

  /** The plans, cheapest first: those on sale, or every plan. */
  list(includeOffSale: boolean): Promise<MembershipPlan[]> {
    return this.ds
      .getRepository(MembershipPlan)
      .find({ where: includeOffSale ? {} : { onSale: true }, order: { priceCents: 'ASC', code: 'ASC', slug: 'ASC' } });
  }

  async create(input: CreateMembershipPlanInput): Promise<Outcome<MembershipPlan>> {
    const { fields, violations } = validatePlanFields(
      {
        code: input.code,
        slug: input.slug,
        name: input.name,
        description: input.description ?? null,
        priceCents: input.priceCents,
        durationDays: input.durationDays ?? null,
        daysIncluded: input.daysIncluded ?? null,
        allowedWeekdays: input.allowedWeekdays ?? null,
        onSale: true,
      },
      { weekdaysRequired: true },
    );
    if (violations.length > 0) return refuse(...violations);
    const id = randomUUID();
    try {
      await this.ds.query(
        `INSERT INTO membership_plan (id, code, slug, name, description, price_cents, currency, duration_days, days_included, allowed_weekdays, on_sale)
         VALUES ($1, $2, $3, $4, $5, $6, 'CAD', $7, $8, $9, $10)`,
        [
          id,
          fields.code,
          fields.slug,
          fields.name,
          fields.description,
          fields.priceCents,
          fields.durationDays,
          fields.daysIncluded,
          fields.allowedWeekdays,
          fields.onSale,
        ],
      );
    } catch (error) {
      // The unique constraint is the last word on "one plan per slug".
      if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'membership_plan_slug_key') return refuse(slugTaken());
      throw error;
    }
    return ok(await this.ds.getRepository(MembershipPlan).findOneByOrFail({ id }));
  }

  /** Changes a plan under its row lock. A new price applies to new memberships only (each keeps the price it was bought at). */
  async update(id: string, input: UpdateMembershipPlanInput): Promise<Outcome<MembershipPlan>> {
    if (!isUuid(id)) return refuse(notFound());
    return this.ds.transaction(async (tx) => {
      const current = await tx
        .getRepository(MembershipPlan)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :id', { id: id.toLowerCase() })
        .getOne();
      if (!current) return refuse(notFound());
      const { fields, violations } = validatePlanFields(mergeUpdate(current, input), {
        // The standard part-time plan predates days: an update may leave them out, never clear them.
        weekdaysRequired: input.allowedWeekdays !== undefined || current.allowedWeekdays !== null,
      });
      if (violations.length > 0) return refuse(...violations);
      await tx.query(
        `UPDATE membership_plan SET name = $2, description = $3, price_cents = $4, duration_days = $5, days_included = $6, allowed_weekdays = $7, on_sale = $8
         WHERE id = $1`,
        [current.id, fields.name, fields.description, fields.priceCents, fields.durationDays, fields.daysIncluded, fields.allowedWeekdays, fields.onSale],
      );
      return ok(await tx.getRepository(MembershipPlan).findOneByOrFail({ id: current.id }));
    });
  }
}

/** The plan an update asks for: a field left out (or null, for those a plan always has) is unchanged. */
function mergeUpdate(current: MembershipPlan, input: UpdateMembershipPlanInput): PlanFields {
  const keep = <T>(given: T | null | undefined, was: T | null): T | null => (given === undefined ? was : given);
  return {
    code: current.code,
    slug: current.slug,
    name: input.name ?? current.nameTexts,
    description: keep(input.description, current.descriptionTexts),
    priceCents: input.priceCents ?? current.priceCents,
    durationDays: keep(input.durationDays, current.durationDays),
    daysIncluded: keep(input.daysIncluded, current.daysIncluded),
    allowedWeekdays: keep(input.allowedWeekdays, current.allowedWeekdays),
    onSale: input.onSale ?? current.onSale,
  };
}
