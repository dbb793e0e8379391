import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { assumedSize, costWeight, DateTimeScalar, LocalDateScalar } from '@maison/kit';
import { checkQueryWindow, tr } from '@maison/house';
import type { Context } from '../../context';
import { MAX_BOOKINGS_WINDOW_DAYS } from '../booking/booking.service';
import { SpaceBooking } from '../booking/space-booking.entity';
import { OpeningHours, openingHoursOf } from '../house/opening-hours';
import { availabilityFor, TimeSlot } from './availability';
import { SharedSpace } from './shared-space.entity';

@ObjectType({ description: 'The part of the year a seasonal space is open, as MM-DD dates, both included.' })
export class Season {
  @Field({ description: 'First open day, MM-DD (the terrace: 05-01).' })
  startsOn!: string;

  @Field({ description: 'Last open day, MM-DD (the terrace: 10-31).' })
  endsOn!: string;
}

/** The fields of a shared space built from its columns: texts in the caller's language, hours, season, free slots, bookings. */
@Resolver(() => SharedSpace)
export class SharedSpaceFieldResolver {
  @FieldResolver(() => String)
  name(@Root() space: SharedSpace, @Ctx() ctx: Context): string {
    return tr(space.nameTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() space: SharedSpace, @Ctx() ctx: Context): string | null {
    return tr(space.descriptionTexts, ctx.lang);
  }

  @FieldResolver(() => [String])
  amenities(@Root() space: SharedSpace, @Ctx() ctx: Context): string[] {
    return space.amenityTexts.map((a) => tr(a, ctx.lang));
  }

  // Two opening ranges per weekday at most.
  @Directive(assumedSize(14))
  @FieldResolver(() => [OpeningHours])
  openingHours(@Root() space: SharedSpace): OpeningHours[] {
    return openingHoursOf(space.openingHoursRows);
  }

  @FieldResolver(() => Season, { nullable: true, description: 'Null when the space is open all year.' })
  season(@Root() space: SharedSpace): Season | null {
    if (!space.seasonStarts || !space.seasonEnds) return null;
    return Object.assign(new Season(), { startsOn: space.seasonStarts, endsOn: space.seasonEnds });
  }

  // The kitchen's day: 15 opening hours in 30-minute steps; each slot weighs 2, checked against the ledger's rules and the caller's quota.
  @Directive(assumedSize(30))
  @Directive(costWeight(2))
  @FieldResolver(() => [TimeSlot], {
    description:
      "Slots of one local day, at the space's step, that the caller may book for durationMinutes (bookSharedSpace would accept each): " +
      'opening hours, season, minimum and maximum duration, horizon, minimum notice from now, cleaning buffers, closures, bookings and holds. ' +
      "Signed in: only if the caller may book the space (their role, a MEMBER's active membership), and within the weekly quota left to them " +
      "in the week of the day. Anonymous: the space's rules alone. ADMIN bypasses the limits as when booking: any free slot of the whole day, " +
      'any duration up to a day. Empty beyond the horizon, out of season, or for a caller who may not book the space.',
  })
  availability(
    @Root() space: SharedSpace,
    @Ctx() ctx: Context,
    @Arg('date', () => LocalDateScalar) date: string,
    @Arg('durationMinutes', () => Int) durationMinutes: number,
  ): Promise<TimeSlot[]> {
    return availabilityFor(ctx, space, date, durationMinutes);
  }

  // A busy week of one space; the window may reach 366 days, rarely asked.
  @Directive(assumedSize(50))
  @FieldResolver(() => [SpaceBooking], { description: 'Live bookings overlapping [from, to). Private ones show no title nor holder.' })
  bookings(
    @Root() space: SharedSpace,
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
  ): Promise<SpaceBooking[]> {
    checkQueryWindow(from, to, ctx.lang, { maxDays: MAX_BOOKINGS_WINDOW_DAYS });
    return ctx.loaders.bookingsBySpaceRange.load({ spaceId: space.id, from, to });
  }
}
