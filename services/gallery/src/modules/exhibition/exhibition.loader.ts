import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityLoader, uuids } from '@maison/kit';
import { linkLoader } from '../common/link-loader';
import { Exhibition } from './exhibition.entity';
import { ExhibitionArtist } from './exhibition-artist.entity';
import { ExhibitionArtwork } from './exhibition-artwork.entity';

/** Vernissages held in a shared space, overlapping [from, to) when given. */
export interface SpaceVernissagesKey {
  spaceId: string;
  from: Date | null;
  to: Date | null;
}

const rangeOf = (k: SpaceVernissagesKey) => `${k.from?.toISOString() ?? ''}/${k.to?.toISOString() ?? ''}`;
const keyOf = (k: SpaceVernissagesKey) => `${k.spaceId.toLowerCase()}|${rangeOf(k)}`;

export function exhibitionLoaders(ds: DataSource) {
  return {
    exhibitionById: entityLoader(ds, Exhibition),
    /** Exhibition.artists of every exhibition of the request: one statement, in credit order. */
    artistsByExhibition: linkLoader(
      (ids) =>
        ds
          .getRepository(ExhibitionArtist)
          .createQueryBuilder('link')
          .innerJoinAndSelect('link.artist', 'artist')
          .where('link.exhibition_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('link.position')
          .addOrderBy('artist.slug')
          .getMany(),
      (link) => link.exhibitionId,
      (link) => link.artist,
    ),
    /** Exhibition.artworks of every exhibition of the request: one statement, in catalogue order. */
    artworksByExhibition: linkLoader(
      (ids) =>
        ds
          .getRepository(ExhibitionArtwork)
          .createQueryBuilder('link')
          .innerJoinAndSelect('link.artwork', 'artwork')
          .where('link.exhibition_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('link.position')
          .addOrderBy('artwork.slug')
          .getMany(),
      (link) => link.exhibitionId,
      (link) => link.artwork,
    ),
    /** SharedSpace.vernissages of every space of the request: one statement per distinct range. */
    vernissagesBySpace: new DataLoader<SpaceVernissagesKey, Exhibition[], string>(
      async (keys) => {
        const byRange = new Map<string, SpaceVernissagesKey[]>();
        for (const key of keys) byRange.set(rangeOf(key), [...(byRange.get(rangeOf(key)) ?? []), key]);
        const results = new Map<string, Exhibition[]>();
        await Promise.all(
          [...byRange.values()].map(async (group) => {
            const { from, to } = group[0]!;
            const query = ds
              .getRepository(Exhibition)
              .createQueryBuilder('e')
              .where('e.vernissage_space_id = ANY(:ids)', { ids: uuids(group.map((g) => g.spaceId)) })
              .orderBy('e.vernissage_starts_at')
              .addOrderBy('e.id');
            if (to) query.andWhere('e.vernissage_starts_at < :to', { to });
            if (from) query.andWhere('e.vernissage_ends_at > :from', { from });
            const rows = await query.getMany();
            for (const g of group)
              results.set(
                keyOf(g),
                rows.filter((e) => e.vernissageSpaceId === g.spaceId.toLowerCase()),
              );
          }),
        );
        return keys.map((k) => results.get(keyOf(k)) ?? []);
      },
      { cacheKeyFn: keyOf },
    ),
  };
}
