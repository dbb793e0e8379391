import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { HOUSE_TZ, type RuleViolation } from '@maison/house';
import type { Holder } from './booking.holder';

export interface Week {
  start: Date;
  end: Date;
}

/** The week of the weekly quota that holds an instant: Monday 00:00 to the next Monday 00:00, house time. */
export function quotaWeekOf(instant: Date): Week {
  const week = DateTime.fromJSDate(instant, { zone: HOUSE_TZ }).startOf('week');
  return { start: week.toJSDate(), end: week.plus({ weeks: 1 }).toJSDate() };
}

/** The weekly quota rule: the minutes already booked in the week plus the wanted ones must fit. */
export function checkQuota(space: { weeklyQuotaMinutes: number | null }, bookedMinutes: number, wantedMinutes: number): RuleViolation | null {
  if (space.weeklyQuotaMinutes === null || bookedMinutes + wantedMinutes <= space.weeklyQuotaMinutes) return null;
  return { code: UserErrorCode.QUOTA_EXCEEDED, field: ['input', 'endsAt'], params: { minutes: space.weeklyQuotaMinutes } };
}

/** One holder's bookings of one space in one quota week (quotaWeekOf), a booking being moved left out. */
export interface QuotaWeekKey {
  spaceId: string;
  holder: Holder;
  week: Week;
  excludeId?: string | null;
}

/**
 * Minutes each holder booked of each space in each week: live bookings only (not holds nor
 * closures), counted by their start. One statement for any number of keys, in their order.
 */
export async function bookedMinutesInWeeks(manager: Pick<EntityManager, 'query'>, keys: readonly QuotaWeekKey[]): Promise<number[]> {
  if (keys.length === 0) return [];
  const rows: { i: string; minutes: number }[] = await manager.query(
    `SELECT k.i, coalesce(sum(extract(epoch FROM b.ends_at - b.starts_at) / 60), 0)::int AS minutes
     FROM unnest($1::uuid[], $2::holder_kind[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::uuid[])
            WITH ORDINALITY AS k(space_id, holder_kind, holder_id, week_start, week_end, exclude_id, i)
     LEFT JOIN space_booking b ON b.space_id = k.space_id AND b.holder_kind = k.holder_kind AND b.holder_id IS NOT DISTINCT FROM k.holder_id
       AND b.status = 'CONFIRMED' AND b.kind = 'BOOKING' AND b.starts_at >= k.week_start AND b.starts_at < k.week_end
       AND (k.exclude_id IS NULL OR b.id <> k.exclude_id)
     GROUP BY k.i ORDER BY k.i`,
    [
      keys.map((k) => k.spaceId.toLowerCase()),
      keys.map((k) => k.holder.kind),
      keys.map((k) => k.holder.id),
      keys.map((k) => k.week.start),
      keys.map((k) => k.week.end),
      keys.map((k) => k.excludeId ?? null),
    ],
  );
  return rows.map((r) => r.minutes);
}
