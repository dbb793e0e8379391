import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { asksSubfield, assumedSize, LocalDateScalar } from '@maison/kit';
import { calendarDates, MAX_CALENDAR_DAYS } from '@maison/house';
import type { Context } from '../../context';
import { SpaceBooking } from '../booking/space-booking.entity';
import { CalendarDay } from './calendar-day.entity';

@Resolver(() => CalendarDay)
export class CalendarResolver {
  // Sized by the days of the range, at most this: a rule of the gateway (README, "The cost model").
  @Directive(assumedSize(MAX_CALENDAR_DAYS))
  @Query(() => [CalendarDay], {
    description: 'One CalendarDay per local date from `from` to `to`, both included (at most 92 days). Its cost estimate counts the days of the range.',
  })
  calendar(@Ctx() ctx: Context, @Arg('from', () => LocalDateScalar) from: string, @Arg('to', () => LocalDateScalar) to: string): CalendarDay[] {
    return calendarDates(from, to, ctx.lang).map((date) => Object.assign(new CalendarDay(), { date }));
  }

  // A busy day of the kitchen and the terrace: breakfast, lunch, an afternoon, a dinner, two on the terrace.
  @Directive(assumedSize(6))
  @FieldResolver(() => [SpaceBooking], {
    nullable: true,
    description: 'Bookings of shared spaces on this day: public ones for everyone, plus your own.',
  })
  spaceBookings(@Root() day: CalendarDay, @Ctx() ctx: Context, @Info() info?: GraphQLResolveInfo): Promise<SpaceBooking[]> {
    // Look-ahead: the spaces of the bookings, when asked, come in the same statement.
    return ctx.loaders.visibleBookingsByDate.load({ date: day.date, spaces: !!info && asksSubfield(info, 'space') });
  }
}
