import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, preparedRows } from '@maison/kit';
import { bucketByDay, instantRangeOf } from '@maison/house';
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

/** All requested days in one prepared statement: the events overlapping them, bucketed per local day. */
export function calendarLoaders(ds: DataSource) {
  return {
    eventsByDate: new DataLoader<string, CoworkingEvent[]>(async (dates) => {
      const { from, to } = instantRangeOf(dates);
      const rows = await preparedRows(ds, 'coworking_calendar_events', eventsSql(ds), [to, from]);
      const events = entityRows(ds, CoworkingEvent);
      return bucketByDay(
        dates,
        rows.map((row) => events.from(row)!),
        (e) => ({ start: e.startsAt, end: e.endsAt }),
      );
    }),
  };
}
