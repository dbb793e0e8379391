import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, preparedRows } from '@maison/kit';
import { addDays, instantRangeOf, startOfLocalDay } from '@maison/house';
import { CoworkingEvent } from '../event/coworking-event.entity';

/** The events not cancelled overlapping [$2, $1), by start then id; written once per process (and DataSource). */
const statements = new WeakMap<DataSource, string>();
function eventsSql(ds: DataSource): string {
  let sql = statements.get(ds);
  if (!sql) {
    sql = `SELECT ${entityRows(ds, CoworkingEvent).select('e')} FROM coworking_event e
      WHERE e.starts_at < $1 AND e.ends_at > $2 AND e.cancelled_at IS NULL ORDER BY e.starts_at, e.id`;
    statements.set(ds, sql);
  }
  return sql;
}

/**
 * Each day's events (bucketByDay's rule: [start, end) overlaps the local day), the instants of
 * every event read once: the events come by start, so a day stops at the first one starting after it.
 */
function eventsOfDays(dates: readonly string[], events: CoworkingEvent[]): CoworkingEvent[][] {
  const starts = events.map((e) => e.startsAt.getTime());
  const ends = events.map((e) => e.endsAt.getTime());
  return dates.map((date) => {
    const dayStart = startOfLocalDay(date).getTime();
    const dayEnd = startOfLocalDay(addDays(date, 1)).getTime();
    const day: CoworkingEvent[] = [];
    for (let i = 0; i < events.length && starts[i]! < dayEnd; i += 1) if (ends[i]! > dayStart) day.push(events[i]!);
    return day;
  });
}

/** All requested days in one prepared statement: the events overlapping them, bucketed per local day. */
export function calendarLoaders(ds: DataSource) {
  return {
    eventsByDate: new DataLoader<string, CoworkingEvent[]>(async (dates) => {
      const { from, to } = instantRangeOf(dates);
      const rows = await preparedRows(ds, 'coworking_calendar_events', eventsSql(ds), [to, from]);
      const events = entityRows(ds, CoworkingEvent);
      return eventsOfDays(
        dates,
        rows.map((row) => events.from(row)!),
      );
    }),
  };
}
