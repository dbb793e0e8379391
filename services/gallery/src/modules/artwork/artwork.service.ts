import type { DataSource } from 'typeorm';
import type { Lang } from '@maison/config';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import { idFilter } from '../common/lookup';
import { Artwork, type ArtworkAvailability } from './artwork.entity';

export interface ArtworkFilter {
  artistId?: string | null;
  availability?: ArtworkAvailability | null;
}

export class ArtworkService {
  constructor(private readonly ds: DataSource) {}

  /** Artworks, newest first (year, then id), optionally of one artist and of one availability. */
  list(filter: ArtworkFilter, args: PageArgs, lang: Lang): Promise<Page<Artwork>> {
    const query = this.ds.getRepository(Artwork).createQueryBuilder('a');
    const artistId = idFilter('artistId', filter.artistId, lang);
    if (artistId) query.andWhere('a.artist_id = :artistId', { artistId });
    if (filter.availability) query.andWhere('a.availability = :availability', { availability: filter.availability });
    return paginate(query, args, { expression: 'a.year', idExpression: 'a.id', direction: 'DESC', key: (a) => [a.year, a.id] }, lang);
  }
}
