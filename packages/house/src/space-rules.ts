import { DateTime } from 'luxon';
import { UserErrorCode } from '@maison/errors';
import type { RuleViolation } from './outcome';
import { cleanText } from './text-rules';
import { addDays, HOUSE_TZ, localDateOf, startOfLocalDay } from './time';

/**
 * The rules of a shared space that anything occupying it keeps, a booking and the hold of an event
 * or a vernissage alike: its season, its opening hours and its capacity. The limits only bookings
 * keep (notice, horizon, durations, quota) are the ledger's (services/tenants booking.rules.ts).
 */
export interface SpaceLimits {
  capacity: number;
  openingHoursRows: { weekday: number; opens: string; closes: string }[];
  seasonStarts: string | null;
  seasonEnds: string | null;
}

export interface Interval {
  start: Date;
  end: Date;
}

/** Is the local date (YYYY-MM-DD) inside the space's season? Windows may wrap the new year. */
export function inSeason(rules: Pick<SpaceLimits, 'seasonStarts' | 'seasonEnds'>, date: string): boolean {
  if (!rules.seasonStarts || !rules.seasonEnds) return true;
  const md = date.slice(5);
  return rules.seasonStarts <= rules.seasonEnds ? md >= rules.seasonStarts && md <= rules.seasonEnds : md >= rules.seasonStarts || md <= rules.seasonEnds;
}

/** The opening windows of a local date as instants (a 24:00 close is the start of the next day). */
export function openingWindows(rules: Pick<SpaceLimits, 'openingHoursRows'>, date: string): Interval[] {
  const weekday = DateTime.fromISO(date, { zone: HOUSE_TZ }).weekday;
  return rules.openingHoursRows
    .filter((h) => h.weekday === weekday)
    .map((h) => ({
      start: DateTime.fromISO(`${date}T${h.opens}`, { zone: HOUSE_TZ }).toJSDate(),
      end: h.closes === '24:00' ? startOfLocalDay(addDays(date, 1)) : DateTime.fromISO(`${date}T${h.closes}`, { zone: HOUSE_TZ }).toJSDate(),
    }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The local dates whose season a stay [start, end) must be in: those it touches, but at most its
 * first 8 years and 2 days, which hold every month-day a longer stay touches (Feb 29 included: the
 * longest run of years without one is 7, around 2100). A stay to year 9999 walks 2,925 dates, not
 * 2.9 million (which kept the tenants subgraph busy for seconds, every request waiting).
 */
export const SEASON_WALK_DAYS = 8 * 365 + 2 + 2;
export function seasonDatesOf(interval: Interval): string[] {
  return datesOf({ start: interval.start, end: new Date(Math.min(interval.end.getTime(), interval.start.getTime() + SEASON_WALK_DAYS * 86_400_000)) });
}

/** Local dates touched by [start, end). */
export function datesOf(interval: Interval): string[] {
  const dates: string[] = [];
  for (let d = localDateOf(interval.start); startOfLocalDay(d) < interval.end; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Where each refusal of checkSpaceLimits points, in the caller's input. */
export interface SpaceLimitFields {
  startsAt: string[];
  attendees: string[];
}

/**
 * Season (OUT_OF_SEASON), opening hours (OUTSIDE_OPENING_HOURS, both on `fields.startsAt`) and
 * capacity (OVER_CAPACITY on `fields.attendees`, only when attendees are stated) of a stay
 * [startsAt, endsAt) with endsAt after startsAt.
 */
export function checkSpaceLimits(
  rules: SpaceLimits,
  request: { startsAt: Date; endsAt: Date; attendees?: number | null },
  fields: SpaceLimitFields,
): RuleViolation[] {
  const { startsAt, endsAt } = request;
  const violations: RuleViolation[] = [];
  const dates = seasonDatesOf({ start: startsAt, end: endsAt });
  if (!dates.every((d) => inSeason(rules, d))) {
    violations.push({ code: UserErrorCode.OUT_OF_SEASON, field: fields.startsAt });
  } else {
    const fits = openingWindows(rules, dates[0]!).some((w) => startsAt >= w.start && endsAt <= w.end);
    if (!fits) violations.push({ code: UserErrorCode.OUTSIDE_OPENING_HOURS, field: fields.startsAt });
  }
  if (request.attendees != null && request.attendees > rules.capacity) {
    violations.push({ code: UserErrorCode.OVER_CAPACITY, field: fields.attendees, params: { capacity: rules.capacity } });
  }
  return violations;
}

/** Longest reason of a space-rules override (what the ledger's history keeps, migration 008 of tenants). */
export const MAX_OVERRIDE_REASON = 500;

/** The reason of a space-rules override, cleaned (NFC, trimmed) and checked by the house's text rules: 1 to 500 characters, no control character. */
export function cleanOverrideReason(reason: string, field: string[]): { reason: string; violation: RuleViolation | null } {
  const { text, violation } = cleanText(reason, field, MAX_OVERRIDE_REASON);
  return { reason: text, violation };
}
