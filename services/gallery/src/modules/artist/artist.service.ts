import type { DataSource } from 'typeorm';
import type { Lang } from '@maison/config';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import type { GalleryLoaders } from '../../services';
import { lookupOf } from '../common/lookup';
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

  /** One artist by id or by slug (exactly one of them). */
  async find(loaders: GalleryLoaders, id: string | null | undefined, slug: string | null | undefined, lang: Lang): Promise<Artist | null> {
    const lookup = lookupOf(id, slug, lang);
    if (lookup.by === 'id') return loaders.artistById.load(lookup.id);
    return this.ds.getRepository(Artist).findOneBy({ slug: lookup.slug });
  }
}
