import { hasRole, isAdmin, type Identity } from '@maison/auth';
import { always, anyOf, equals, holds, isTrue, isUuid, namedParameters, never, sqlWhere, type RowCondition } from '@maison/house';

/** What the visibility of an artist reads. */
export interface ArtistFacts {
  id: string;
  isPublic: boolean;
}

const ARTIST_COLUMNS = { id: 'id', isPublic: 'is_public' } as const;

/** The artist the caller is (the artistId of the token, lowercased); null without one, or with one that is no UUID. */
export function ownArtistId(identity: Identity): string | null {
  const self = identity.artistId;
  return self && isUuid(self) ? self.toLowerCase() : null;
}

/** A public artist is seen by everyone; a non-public one (isPublic false) only by themself and ADMIN. */
export function artistsVisibleTo(identity: Identity): RowCondition<ArtistFacts> {
  if (isAdmin(identity)) return always();
  const self = ownArtistId(identity);
  return anyOf<ArtistFacts>(isTrue('isPublic'), self ? equals('id', self) : never());
}

export function canSeeArtist(artist: ArtistFacts, identity: Identity): boolean {
  return holds(artistsVisibleTo(identity), artist);
}

/** The same rule as a WHERE fragment on the artist rows of a query builder, aliased `alias`. */
export function visibleArtistsWhere(identity: Identity, alias: string): { sql: string; params: Record<string, unknown> } {
  const params = namedParameters('visible_artist_');
  return { sql: sqlWhere(artistsVisibleTo(identity), { alias, columns: ARTIST_COLUMNS }, params), params: params.values };
}

/** ADMIN, or an ARTIST whose token names the artist: who may change an artist's record and works, and read their retired works. */
export function speaksForArtist(identity: Identity, artistId: string): boolean {
  return isAdmin(identity) || (hasRole(identity, 'ARTIST') && ownArtistId(identity) === artistId.toLowerCase());
}
