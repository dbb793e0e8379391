import { DateTime } from 'luxon';
import { isAdmin, type Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { addDays, HOUSE_TZ, localDateOf, type RuleViolation, startOfLocalDay } from '@maison/house';
import type { OpeningHoursRow } from '../house/opening-hours';
import { checkQuota } from './booking.quota';

/** The rules of one space, as stored on shared_space. */
export interface SpaceRules {
  capacity: number;
  openingHoursRows: OpeningHoursRow[];
  seasonStarts: string | null;
  seasonEnds: string | null;
  bufferMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  horizonDays: number;
  minNoticeMinutes: number;
  weeklyQuotaMinutes: number | null;
  slotStepMinutes: number;
}

export interface Interval {
  start: Date;
  end: Date;
}

const MINUTE = 60_000;

/** Is the local date (YYYY-MM-DD) inside the space's season? Windows may wrap the new year. */
export function inSeason(rules: Pick<SpaceRules, 'seasonStarts' | 'seasonEnds'>, date: string): boolean {
  if (!rules.seasonStarts || !rules.seasonEnds) return true;
  const md = date.slice(5);
  return rules.seasonStarts <= rules.seasonEnds ? md >= rules.seasonStarts && md <= rules.seasonEnds : md >= rules.seasonStarts || md <= rules.seasonEnds;
}

/** The opening windows of a local date as instants (a 24:00 close is the start of the next day). */
export function openingWindows(rules: Pick<SpaceRules, 'openingHoursRows'>, date: string): Interval[] {
  const weekday = DateTime.fromISO(date, { zone: HOUSE_TZ }).weekday;
  return rules.openingHoursRows
    .filter((h) => h.weekday === weekday)
    .map((h) => ({
      start: DateTime.fromISO(`${date}T${h.opens}`, { zone: HOUSE_TZ }).toJSDate(),
      end: h.closes === '24:00' ? startOfLocalDay(addDays(date, 1)) : DateTime.fromISO(`${date}T${h.closes}`, { zone: HOUSE_TZ }).toJSDate(),
    }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Local dates touched by [start, end). */
function datesOf(interval: Interval): string[] {
  const dates: string[] = [];
  for (let d = localDateOf(interval.start); startOfLocalDay(d) < interval.end; d = addDays(d, 1)) dates.push(d);
  return dates;
}

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
  const dates = datesOf({ start: startsAt, end: endsAt });
  if (!dates.every((d) => inSeason(rules, d))) {
    violations.push({ code: UserErrorCode.OUT_OF_SEASON, field: ['input', 'startsAt'] });
  } else {
    const fits = openingWindows(rules, dates[0]!).some((w) => startsAt >= w.start && endsAt <= w.end);
    if (!fits) violations.push({ code: UserErrorCode.OUTSIDE_OPENING_HOURS, field: ['input', 'startsAt'] });
  }
  if (request.attendees != null && request.attendees > rules.capacity) {
    violations.push({ code: UserErrorCode.OVER_CAPACITY, field: ['input', 'attendees'], params: { capacity: rules.capacity } });
  }
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
