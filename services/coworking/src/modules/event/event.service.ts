import type { DataSource } from 'typeorm';
import type { Lang } from '@maison/config';
import { checkQueryWindow } from '@maison/house';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import { CoworkingEvent } from './coworking-event.entity';

/** An optional window [from, to); either bound may be missing. */
export interface EventWindow {
  from?: Date | null;
  to?: Date | null;
}

export class EventService {
  constructor(private readonly ds: DataSource) {}

  /** Events overlapping the window, by startsAt then id, cancelled ones left out. Members-only events are listed too: only registering is restricted. */
  list(window: EventWindow, page: PageArgs, lang: Lang): Promise<Page<CoworkingEvent>> {
    checkQueryWindow(window.from, window.to, lang);
    const query = this.ds.getRepository(CoworkingEvent).createQueryBuilder('e').where('e.cancelled_at IS NULL');
    if (window.from) query.andWhere('e.ends_at > :from', { from: window.from });
    if (window.to) query.andWhere('e.starts_at < :to', { to: window.to });
    return paginate(
      query,
      page,
      {
        expression: 'e.starts_at',
        idExpression: 'e.id',
        direction: 'ASC',
        key: (e) => [e.startsAt.toISOString(), e.id],
        kind: 'instant',
        parse: (value) => new Date(String(value)),
      },
      lang,
    );
  }
}
