import type { DataSource } from 'typeorm';
import { entityLoader, groupLoader, uuids } from '@maison/kit';
import { Artwork } from './artwork.entity';

export function artworkLoaders(ds: DataSource) {
  const artworks = () => ds.getRepository(Artwork).createQueryBuilder('a');
  return {
    artworkById: entityLoader(ds, Artwork),
    /** Artist.artworks of every artist of the request: one statement, newest first. */
    artworksByArtist: groupLoader(
      (ids: readonly string[]) =>
        artworks()
          .where('a.artist_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('a.year', 'DESC')
          .addOrderBy('a.id', 'DESC')
          .getMany(),
      (a) => a.artistId,
    ),
    /** SharedSpace.artworksOnDisplay of every space of the request: one statement. */
    artworksBySpace: groupLoader(
      (ids: readonly string[]) =>
        artworks()
          .where('a.displayed_in_space_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('a.slug')
          .getMany(),
      (a) => a.displayedInSpaceId!,
    ),
  };
}
