import { UserErrorCode } from '@maison/errors';
import { cleanText, isUuid, type RuleViolation } from '@maison/house';

export const STUDIO_BOOKING = { minMinutes: 30, maxMinutes: 12 * 60, horizonDays: 180 } as const;

export interface StudioBookingRequest {
  studioId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

/**
 * The rules of a booking of studio time, without the database: a title, a range of 30 minutes to
 * 12 hours. Artists book from now to 180 days ahead; ADMIN is not bound by those two limits.
 * The no-overlap rule is PostgreSQL's.
 */
export function checkStudioBooking(request: StudioBookingRequest, now: Date, admin: boolean): { title: string; violations: RuleViolation[] } {
  const { text: title, violation } = cleanText(request.title, ['input', 'title'], 200);
  const violations: RuleViolation[] = violation ? [violation] : [];
  if (!isUuid(request.studioId)) violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'studioId'] });
  const minutes = (request.endsAt.getTime() - request.startsAt.getTime()) / 60_000;
  if (minutes <= 0) return { title, violations: [...violations, { code: UserErrorCode.INVALID_RANGE, field: ['input', 'endsAt'] }] };
  if (minutes < STUDIO_BOOKING.minMinutes) {
    violations.push({ code: UserErrorCode.TOO_SHORT, field: ['input', 'endsAt'], params: { minutes: STUDIO_BOOKING.minMinutes } });
  }
  if (minutes > STUDIO_BOOKING.maxMinutes) {
    violations.push({ code: UserErrorCode.TOO_LONG, field: ['input', 'endsAt'], params: { minutes: STUDIO_BOOKING.maxMinutes } });
  }
  if (!admin && request.startsAt < now) violations.push({ code: UserErrorCode.IN_THE_PAST, field: ['input', 'startsAt'] });
  if (!admin && request.startsAt.getTime() > now.getTime() + STUDIO_BOOKING.horizonDays * 86_400_000) {
    violations.push({ code: UserErrorCode.TOO_FAR_AHEAD, field: ['input', 'startsAt'], params: { days: STUDIO_BOOKING.horizonDays } });
  }
  return { title, violations };
}
