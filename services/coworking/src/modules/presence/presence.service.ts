import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '@maison/auth';
import { inputReason, UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint } from '@maison/kit';
import { isUuid, localDateOf, ok, type Outcome, refuse } from '@maison/house';
import { listedMembersWhere } from '../member/member.access';
import { Member } from '../member/member.entity';
import { Membership } from '../membership/membership.entity';
import { CheckIn } from './check-in.entity';
import { maySeeWhoIsPresent } from './presence.access';
import { chooseMembership, offDayWeekdays } from './presence.rules';
import { updateReturning } from '@maison/kit';

export const MAX_CAPACITY = 500;

/** The instant a check-in left open on an earlier day is closed: midnight at the end of its local day. */
const END_OF_ITS_DAY = `((local_date + 1)::timestamp AT TIME ZONE 'America/Toronto')`;

export interface Occupancy {
  present: number;
  capacity: number;
}

/**
 * Check-ins and check-outs of Espace KO. Every check-in locks the one coworking_settings row
 * while it counts who is present and inserts, so the capacity holds under any concurrency; the
 * database keeps one open check-in per member and one paid day per card and day.
 */
export class PresenceService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async checkIn(memberId: string): Promise<Outcome<CheckIn>> {
    if (!isUuid(memberId)) return refuse({ code: UserErrorCode.UNKNOWN_HOLDER, field: ['memberId'] });
    const today = localDateOf(this.clock());
    try {
      return await this.ds.transaction(async (tx) => {
        const [{ capacity }] = await tx.query('SELECT capacity FROM coworking_settings FOR UPDATE');
        // FOR SHARE: a deactivation (which locks the member row) waits for this check-in, or this one sees it.
        const [member] = await tx.query('SELECT id, deactivated_at FROM member WHERE id = $1 FOR SHARE', [memberId]);
        if (!member) return refuse({ code: UserErrorCode.UNKNOWN_HOLDER, field: ['memberId'] });
        if (member.deactivated_at) return refuse({ code: UserErrorCode.MEMBER_DEACTIVATED, field: ['memberId'] });
        await closeEarlierDays(tx, memberId, today);
        const open = await tx.query('SELECT 1 FROM check_in WHERE member_id = $1 AND checked_out_at IS NULL', [memberId]);
        if (open.length > 0) return refuse({ code: UserErrorCode.ALREADY_CHECKED_IN, field: ['memberId'] });

        const memberships = await membershipsWithDays(tx, memberId);
        const [paid] = await tx.query('SELECT membership_id FROM check_in WHERE member_id = $1 AND local_date = $2 AND used_card_day LIMIT 1', [
          memberId,
          today,
        ]);
        const choice = chooseMembership(memberships, today, paid?.membership_id ?? null);
        if (!choice) {
          const days = offDayWeekdays(memberships, today);
          if (days) return refuse({ code: UserErrorCode.NOT_A_PLAN_DAY, field: ['memberId'], params: { days: days.join(', ') } });
          return refuse({ code: UserErrorCode.MEMBERSHIP_REQUIRED, field: ['memberId'] });
        }

        const [{ present }] = await tx.query('SELECT count(*)::int AS present FROM check_in WHERE local_date = $1 AND checked_out_at IS NULL', [today]);
        if (present >= capacity) return refuse({ code: UserErrorCode.SPACE_FULL, params: { capacity } });

        if (choice.useCardDay) {
          const used = await updateReturning(tx, 'UPDATE membership SET days_used = days_used + 1 WHERE id = $1 AND days_used < days_included RETURNING id', [
            choice.membership.id,
          ]);
          if (used.length === 0) return refuse({ code: UserErrorCode.MEMBERSHIP_REQUIRED, field: ['memberId'] });
        }
        const id = randomUUID();
        await tx.query('INSERT INTO check_in (id, member_id, membership_id, local_date, used_card_day) VALUES ($1, $2, $3, $4, $5)', [
          id,
          memberId,
          choice.membership.id,
          today,
          choice.useCardDay,
        ]);
        return ok(await tx.getRepository(CheckIn).findOneByOrFail({ id }));
      });
    } catch (error) {
      // The partial unique index is the last word on "one open check-in per member".
      if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'check_in_one_open_idx') {
        return refuse({ code: UserErrorCode.ALREADY_CHECKED_IN, field: ['memberId'] });
      }
      throw error;
    }
  }

  /** Closes the member's open check-in: now, or at the end of its day when it was left open on an earlier day. */
  async checkOut(memberId: string): Promise<Outcome<CheckIn>> {
    if (!isUuid(memberId)) return refuse({ code: UserErrorCode.UNKNOWN_HOLDER, field: ['memberId'] });
    const today = localDateOf(this.clock());
    const rows = await closeOpenCheckIn(this.ds, memberId, today);
    if (rows.length === 0) return refuse({ code: UserErrorCode.NOT_CHECKED_IN, field: ['memberId'] });
    return ok(await this.ds.getRepository(CheckIn).findOneByOrFail({ id: rows[0]!.id }));
  }

  async occupancy(): Promise<Occupancy> {
    const [row] = await this.ds.query(
      `SELECT (SELECT capacity FROM coworking_settings) AS capacity,
              (SELECT count(*)::int FROM check_in WHERE local_date = $1 AND checked_out_at IS NULL) AS present`,
      [localDateOf(this.clock())],
    );
    return { present: row.present, capacity: row.capacity };
  }

  /** The members present, by arrival: null for callers who are neither members nor ADMIN; others' private members and (but for ADMIN) deactivated ones left out. */
  async presentMembers(identity: Identity): Promise<Member[] | null> {
    if (!maySeeWhoIsPresent(identity)) return null;
    const visible = listedMembersWhere(identity, 'm');
    return this.ds
      .getRepository(Member)
      .createQueryBuilder('m')
      .innerJoin('check_in', 'c', 'c.member_id = m.id')
      .where('c.local_date = :today AND c.checked_out_at IS NULL', { today: localDateOf(this.clock()) })
      .andWhere(visible.sql, visible.params)
      .orderBy('c.checked_in_at')
      .addOrderBy('m.id')
      .getMany();
  }

  /** ADMIN: the number of seats. Members already present stay, even above a lowered capacity. */
  async setCapacity(capacity: number): Promise<Outcome<Occupancy>> {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
      return refuse({
        code: UserErrorCode.INVALID_INPUT,
        field: ['capacity'],
        params: { field: 'capacity', ...inputReason('BETWEEN', { min: 1, max: MAX_CAPACITY }) },
      });
    }
    await this.ds.query('UPDATE coworking_settings SET capacity = $1', [capacity]);
    return ok(await this.occupancy());
  }
}

