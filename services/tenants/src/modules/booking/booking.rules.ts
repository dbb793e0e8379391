import { isAdmin, type Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { addDays, checkSpaceLimits, type Interval, openingWindows, type RuleViolation, type SpaceLimits, startOfLocalDay } from '@maison/house';
import type { OpeningHoursRow } from '../house/opening-hours';
import { checkQuota } from './booking.quota';

/** The rules of one space, as stored on shared_space. */
export interface SpaceRules extends SpaceLimits {
  openingHoursRows: OpeningHoursRow[];
  bufferMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  horizonDays: number;
  minNoticeMinutes: number;
  weeklyQuotaMinutes: number | null;
  slotStepMinutes: number;
}

const MINUTE = 60_000;

// One copy of the space's own rules, kept by bookings and holds alike (packages/house/src/space-rules.ts).
export { datesOf, inSeason, openingWindows, type Interval } from '@maison/house';

/** The one rule nobody bypasses besides the overlap: the end comes after the start. */
export function checkRange(startsAt: Date, endsAt: Date): RuleViolation | null {
  return endsAt > startsAt ? null : { code: UserErrorCode.INVALID_RANGE, field: ['input', 'endsAt'] };
}

/**
 * The rules a booking of [start, end) must keep, checked without the database. ADMIN bypasses
 * the limits (notice, horizon, duration, hours, season, capacity) but never the range itself
 * nor the no-overlap rule, which PostgreSQL enforces.
 */
export function checkBookingRules(
  rules: SpaceRules,
  request: { startsAt: Date; endsAt: Date; attendees?: number | null },
  now: Date,
  bypassLimits: boolean,
): RuleViolation[] {
  const { startsAt, endsAt } = request;
  const range = checkRange(startsAt, endsAt);
  if (range) return [range];
  if (bypassLimits) return [];
  const violations: RuleViolation[] = [];
  if (startsAt < now) violations.push({ code: UserErrorCode.IN_THE_PAST, field: ['input', 'startsAt'] });
  else if (startsAt.getTime() < now.getTime() + rules.minNoticeMinutes * MINUTE) {
    violations.push({ code: UserErrorCode.TOO_LATE, field: ['input', 'startsAt'], params: { minutes: rules.minNoticeMinutes } });
  }
  if (startsAt.getTime() > now.getTime() + rules.horizonDays * 86_400_000) {
    violations.push({ code: UserErrorCode.TOO_FAR_AHEAD, field: ['input', 'startsAt'], params: { days: rules.horizonDays } });
  }
  const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE;
  if (minutes < rules.minDurationMinutes) {
    violations.push({ code: UserErrorCode.TOO_SHORT, field: ['input', 'endsAt'], params: { minutes: rules.minDurationMinutes } });
  }
  if (minutes > rules.maxDurationMinutes) {
    violations.push({ code: UserErrorCode.TOO_LONG, field: ['input', 'endsAt'], params: { minutes: rules.maxDurationMinutes } });
  }
  violations.push(...checkSpaceLimits(rules, request, { startsAt: ['input', 'startsAt'], attendees: ['input', 'attendees'] }));
  return violations;
}

/** What a caller may book beyond the space's rules: ADMIN bypasses the limits (see checkBookingRules) and the weekly quota. */
export const bypassesLimits = (identity: Identity): boolean => isAdmin(identity);

/** Whose slots: limits bypassed (ADMIN), and the minutes the holder already booked in the day's quota week (null: no quota applies). */
export interface SlotCaller {
  bypassLimits: boolean;
  bookedMinutesInWeek: number | null;
}

/**
 * The rules a hold of [start, end) keeps (the hold of an event or a vernissage, services/tenants
 * hold.service.ts): the range, then the space's season, opening hours and capacity (for the
 * attendees the holder states), exactly as for a booking; not the booking-only limits (notice,
 * horizon, durations, quota). An override (ADMIN, with a reason) skips the space's rules, never the range.
 */
export function checkHoldRules(
  rules: SpaceRules,
  request: { startsAt: Date; endsAt: Date; attendees?: number | null },
  fields: { prefix: string[]; overridden: boolean },
): RuleViolation[] {
  const range = checkRange(request.startsAt, request.endsAt);
  if (range) return [{ ...range, field: [...fields.prefix, 'endsAt'] }];
  if (fields.overridden) return [];
  return checkSpaceLimits(rules, request, { startsAt: [...fields.prefix, 'startsAt'], attendees: [...fields.prefix, 'attendees'] });
}

/**
 * The candidate slots of one local day at the space's step: from each opening of the day, or,
 * when the limits are bypassed, from midnight over the whole day; each ends within its window.
 */
export function slotGrid(rules: SpaceRules, date: string, durationMinutes: number, bypassLimits: boolean): Interval[] {
  const windows = bypassLimits ? [{ start: startOfLocalDay(date), end: startOfLocalDay(addDays(date, 1)) }] : openingWindows(rules, date);
  const slots: Interval[] = [];
  const length = durationMinutes * MINUTE;
  const step = rules.slotStepMinutes * MINUTE;
  for (const window of windows) {
    for (let t = window.start.getTime(); t + length <= window.end.getTime(); t += step) slots.push({ start: new Date(t), end: new Date(t + length) });
  }
  return slots;
}

/** Would [start, end + buffer) meet an occupied range? PostgreSQL's space_booking_no_overlap, as the ledger will apply it. */
export function clashes(rules: Pick<SpaceRules, 'bufferMinutes'>, slot: Interval, occupied: Interval[]): boolean {
  const end = slot.end.getTime() + rules.bufferMinutes * MINUTE;
  return occupied.some((o) => slot.start.getTime() < o.end.getTime() && end > o.start.getTime());
}

/**
 * The slots of one local day the caller may book for durationMinutes: each candidate of the
 * grid kept only if the ledger would accept it, by its own rules (checkBookingRules, the weekly
 * quota) and the no-overlap rule against the occupied ranges (bookings, holds and closures with
 * their buffers). The quota week is the day's: every slot starts on that day.
 */
export function bookableSlots(rules: SpaceRules, date: string, durationMinutes: number, occupied: Interval[], now: Date, caller: SlotCaller): Interval[] {
  const quota = caller.bypassLimits || caller.bookedMinutesInWeek === null ? null : checkQuota(rules, caller.bookedMinutesInWeek, durationMinutes);
  if (quota) return [];
  return slotGrid(rules, date, durationMinutes, caller.bypassLimits).filter(
    (slot) => checkBookingRules(rules, { startsAt: slot.start, endsAt: slot.end }, now, caller.bypassLimits).length === 0 && !clashes(rules, slot, occupied),
  );
}
