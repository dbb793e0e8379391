import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { bucketByDay, instantRangeOf, type RequestScope } from '@maison/house';
import { detailsVisibleSql } from '../booking/booking.access';
import { SpaceBooking } from '../booking/space-booking.entity';

/** All requested days in one statement: live bookings the caller may see, bucketed per local day. */
export function calendarLoaders(ds: DataSource, scope: RequestScope) {
  return {
    visibleBookingsByDate: new DataLoader<string, SpaceBooking[]>(async (dates) => {
      const { from, to } = instantRangeOf(dates);
      const query = ds
        .getRepository(SpaceBooking)
        .createQueryBuilder('b')
        .where("b.status = 'CONFIRMED'")
        // Events and vernissages appear as themselves in the calendar; closures are not bookings.
        .andWhere("b.kind = 'BOOKING'")
        // The overlap as a range, so that the GiST index on the booked range answers it (004_calendar_range_index.sql).
        .andWhere("tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(:from, :to, '[)')", { from, to })
        .orderBy('b.starts_at')
        .addOrderBy('b.id');
      // Public bookings for everyone, plus those whose details the caller sees: one rule with the fields (booking.access.ts).
      const visible = detailsVisibleSql(scope.identity);
      query.andWhere(visible.sql, visible.params);
      const rows = await query.getMany();
      return bucketByDay(dates, rows, (b) => ({ start: b.startsAt, end: b.endsAt }));
    }),
  };
}
