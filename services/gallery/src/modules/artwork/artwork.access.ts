import { isAdmin, type Identity } from '@maison/auth';
import { canSeeArtist, ownArtistId, speaksForArtist, type ArtistFacts } from '../artist/artist.access';

/** What the visibility of a work reads. */
export interface ArtworkFacts {
  artistId: string;
  retiredAt: Date | null;
}

/**
 * A work is in the catalogue while it is not retired: there, everyone who sees its artist sees it
 * (a non-public artist's works only by the artist and ADMIN). A retired work is read by id only,
 * by ADMIN and its artist; for anyone else it is null.
 */
export function canSeeArtwork(work: ArtworkFacts, artist: ArtistFacts | null, identity: Identity): boolean {
  if (speaksForArtist(identity, work.artistId)) return true;
  return work.retiredAt === null && artist !== null && canSeeArtist(artist, identity);
}

/** Whether a work is listed (artworks, Artist.artworks, SharedSpace.artworksOnDisplay): in the catalogue and seen. */
export function isListedFor(work: ArtworkFacts, artist: ArtistFacts | null, identity: Identity): boolean {
  return work.retiredAt === null && canSeeArtwork(work, artist, identity);
}

/**
 * The same rule for lists, as a WHERE fragment on the artwork rows aliased `alias`: not retired, and
 * not by a hidden artist the caller is not (the few hidden artists, by the partial index artist_hidden_idx).
 */
export function listedArtworksWhere(identity: Identity, alias: string): { sql: string; params: Record<string, unknown> } {
  const listed = `${alias}.retired_at IS NULL`;
  if (isAdmin(identity)) return { sql: listed, params: {} };
  const self = ownArtistId(identity);
  const hidden = `SELECT hidden.id FROM artist hidden WHERE NOT hidden.is_public${self ? ' AND hidden.id <> :listed_self' : ''}`;
  return { sql: `${listed} AND ${alias}.artist_id NOT IN (${hidden})`, params: self ? { listed_self: self } : {} };
}
