import type { DataSource } from 'typeorm';
import type { Lang } from '@maison/config';
import { entityRows, paginate, preparedRows, type KeysetSort, type Page, type PageArgs } from '@maison/kit';
import { todayInHouse } from '@maison/house';
import { Exhibition } from './exhibition.entity';
import { ExhibitionStatus } from './exhibition-status';

const byStart = (direction: 'ASC' | 'DESC'): KeysetSort<Exhibition> => ({
  expression: 'e.starts_on',
  idExpression: 'e.id',
  direction,
  key: (e) => [e.startsOn, e.id],
  kind: 'date',
});
const byEnd = (direction: 'ASC' | 'DESC'): KeysetSort<Exhibition> => ({
  expression: 'e.ends_on',
  idExpression: 'e.id',
  direction,
  key: (e) => [e.endsOn, e.id],
  kind: 'date',
});

export class ExhibitionService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Exhibitions, with the order that suits each status: CURRENT closing soonest first, UPCOMING
   * opening soonest first, PAST most recently closed first; all of them, latest opening first.
   */
  list(status: ExhibitionStatus | null | undefined, args: PageArgs, lang: Lang, today = todayInHouse()): Promise<Page<Exhibition>> {
    const query = this.ds.getRepository(Exhibition).createQueryBuilder('e');
    let sort: KeysetSort<Exhibition>;
    switch (status) {
      case ExhibitionStatus.CURRENT:
        query.where('e.starts_on <= :today AND e.ends_on >= :today', { today });
        sort = byEnd('ASC');
        break;
      case ExhibitionStatus.UPCOMING:
        query.where('e.starts_on > :today', { today });
        sort = byStart('ASC');
        break;
      case ExhibitionStatus.PAST:
        query.where('e.ends_on < :today', { today });
        sort = byEnd('DESC');
        break;
      default:
        sort = byStart('DESC');
    }
    return paginate(query, args, sort, lang);
  }

  /** One exhibition by slug (by id, the resolver reads exhibitionById). */
  async bySlug(slug: string): Promise<Exhibition | null> {
    const rows = entityRows(this.ds, Exhibition);
    const [row] = await preparedRows(this.ds, 'gallery_exhibition_by_slug', `SELECT ${rows.select('e')} FROM exhibition e WHERE e.slug = $1 LIMIT 1`, [slug]);
    return row ? rows.from(row) : null;
  }
}
