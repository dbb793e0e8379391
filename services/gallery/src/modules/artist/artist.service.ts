import type { DataSource } from 'typeorm';
import type { Lang } from '@maison/config';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import { Artist } from './artist.entity';

export class ArtistService {
  constructor(private readonly ds: DataSource) {}

  /** All artists by slug, keyset-paginated. */
  list(args: PageArgs, lang: Lang): Promise<Page<Artist>> {
    return paginate(
      this.ds.getRepository(Artist).createQueryBuilder('a'),
      args,
      { expression: 'a.slug', idExpression: 'a.id', direction: 'ASC', key: (a) => [a.slug, a.id] },
      lang,
    );
  }

  /** One artist by slug (by id, the resolver reads artistById). */
  bySlug(slug: string): Promise<Artist | null> {
    return this.ds.getRepository(Artist).findOneBy({ slug });
  }
}
