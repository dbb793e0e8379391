import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { instantRangeOf, localDateOf } from '@maison/house';
import { Exhibition } from '../exhibition/exhibition.entity';

/** Each field of all requested days in one statement over the days' span, then bucketed per day. */
export function calendarLoaders(ds: DataSource) {
  const exhibitions = () => ds.getRepository(Exhibition).createQueryBuilder('e');
  return {
    /** Exhibitions whose [startsOn, endsOn] contains the day. */
    exhibitionsOnViewByDate: new DataLoader<string, Exhibition[]>(async (dates) => {
      const sorted = [...dates].sort();
      const rows = await exhibitions()
        .where("daterange(e.starts_on, e.ends_on, '[]') && daterange(CAST(:first AS date), CAST(:last AS date), '[]')", {
          first: sorted[0],
          last: sorted[sorted.length - 1],
        })
        .orderBy('e.starts_on')
        .addOrderBy('e.id')
        .getMany();
      return dates.map((date) => rows.filter((e) => e.startsOn <= date && date <= e.endsOn));
    }),
    /** Exhibitions whose vernissage starts on the day, in house time. */
    vernissagesByDate: new DataLoader<string, Exhibition[]>(async (dates) => {
      const { from, to } = instantRangeOf(dates);
      const rows = await exhibitions()
        .where('e.vernissage_starts_at >= :from AND e.vernissage_starts_at < :to', { from, to })
        .orderBy('e.vernissage_starts_at')
        .addOrderBy('e.id')
        .getMany();
      return dates.map((date) => rows.filter((e) => localDateOf(e.vernissageStartsAt!) === date));
    }),
  };
}
