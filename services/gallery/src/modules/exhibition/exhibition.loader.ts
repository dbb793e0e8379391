import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityLoader, uuids } from '@maison/kit';
import { exhibitionShowLoader, type ShowPrimes } from './exhibition-show.loader';
import { Exhibition } from './exhibition.entity';

/** Vernissages held in a shared space, overlapping [from, to) when given. */
export interface SpaceVernissagesKey {
  spaceId: string;
  from: Date | null;
  to: Date | null;
}

const rangeOf = (k: SpaceVernissagesKey) => `${k.from?.toISOString() ?? ''}/${k.to?.toISOString() ?? ''}`;
const keyOf = (k: SpaceVernissagesKey) => `${k.spaceId.toLowerCase()}|${rangeOf(k)}`;

/** primes: the request's own loaders, primed with the artists and works the exhibitions show. */
export function exhibitionLoaders(ds: DataSource, primes: ShowPrimes) {
  return {
    exhibitionById: entityLoader(ds, Exhibition),
    /** Exhibition.artists and Exhibition.artworks (and Artist.artworks of the artists) of every exhibition of the request: one statement. */
    exhibitionShow: exhibitionShowLoader(ds, primes),
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
