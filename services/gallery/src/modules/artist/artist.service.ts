import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import { Artist } from './artist.entity';
import { visibleArtistsWhere } from './artist.access';

export class ArtistService {
  constructor(private readonly ds: DataSource) {}

  /** The artists the caller sees (artist.access.ts) by slug, keyset-paginated. */
  list(args: PageArgs, lang: Lang, viewer: Identity): Promise<Page<Artist>> {
    const visible = visibleArtistsWhere(viewer, 'a');
    return paginate(
      this.ds.getRepository(Artist).createQueryBuilder('a').where(visible.sql, visible.params),
      args,
      { expression: 'a.slug', idExpression: 'a.id', direction: 'ASC', key: (a) => [a.slug, a.id] },
      lang,
    );
  }

  /** One artist by slug, whoever asks (by id, the resolver reads artistById): the resolver applies canSeeArtist. */
  bySlug(slug: string): Promise<Artist | null> {
    return this.ds.getRepository(Artist).findOneBy({ slug });
  }
}
