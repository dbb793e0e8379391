import { DateTime } from 'luxon';
import { membershipStatus, MembershipStatus, type MembershipFacts } from '../membership/membership.status';

export interface Candidate extends MembershipFacts {
  id: string;
  /** The ISO weekdays its plan lets its holder come (a part-time plan's, read at check-in); null or absent: every day. */
  allowedWeekdays?: readonly number[] | null;
}

export interface Choice<M extends Candidate> {
  membership: M;
  /** Whether the check-in uses a day of a 10-day card. */
  useCardDay: boolean;
}

const isCard = (m: Candidate) => m.daysIncluded !== null;
const coversToday = (m: Candidate, today: string) => m.cancelledAt === null && m.startsOn <= today && today <= m.endsOn;

/** The ISO weekday (1 = Monday ... 7 = Sunday) of a local date of the house. */
export const isoWeekdayOf = (date: string): number => DateTime.fromISO(date, { zone: 'UTC' }).weekday;

/** Whether a membership's plan lets its holder come on that local date. */
export const allowsDay = (m: Candidate, date: string): boolean => !m.allowedWeekdays || m.allowedWeekdays.includes(isoWeekdayOf(date));

/**
 * When no membership lets a member in today, whether one would on another day: the allowed
 * weekdays of a membership ACTIVE today whose plan excludes today (NOT_A_PLAN_DAY), else null.
 */
export function offDayWeekdays(memberships: readonly Candidate[], today: string): readonly number[] | null {
  const offDay = memberships.find((m) => membershipStatus(m, today) === MembershipStatus.ACTIVE && !allowsDay(m, today));
  return offDay?.allowedWeekdays ?? null;
}

/**
 * Which membership lets a member in today (a part-time plan only on its weekdays), and whether it costs a day of a card:
 *  1. a card that already paid for today lets its holder come back all day, free, even if that
 *     was its last day;
 *  2. else a day pass or monthly plan ACTIVE today (they cost nothing per visit);
 *  3. else an ACTIVE card with days left, the one ending first, which uses one day;
 *  4. else none: the member needs a membership.
 */
export function chooseMembership<M extends Candidate>(memberships: readonly M[], today: string, cardPaidToday: string | null): Choice<M> | null {
  const paid = memberships.find((m) => m.id === cardPaidToday && coversToday(m, today));
  if (paid) return { membership: paid, useCardDay: false };
  const active = memberships.filter((m) => membershipStatus(m, today) === MembershipStatus.ACTIVE && allowsDay(m, today));
  const plan = active.filter((m) => !isCard(m)).sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
  if (plan) return { membership: plan, useCardDay: false };
  const card = active.filter(isCard).sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.id.localeCompare(b.id))[0];
  return card ? { membership: card, useCardDay: true } : null;
}
