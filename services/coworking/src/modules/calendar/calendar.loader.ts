import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { bucketByDay, instantRangeOf } from '@maison/house';
import { CoworkingEvent } from '../event/coworking-event.entity';

/** All requested days in one statement: the events overlapping them, bucketed per local day. */
export function calendarLoaders(ds: DataSource) {
  return {
    eventsByDate: new DataLoader<string, CoworkingEvent[]>(async (dates) => {
      const { from, to } = instantRangeOf(dates);
      const rows = await ds
        .getRepository(CoworkingEvent)
        .createQueryBuilder('e')
        .where('e.starts_at < :to AND e.ends_at > :from AND e.cancelled_at IS NULL', { from, to })
        .orderBy('e.starts_at')
        .addOrderBy('e.id')
        .getMany();
      return bucketByDay(dates, rows, (e) => ({ start: e.startsAt, end: e.endsAt }));
    }),
  };
}
