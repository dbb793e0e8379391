import { Field, ObjectType } from 'type-graphql';
import { isAnonymous } from '@maison/auth';
import { DateTimeScalar } from '@maison/kit';
import { startOfLocalDay } from '@maison/house';
import type { Context } from '../../context';
import { resolveHolder } from '../booking/booking.holder';
import { quotaWeekOf } from '../booking/booking.quota';
import { bypassesLimits, type SlotCaller } from '../booking/booking.rules';
import type { SharedSpace } from './shared-space.entity';

@ObjectType({ description: 'A free slot, half-open [startsAt, endsAt).' })
export class TimeSlot {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;
}

/**
 * Whose slots of one day availability shows, as bookSharedSpace would judge them: ADMIN's (the
 * limits bypassed), the holder bookSharedSpace picks by default for a signed-in caller (their
 * eligibility, and their minutes booked in the day's quota week), or, for an anonymous caller, the
 * space's rules alone. Null: the caller may not book the space at all.
 */
async function slotCallerOf(ctx: Context, space: SharedSpace, date: string): Promise<SlotCaller | null> {
  const bypassLimits = bypassesLimits(ctx.identity);
  if (bypassLimits || isAnonymous(ctx.identity)) return { bypassLimits, bookedMinutesInWeek: null };
  const holder = await resolveHolder(ctx.identity, {}, space, ctx.loaders.holders);
  if ('code' in holder) return null;
  if (space.weeklyQuotaMinutes === null) return { bypassLimits, bookedMinutesInWeek: null };
  const week = quotaWeekOf(startOfLocalDay(date));
  return { bypassLimits, bookedMinutesInWeek: await ctx.loaders.bookedMinutesInWeek.load({ spaceId: space.id, holder, week }) };
}

/** The slots of one local day the caller may book for durationMinutes; the request's loaders batch every space and day asked. */
export async function availabilityFor(ctx: Context, space: SharedSpace, date: string, durationMinutes: number): Promise<TimeSlot[]> {
  const { bookings } = ctx.services;
  const window = bookings.availabilityWindow(space, date, durationMinutes, bypassesLimits(ctx.identity), ctx.lang);
  const [caller, rows] = await Promise.all([
    slotCallerOf(ctx, space, date),
    // One batched read of the live rows per request and window.
    ctx.loaders.bookingsBySpaceRange.load({ spaceId: space.id, ...window }),
  ]);
  return caller ? bookings.availableSlots(space, date, durationMinutes, rows, caller) : [];
}
