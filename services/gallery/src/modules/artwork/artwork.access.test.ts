import type { Identity } from '@maison/auth';
import { canSeeArtwork, isListedFor, listedArtworksWhere } from './artwork.access';
import { canSeeArtist, speaksForArtist } from '../artist/artist.access';

const ROSE = '11111111-1111-4111-8111-111111111111';
const anonymous: Identity = { sub: null, roles: [] };
const admin: Identity = { sub: 'admin@test', roles: ['ADMIN'] };
const rose: Identity = { sub: 'artist:rose', roles: ['ARTIST'], artistId: ROSE.toUpperCase() };
const other: Identity = { sub: 'artist:autre', roles: ['ARTIST'], artistId: '22222222-2222-4222-8222-222222222222' };
const hidden = { id: ROSE, isPublic: false };
const shown = { id: ROSE, isPublic: true };

describe('who sees an artist and their works', () => {
  it('shows a non-public artist to themself and ADMIN only', () => {
    expect([anonymous, admin, rose, other].map((i) => canSeeArtist(hidden, i))).toEqual([false, true, true, false]);
    expect([anonymous, admin, rose, other].map((i) => canSeeArtist(shown, i))).toEqual([true, true, true, true]);
  });

  it('lets ADMIN and the ARTIST the token names speak for an artist; a member token naming the artist does not', () => {
    expect([anonymous, admin, rose, other].map((i) => speaksForArtist(i, ROSE))).toEqual([false, true, true, false]);
    expect(speaksForArtist({ sub: 'member:x', roles: ['MEMBER'], artistId: ROSE }, ROSE)).toBe(false);
  });

  it('shows a retired work by id to ADMIN and its artist only, and lists it to nobody', () => {
    const retired = { artistId: ROSE, retiredAt: new Date() };
    expect([anonymous, admin, rose, other].map((i) => canSeeArtwork(retired, shown, i))).toEqual([false, true, true, false]);
    expect([anonymous, admin, rose, other].map((i) => isListedFor(retired, shown, i))).toEqual([false, false, false, false]);
    const live = { artistId: ROSE, retiredAt: null };
    expect([anonymous, admin, rose, other].map((i) => isListedFor(live, hidden, i))).toEqual([false, true, true, false]);
    expect([anonymous, admin, rose, other].map((i) => isListedFor(live, shown, i))).toEqual([true, true, true, true]);
  });

  it('writes the same rule for lists in SQL: never retired, never a hidden artist but the caller', () => {
    expect(listedArtworksWhere(admin, 'a')).toEqual({ sql: 'a.retired_at IS NULL', params: {} });
    expect(listedArtworksWhere(anonymous, 'a').sql).toBe(
      'a.retired_at IS NULL AND a.artist_id NOT IN (SELECT hidden.id FROM artist hidden WHERE NOT hidden.is_public)',
    );
    expect(listedArtworksWhere(rose, 'w')).toEqual({
      sql: 'w.retired_at IS NULL AND w.artist_id NOT IN (SELECT hidden.id FROM artist hidden WHERE NOT hidden.is_public AND hidden.id <> :listed_self)',
      params: { listed_self: ROSE },
    });
  });
});
