import { DateTime } from 'luxon';

type PlanCode = 'DAY_PASS' | 'TEN_DAY_CARD' | 'PART_TIME_MONTHLY' | 'FULL_TIME_MONTHLY';

/**
 * The last day, included, of a plan bought for startsOn: durationDays days when the plan says so,
 * else a day pass is that day, a 10-day card is valid a year, a monthly plan a month (31 January →
 * 28 or 29 February).
 */
export function endsOnFor(plan: PlanCode, startsOn: string, durationDays: number | null = null): string {
  const start = DateTime.fromISO(startsOn, { zone: 'UTC' });
  if (durationDays !== null) return start.plus({ days: durationDays - 1 }).toISODate()!;
  if (plan === 'DAY_PASS') return startsOn;
  if (plan === 'TEN_DAY_CARD') return start.plus({ years: 1 }).minus({ days: 1 }).toISODate()!;
  return start.plus({ months: 1 }).minus({ days: 1 }).toISODate()!;
}
