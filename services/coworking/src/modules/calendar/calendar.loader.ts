import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, preparedRows } from '@maison/kit';
import { addDays, daysBetween, instantRangeOf, startOfLocalDay } from '@maison/house';
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
 * The [start, end) instants, in ms, of each date's local day, in the order of dates (distinct, as
 * DataLoader gives them), and instantRangeOf(dates). Consecutive days (a calendar's) share their
 * edges: one startOfLocalDay a day.
 */
interface DayBounds {
  starts: number[];
  ends: number[];
  from: Date;
  to: Date;
}
function dayBounds(dates: readonly string[]): DayBounds {
  const sorted = [...dates].sort();
  const last = sorted[sorted.length - 1]!;
  if (daysBetween(sorted[0]!, last) !== sorted.length - 1) {
    const starts = dates.map((d) => startOfLocalDay(d).getTime());
    return { starts, ends: dates.map((d) => startOfLocalDay(addDays(d, 1)).getTime()), ...instantRangeOf(sorted) };
  }
  const edges = [...sorted, addDays(last, 1)].map((d) => startOfLocalDay(d).getTime());
  const index = new Map(sorted.map((d, i) => [d, i]));
  return {
    starts: dates.map((d) => edges[index.get(d)!]!),
    ends: dates.map((d) => edges[index.get(d)! + 1]!),
    from: new Date(edges[0]!),
    to: new Date(edges[sorted.length]!),
  };
}

/**
 * Each day's events (bucketByDay's rule: [start, end) overlaps the local day), the instants of
 * every event read once: the events come by start, so a day stops at the first one starting after it.
 */
function eventsOfDays(dates: readonly string[], days: DayBounds, events: CoworkingEvent[]): CoworkingEvent[][] {
  const starts = events.map((e) => e.startsAt.getTime());
  const ends = events.map((e) => e.endsAt.getTime());
  return dates.map((_, d) => {
    const [dayStart, dayEnd] = [days.starts[d]!, days.ends[d]!];
    const day: CoworkingEvent[] = [];
    for (let i = 0; i < events.length && starts[i]! < dayEnd; i += 1) if (ends[i]! > dayStart) day.push(events[i]!);
    return day;
  });
}

/** All requested days in one prepared statement: the events overlapping them, bucketed per local day. */
export function calendarLoaders(ds: DataSource) {
  return {
    eventsByDate: new DataLoader<string, CoworkingEvent[]>(async (dates) => {
      const days = dayBounds(dates);
      const rows = await preparedRows(ds, 'coworking_calendar_events', eventsSql(ds), [days.to, days.from]);
      const events = entityRows(ds, CoworkingEvent);
      return eventsOfDays(
        dates,
        days,
        rows.map((row) => events.from(row)!),
      );
    }),
  };
}
