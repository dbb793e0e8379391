import type { DataSource } from 'typeorm';
import { groupLoader, uuids } from '@maison/kit';
import { placementOf, PLACEMENT_COLUMNS, type ArtworkPlacement } from './artwork-placement.entity';

const rows = async (ds: DataSource, sql: string, ids: readonly string[]): Promise<ArtworkPlacement[]> =>
  ((await ds.query(sql, [uuids(ids)])) as ArtworkPlacement[]).map(placementOf);

export function artworkPlacementLoaders(ds: DataSource) {
  return {
    /** Artwork.placement of every work of the request: their open stays, one statement. */
    openPlacementByArtwork: groupLoader(
      (ids: readonly string[]) => rows(ds, `SELECT ${PLACEMENT_COLUMNS} FROM artwork_placement WHERE artwork_id = ANY($1) AND until IS NULL`, ids),
      (p) => p.artworkId,
    ),
    /** Artwork.placementHistory of every work of the request: newest first, one statement. */
    placementHistoryByArtwork: groupLoader(
      (ids: readonly string[]) => rows(ds, `SELECT ${PLACEMENT_COLUMNS} FROM artwork_placement WHERE artwork_id = ANY($1) ORDER BY since DESC, id`, ids),
      (p) => p.artworkId,
    ),
  };
}
