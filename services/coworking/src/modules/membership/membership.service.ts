import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isAdmin, type Identity } from '@maison/auth';
import { inputReason, UserErrorCode } from '@maison/errors';
import { addDays, invalid, isUuid, ok, type Outcome, refuse, todayInHouse } from '@maison/house';
import { MembershipPlan, MembershipPlanCode } from './membership-plan.entity';
import { Membership } from './membership.entity';
import { endsOnFor } from './membership.dates';
import { standardPlanSlug } from './membership-plan.rules';
import { membershipStatus, MembershipStatus } from './membership.status';

/** How far ahead a plan may be bought. */
export const MAX_DAYS_AHEAD = 366;

export interface JoinRequest {
  /** The member who buys, already resolved from the caller (see actingMember). */
  memberId: string;
  /** The standard plan of a kind (its slug is standardPlanSlug(code)), or a plan by id: exactly one of them. */
  planCode?: MembershipPlanCode | null;
  planId?: string | null;
  startsOn?: string | null;
}

export class MembershipService {
  constructor(private readonly ds: DataSource) {}

  /** Whether the member holds a membership ACTIVE today (for members-only events). */
  async isActiveMember(memberId: string | undefined, today = todayInHouse()): Promise<boolean> {
    if (!memberId || !isUuid(memberId)) return false;
    const all = await this.ds.getRepository(Membership).findBy({ memberId: memberId.toLowerCase() });
    return all.some((m) => membershipStatus(m, today) === MembershipStatus.ACTIVE);
  }

  /**
   * Buys a plan on sale for a member, at the plan's current price (the membership keeps it). ADMIN
   * buys any plan on any date; anyone else only a day pass, from today on. The same plan may not be
   * held twice on one day (a card used up does not count). A deactivated member buys nothing (MEMBER_DEACTIVATED).
   */
  async join(identity: Identity, request: JoinRequest): Promise<Outcome<Membership>> {
    const admin = isAdmin(identity);
    const today = todayInHouse();
    const startsOn = request.startsOn ?? today;
    const found = await this.planOf(request);
    if (!found.value) return refuse(...found.errors);
    const plan = found.value;
    if (!admin && plan.code !== MembershipPlanCode.DAY_PASS)
      return refuse({ code: UserErrorCode.NOT_ELIGIBLE, field: ['input', request.planId ? 'planId' : 'planCode'] });
    if (!admin && startsOn < today) return refuse({ code: UserErrorCode.IN_THE_PAST, field: ['input', 'startsOn'] });
    if (startsOn > addDays(today, MAX_DAYS_AHEAD)) {
      return refuse({
        code: UserErrorCode.INVALID_INPUT,
        field: ['input', 'startsOn'],
        params: { field: 'startsOn', ...inputReason('MAX_DAYS_AHEAD', { days: MAX_DAYS_AHEAD }) },
      });
    }
    if (!isUuid(request.memberId)) return refuse({ code: UserErrorCode.UNKNOWN_HOLDER, field: ['input', 'memberId'] });
    return this.ds.transaction(async (tx) => {
      // Shared lock: a deactivation (which locks the member for update) waits, or is seen here.
      const [member] = await tx.query('SELECT id, deactivated_at FROM member WHERE id = $1 FOR SHARE', [request.memberId]);
      if (!member) return refuse({ code: UserErrorCode.UNKNOWN_HOLDER, field: ['input', 'memberId'] });
      if (member.deactivated_at) return refuse({ code: UserErrorCode.MEMBER_DEACTIVATED, field: ['input', 'memberId'] });
      // The plan as it is now, kept so until the purchase commits: an update of its price or sale waits.
      const [now] = await tx.query('SELECT price_cents, duration_days, days_included, on_sale FROM membership_plan WHERE id = $1 FOR SHARE', [plan.id]);
      if (!now.on_sale) return refuse({ code: UserErrorCode.PLAN_OFF_SALE, field: ['input', request.planId ? 'planId' : 'planCode'] });
      const endsOn = endsOnFor(plan.code, startsOn, now.duration_days);
      // Purchases of one member take turns, so two concurrent ones cannot both miss each other.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`membership:${request.memberId}`]);
      const overlapping = await tx.query(
        `SELECT 1 FROM membership WHERE member_id = $1 AND plan_id = $2 AND cancelled_at IS NULL
           AND starts_on <= $4 AND ends_on >= $3 AND NOT (days_included IS NOT NULL AND days_used >= days_included) LIMIT 1`,
        [request.memberId, plan.id, startsOn, endsOn],
      );
      if (overlapping.length > 0) return refuse({ code: UserErrorCode.MEMBERSHIP_OVERLAP, field: ['input', 'startsOn'] });
      const id = randomUUID();
      await tx.query(
        `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on, price_cents, days_included, days_used)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, request.memberId, plan.id, startsOn, endsOn, now.price_cents, now.days_included, now.days_included === null ? null : 0],
      );
      return ok(await tx.getRepository(Membership).findOneByOrFail({ id }));
    });
  }

  /** The plan a purchase names, if it is on sale: by planCode (the standard plan of the kind) or planId, exactly one. */
  private async planOf(request: JoinRequest): Promise<Outcome<MembershipPlan>> {
    const byCode = request.planCode ?? null;
    const byId = request.planId ?? null;
    if ((byCode === null) === (byId === null)) return refuse(invalid(['input', 'planId'], inputReason('EXACTLY_ONE_OF_THEM')));
    const field = ['input', byId === null ? 'planCode' : 'planId'];
    if (byId !== null && !isUuid(byId)) return refuse({ code: UserErrorCode.NOT_FOUND, field });
    const plans = this.ds.getRepository(MembershipPlan);
    const plan = byId === null ? await plans.findOneBy({ slug: standardPlanSlug(byCode!) }) : await plans.findOneBy({ id: byId.toLowerCase() });
    if (!plan) return refuse({ code: UserErrorCode.NOT_FOUND, field });
    return plan.onSale ? ok(plan) : refuse({ code: UserErrorCode.PLAN_OFF_SALE, field });
  }

  /** ADMIN: cancels a membership, whatever its dates; it no longer lets its member in. */
  async cancel(id: string): Promise<Outcome<Membership>> {
    if (!isUuid(id)) return refuse({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
    return this.ds.transaction(async (tx) => {
      const membership = await tx
        .getRepository(Membership)
        .createQueryBuilder('ms')
        .setLock('pessimistic_write')
        .where('ms.id = :id', { id: id.toLowerCase() })
        .getOne();
      if (!membership) return refuse({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
      if (membership.cancelledAt !== null) return refuse({ code: UserErrorCode.ALREADY_CANCELLED, field: ['id'] });
      await tx.query('UPDATE membership SET cancelled_at = now() WHERE id = $1', [membership.id]);
      return ok(await tx.getRepository(Membership).findOneByOrFail({ id: membership.id }));
    });
  }
}
