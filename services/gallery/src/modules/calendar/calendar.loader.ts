import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityRows, preparedRows, type EntityRows } from '@maison/kit';
import { instantRangeOf, localDateOf } from '@maison/house';
import { Exhibition } from '../exhibition/exhibition.entity';

/** A field of a day: the exhibitions on view (part 0), or the vernissages (part 1). */
export interface DayPartKey {
  date: string;
  part: 0 | 1;
}

type Variant = 'onView' | 'vernissages' | 'both';

/**
 * The statements, written once per process (and DataSource): the exhibitions whose [startsOn,
 * endsOn] meets the dates [first, last] (part 0, by starts_on then id), the exhibitions whose
 * vernissage starts within [from, to) (part 1, by vernissage_starts_at then id); one or both. The
 * sort keys are numbers (days since 2000, seconds since 1970), cheaper to read than a date and an instant.
 */
const statements = new WeakMap<DataSource, Record<Variant, string>>();
function daysSql(ds: DataSource): Record<Variant, string> {
  let sql = statements.get(ds);
  if (sql) return sql;
  const e = entityRows(ds, Exhibition).select('e');
  const onView = (first: string, last: string) =>
    `SELECT 0 AS part, e.starts_on - DATE '2000-01-01' AS "sortOn", NULL::numeric AS "sortAt", ${e} FROM exhibition e
      WHERE daterange(e.starts_on, e.ends_on, '[]') && daterange(${first}::date, ${last}::date, '[]')`;
  const vernissages = (from: string, to: string) =>
    `SELECT 1 AS part, NULL::integer AS "sortOn", extract(epoch FROM e.vernissage_starts_at) AS "sortAt", ${e} FROM exhibition e
      WHERE e.vernissage_starts_at >= ${from} AND e.vernissage_starts_at < ${to}`;
  const order = '\n      ORDER BY part, "sortOn", "sortAt", id';
  sql = {
    onView: onView('$1', '$2') + order,
    vernissages: vernissages('$1', '$2') + order,
    both: `${onView('$1', '$2')}\n      UNION ALL\n      ${vernissages('$3', '$4')}${order}`,
  };
  statements.set(ds, sql);
  return sql;
}

/** Each requested field of each day: a day's exhibitions on view, or those whose vernissage starts on it in house time. */
function collect(keys: readonly DayPartKey[], rows: Record<string, unknown>[], exhibitions: EntityRows<Exhibition>): Exhibition[][] {
  const onView: Exhibition[] = [];
  const vernissagesOn = new Map<string, Exhibition[]>();
  for (const row of rows) {
    const exhibition = exhibitions.from(row)!;
    if (row.part === 0) onView.push(exhibition);
    else {
      const date = localDateOf(exhibition.vernissageStartsAt!);
      const list = vernissagesOn.get(date);
      if (list) list.push(exhibition);
      else vernissagesOn.set(date, [exhibition]);
    }
  }
  return keys.map(({ date, part }) => {
    if (part === 1) return vernissagesOn.get(date) ?? [];
    const day: Exhibition[] = [];
    for (const e of onView) if (e.startsOn <= date && date <= e.endsOn) day.push(e);
    return day;
  });
}

/** The gallery's fields of all requested days in ONE prepared statement over the days' span, then bucketed per day. */
export function calendarLoaders(ds: DataSource) {
  return {
    galleryDays: new DataLoader<DayPartKey, Exhibition[], string>(
      async (keys) => {
        const onView = keys.filter((k) => k.part === 0).map((k) => k.date);
        const vernissages = keys.filter((k) => k.part === 1).map((k) => k.date);
        const sorted = [...onView].sort();
        const days = [sorted[0], sorted[sorted.length - 1]];
        const instants = vernissages.length > 0 ? instantRangeOf(vernissages) : null;
        const sql = daysSql(ds);
        const rows =
          instants === null
            ? await preparedRows(ds, 'gallery_calendar_on_view', sql.onView, days)
            : onView.length === 0
              ? await preparedRows(ds, 'gallery_calendar_vernissages', sql.vernissages, [instants.from, instants.to])
              : await preparedRows(ds, 'gallery_calendar_days', sql.both, [...days, instants.from, instants.to]);
        return collect(keys, rows, entityRows(ds, Exhibition));
      },
      { cacheKeyFn: (k) => `${k.part} ${k.date}` },
    ),
  };
}
