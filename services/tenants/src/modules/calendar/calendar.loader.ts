import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, preparedRows } from '@maison/kit';
import { bucketByDay, instantRangeOf, type RequestScope } from '@maison/house';
import { detailsVisiblePositional } from '../booking/booking.access';
import { SpaceBooking } from '../booking/space-booking.entity';
import { SharedSpace } from '../space/shared-space.entity';

/** The days of a calendar; with spaces, the spaces of their bookings come in the same statement (SpaceBooking.space). */
export interface CalendarKey {
  date: string;
  spaces: boolean;
}

/**
 * The statements, one per shape of the caller's visibility clauses (and with or without spaces),
 * named once per process: live bookings (part 0) overlapping [$1, $2), not closures nor holds, that
 * the caller may see (booking.access.ts), by start then id; with spaces, the spaces they book (part 1).
 */
const statements = new WeakMap<DataSource, Map<string, { name: string; text: string }>>();
function statementOf(ds: DataSource, visible: string, spaces: boolean): { name: string; text: string } {
  let known = statements.get(ds);
  if (!known) statements.set(ds, (known = new Map()));
  const key = `${spaces}|${visible}`;
  let statement = known.get(key);
  if (!statement) known.set(key, (statement = { name: `tenants_calendar_${known.size}`, text: calendarSql(ds, visible, spaces) }));
  return statement;
}

function calendarSql(ds: DataSource, visible: string, spaces: boolean): string {
  const [b, s] = [entityRows(ds, SpaceBooking), entityRows(ds, SharedSpace)];
  // The overlap as a range, so that the GiST index on the booked range answers it (004_calendar_range_index.sql).
  const bookings = `SELECT * FROM space_booking b WHERE b.status = 'CONFIRMED' AND b.kind = 'BOOKING'
      AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange($1::timestamptz, $2::timestamptz, '[)') AND ${visible}`;
  if (!spaces) return `SELECT 0 AS part, ${b.select('b', 'b.')} FROM (${bookings}) b ORDER BY "b.startsAt", "b.id"`;
  return `WITH b AS (${bookings})
    SELECT 0 AS part, ${b.select('b', 'b.')}, ${s.nulls('s.')} FROM b
    UNION ALL
    SELECT 1, ${b.nulls('b.')}, ${s.select('s', 's.')} FROM shared_space s WHERE s.id IN (SELECT space_id FROM b)
    ORDER BY part, "b.startsAt", "b.id"`;
}

/** All requested days in one statement: live bookings the caller may see, bucketed per local day. */
export function calendarLoaders(ds: DataSource, scope: RequestScope, primes: { spaceById: DataLoader<string, SharedSpace | null> }) {
  return {
    visibleBookingsByDate: new DataLoader<CalendarKey, SpaceBooking[], string>(
      async (keys) => {
        const dates = keys.map((k) => k.date);
        const { from, to } = instantRangeOf(dates);
        const spaces = keys.some((k) => k.spaces);
        // Public bookings for everyone, plus those whose details the caller sees: one rule with the fields (booking.access.ts).
        const visible = detailsVisiblePositional(scope.identity, 'b', 3);
        const { name, text } = statementOf(ds, visible.sql, spaces);
        const rows = await preparedRows(ds, name, text, [from, to, ...visible.values]);
        const [bookings, space] = [entityRows(ds, SpaceBooking), entityRows(ds, SharedSpace)];
        const found: SpaceBooking[] = [];
        for (const row of rows) {
          if (row.part === 0) found.push(bookings.from(row, 'b.')!);
          else {
            const s = space.from(row, 's.')!;
            primes.spaceById.prime(s.id, s);
          }
        }
        return bucketByDay(dates, found, (b) => ({ start: b.startsAt, end: b.endsAt }));
      },
      { cacheKeyFn: (k) => `${k.date}|${k.spaces}` },
    ),
  };
}
