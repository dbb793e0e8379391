import { hasRole, isAdmin, type Identity } from '@maison/auth';

/** The artist of a work: an ARTIST whose token names the work's artist. */
export const isArtistOf = (identity: Identity, artistId: string): boolean =>
  hasRole(identity, 'ARTIST') && identity.artistId?.toLowerCase() === artistId.toLowerCase();

/** Who places a work, and reads its history and who placed it: ADMIN, or the artist of the work. */
export const mayPlace = (identity: Identity, artistId: string): boolean => isAdmin(identity) || isArtistOf(identity, artistId);

/** Who may call placeArtwork at all (before the work is known): ADMIN and ARTIST. */
export const mayAskToPlace = (identity: Identity): boolean => isAdmin(identity) || hasRole(identity, 'ARTIST');
