import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { calendarDates, LocalDateScalar } from '@maison/kit';
import type { Context } from '../../context';
import { SpaceBooking } from '../booking/space-booking.entity';
import { CalendarDay } from './calendar-day.entity';

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Query(() => [CalendarDay], { description: 'One CalendarDay per local date from `from` to `to`, both included (at most 92 days).' })
  calendar(
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
  ): CalendarDay[] {
    return calendarDates(from, to, ctx.lang).map((date) => Object.assign(new CalendarDay(), { date }));
  }

  @FieldResolver(() => [SpaceBooking], {
    nullable: true,
    description: 'Bookings of shared spaces on this day: public ones for everyone, plus your own.',
  })
  spaceBookings(@Root() day: CalendarDay, @Ctx() ctx: Context): Promise<SpaceBooking[]> {
    return ctx.loaders.visibleBookingsByDate.load(day.date);
  }
}
