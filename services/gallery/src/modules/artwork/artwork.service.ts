import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import { inputReason, UserErrorCode } from '@maison/errors';
import type { Lang } from '@maison/config';
import { paginate, type Page, type PageArgs, updateReturning } from '@maison/kit';
import { invalid, isUuid, type RuleViolation, searchPattern } from '@maison/house';
import { idFilter } from '../common/lookup';
import { Artwork, ArtworkAvailability } from './artwork.entity';
import { listedArtworksWhere } from './artwork.access';
import { searchWhere } from './artwork-search';
import { ARTWORK_BOUNDS } from './artwork.validation';

export interface ArtworkFilter {
  artistId?: string | null;
  availability?: ArtworkAvailability | null;
  /** true: AVAILABLE (with a price or on request); false: every other availability. */
  forSale?: boolean | null;
  /** A shared space id: the works hanging there. */
  displayedIn?: string | null;
  /** Words of the title, the medium or the artist's name, accents and case ignored (artwork-search.ts). */
  search?: string | null;
}

export interface SaleOutcome {
  artwork: Artwork | null;
  errors: RuleViolation[];
}

export class ArtworkService {
  constructor(private readonly ds: DataSource) {}

  /** The works of the catalogue the viewer sees (artwork.access.ts), newest first (year, then id), narrowed by every filter given. */
  list(filter: ArtworkFilter, args: PageArgs, lang: Lang, viewer: Identity): Promise<Page<Artwork>> {
    const listed = listedArtworksWhere(viewer, 'a');
    const query = this.ds.getRepository(Artwork).createQueryBuilder('a').where(listed.sql, listed.params);
    if (filter.search != null) query.andWhere(searchWhere('a'), { search: searchPattern(filter.search, lang) });
    const artistId = idFilter('artistId', filter.artistId, lang);
    const spaceId = idFilter('displayedIn', filter.displayedIn, lang);
    if (artistId) query.andWhere('a.artist_id = :artistId', { artistId });
    if (filter.availability) query.andWhere('a.availability = :availability', { availability: filter.availability });
    if (filter.forSale === true) query.andWhere('a.availability = :forSale', { forSale: ArtworkAvailability.AVAILABLE });
    if (filter.forSale === false) query.andWhere('a.availability <> :forSale', { forSale: ArtworkAvailability.AVAILABLE });
    if (spaceId) query.andWhere('a.displayed_in_space_id = :spaceId', { spaceId });
    return paginate(query, args, { expression: 'a.year', idExpression: 'a.id', direction: 'DESC', key: (a) => [a.year, a.id], kind: 'smallint' }, lang);
  }

  /**
   * Marks a work sold (ADMIN; the resolver checks the role), at the price it sold for when given,
   * else at its listed price. Only an AVAILABLE work in the catalogue (not retired) can be sold: one statement decides, so two
   * concurrent sales of one work give one sale and one NOT_AVAILABLE.
   */
  async markSold(id: string, priceCents: number | null | undefined): Promise<SaleOutcome> {
    if (priceCents != null && (!Number.isInteger(priceCents) || priceCents < 1)) {
      return { artwork: null, errors: [invalid(['priceCents'], inputReason('AT_LEAST', { min: 1 }))] };
    }
    if (priceCents != null && priceCents > ARTWORK_BOUNDS.maxPriceCents) {
      return { artwork: null, errors: [invalid(['priceCents'], inputReason('BETWEEN', { min: 1, max: ARTWORK_BOUNDS.maxPriceCents }))] };
    }
    if (!isUuid(id)) return { artwork: null, errors: [{ code: UserErrorCode.NOT_FOUND, field: ['id'] }] };
    const rows = await updateReturning<{ id: string }>(
      this.ds,
      `UPDATE artwork SET availability = 'SOLD', price_cents = COALESCE($2, price_cents) WHERE id = $1 AND availability = 'AVAILABLE' AND retired_at IS NULL RETURNING id`,
      [id.toLowerCase(), priceCents ?? null],
    );
    const artwork = await this.ds.getRepository(Artwork).findOneBy({ id: id.toLowerCase() });
    if (!artwork) return { artwork: null, errors: [{ code: UserErrorCode.NOT_FOUND, field: ['id'] }] };
    if (rows.length === 0) return { artwork: null, errors: [{ code: UserErrorCode.NOT_AVAILABLE, field: ['id'] }] };
    return { artwork, errors: [] };
  }
}
