import type { DataSource } from 'typeorm';
import { entityLoader, entityRows, groupLoader, preparedRows, uuids } from '@maison/kit';
import type { Context } from '../../context';
import { Artwork } from './artwork.entity';
import { canSeeArtwork, isListedFor } from './artwork.access';

export function artworkLoaders(ds: DataSource) {
  const artworks = () => ds.getRepository(Artwork).createQueryBuilder('a');
  return {
    artworkById: entityLoader(ds, Artwork),
    /** Artist.artworks of every artist of the request: one statement (of hand-written SQL, a hot path), newest first, retired works left out. */
    artworksByArtist: groupLoader(
      async (ids: readonly string[]) => {
        const rows = entityRows(ds, Artwork);
        const artists = uuids(ids);
        if (artists.length === 0) return [];
        const found = await preparedRows(
          ds,
          'gallery_artworks_by_artist',
          `SELECT ${rows.select('a')} FROM artwork a WHERE a.artist_id = ANY($1::uuid[]) AND a.retired_at IS NULL ORDER BY a.year DESC, a.id DESC`,
          [artists],
        );
        return found.map((row) => rows.from(row)!);
      },
      (a) => a.artistId,
    ),
    /** SharedSpace.artworksOnDisplay of every space of the request: one statement (a retired work is on no wall). */
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

/** A work by id as the caller may read it (artwork.access.ts): the raw loaders, then the rule. */
export async function loadVisibleArtwork(ctx: Pick<Context, 'loaders' | 'identity'>, id: string): Promise<Artwork | null> {
  const work = await ctx.loaders.artworkById.load(id.toLowerCase());
  if (!work) return null;
  const artist = await ctx.loaders.artistById.load(work.artistId);
  return canSeeArtwork(work, artist, ctx.identity) ? work : null;
}

/** The works of a list loaded whole (the walls of a space) that the caller may see listed. */
export async function listedFor(ctx: Pick<Context, 'loaders' | 'identity'>, works: Artwork[]): Promise<Artwork[]> {
  const artists = await Promise.all(works.map((w) => ctx.loaders.artistById.load(w.artistId)));
  return works.filter((w, i) => isListedFor(w, artists[i] ?? null, ctx.identity));
}
