import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isAdmin } from '@maison/auth';
import { bucketByDay, instantRangeOf, type RequestScope } from '@maison/house';
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
      const { identity } = scope;
      if (!isAdmin(identity)) {
        if (identity.sub === null) query.andWhere("b.visibility = 'PUBLIC'");
        else
          query.andWhere(
            `(b.visibility = 'PUBLIC' OR b.created_by = :sub
              OR (b.holder_kind = 'TENANT' AND b.holder_id = :tenantId)
              OR (b.holder_kind = 'MEMBER' AND b.holder_id = :memberId)
              OR (b.holder_kind = 'ARTIST' AND b.holder_id = :artistId))`,
            {
              sub: identity.sub,
              tenantId: identity.tenantId ?? null,
              memberId: identity.memberId ?? null,
              artistId: identity.artistId ?? null,
            },
          );
      }
      const rows = await query.getMany();
      return bucketByDay(dates, rows, (b) => ({ start: b.startsAt, end: b.endsAt }));
    }),
  };
}