/** Closes the member's open check-in, if any: now, or at the end of its day when it was left open on an earlier day. */
export function closeOpenCheckIn(db: Pick<EntityManager, 'query'>, memberId: string, today: string): Promise<{ id: string }[]> {
  return updateReturning<{ id: string }>(
    db,
    `UPDATE check_in SET checked_out_at = CASE WHEN local_date < $2 THEN ${END_OF_ITS_DAY} ELSE greatest(clock_timestamp(), checked_in_at) END
     WHERE member_id = $1 AND checked_out_at IS NULL RETURNING id`,
    [memberId, today],
  );
}

/** A member's visits, latest first (MyCoworking.checkIns). */
export function recentCheckIns(ds: DataSource, memberId: string, first: number): Promise<CheckIn[]> {
  return ds
    .getRepository(CheckIn)
    .createQueryBuilder('c')
    .where('c.member_id = :memberId', { memberId })
    .orderBy('c.checked_in_at', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .limit(first)
    .getMany();
}

/** The member's memberships, each with the weekdays its plan allows now (one statement). */
async function membershipsWithDays(tx: EntityManager, memberId: string): Promise<(Membership & { allowedWeekdays: number[] | null })[]> {
  const { entities, raw } = await tx
    .getRepository(Membership)
    .createQueryBuilder('ms')
    .innerJoin('membership_plan', 'p', 'p.id = ms.plan_id')
    .addSelect('p.allowed_weekdays', 'plan_allowed_weekdays')
    .where('ms.member_id = :memberId', { memberId })
    .getRawAndEntities<{ ms_id: string; plan_allowed_weekdays: number[] | null }>();
  const days = new Map(raw.map((r) => [r.ms_id, r.plan_allowed_weekdays]));
  return entities.map((m) => Object.assign(m, { allowedWeekdays: days.get(m.id) ?? null }));
}

async function closeEarlierDays(tx: EntityManager, memberId: string, today: string): Promise<void> {
  await tx.query(`UPDATE check_in SET checked_out_at = ${END_OF_ITS_DAY} WHERE member_id = $1 AND checked_out_at IS NULL AND local_date < $2`, [
    memberId,
    today,
  ]);
}
