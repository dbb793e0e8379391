import { ServiceClient } from '@maison/kit';
import type { ArtistChecker, HolderState } from './booking.holder';

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Artist { id } } }`;

/**
 * Asks the gallery subgraph, with one signed service call for many artists, which of them it
 * knows. The call is signed as the tenants service (ADMIN), who sees every artist: a null entity
 * means the gallery has no such artist (UNKNOWN), not one hidden from the caller.
 */
export class GalleryArtistChecker implements ArtistChecker {
  constructor(private readonly client: ServiceClient | null) {}

  async artistStates(artistIds: readonly string[]): Promise<HolderState[]> {
    // Without the gallery subgraph nobody can vouch for the artist: refuse rather than guess (as memberships do).
    if (!this.client) return artistIds.map(() => 'INACTIVE');
    const data = await this.client.request<{ _entities: ({ id: string } | null)[] }>(QUERY, {
      r: artistIds.map((id) => ({ __typename: 'Artist', id })),
    });
    return artistIds.map((_, i) => (data._entities[i] ? 'ACTIVE' : 'UNKNOWN'));
  }
}
