import { UserErrorCode } from '@maison/errors';
import { checkSpaceLimits, inSeason, type Interval, openingWindows, type RuleViolation, type SpaceLimits } from '@maison/house';
import type { OpeningHoursRow } from '../house/opening-hours';

/** The rules of one space, as stored on shared_space. */
export interface SpaceRules extends SpaceLimits {
  openingHoursRows: OpeningHoursRow[];
  bufferMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  horizonDays: number;
  minNoticeMinutes: number;
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
 * The free slots of one local day for a stay of durationMinutes: inside opening hours and the
 * season, starting in the future, at the space's step, and such that [start, end + buffer) meets
 * no occupied range (existing bookings, events and closures with their own buffers).
 */
export function freeSlots(rules: SpaceRules, date: string, durationMinutes: number, occupied: Interval[], now: Date): Interval[] {
  if (!inSeason(rules, date)) return [];
  const slots: Interval[] = [];
  const length = durationMinutes * MINUTE;
  const step = rules.slotStepMinutes * MINUTE;
  const buffer = rules.bufferMinutes * MINUTE;
  for (const window of openingWindows(rules, date)) {
    for (let t = window.start.getTime(); t + length <= window.end.getTime(); t += step) {
      if (t < now.getTime()) continue;
      const end = t + length;
      const clash = occupied.some((o) => t < o.end.getTime() && end + buffer > o.start.getTime());
      if (!clash) slots.push({ start: new Date(t), end: new Date(end) });
    }
  }
  return slots;
}
