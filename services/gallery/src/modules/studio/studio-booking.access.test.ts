import { ANONYMOUS, type Identity } from '@maison/auth';
import { canSeeStudioBookingDetails } from './studio-booking.access';

const ARTIST_ID = '11111111-1111-4111-8111-111111111111';
const artist: Identity = { sub: 'artist:a', roles: ['ARTIST'], artistId: ARTIST_ID };
const admin: Identity = { sub: 'admin', roles: ['ADMIN'] };
const other: Identity = { sub: 'artist:b', roles: ['ARTIST'], artistId: '22222222-2222-4222-8222-222222222222' };

describe('who sees the details of studio time', () => {
  const byArtist = { artistId: ARTIST_ID, bookedBy: 'artist:a' };
  const byTheHouse = { artistId: null, bookedBy: 'admin' };

  it('shows them to the booker, by artist id or by who signed the request, and to ADMIN', () => {
    expect(canSeeStudioBookingDetails(byArtist, artist)).toBe(true);
    expect(canSeeStudioBookingDetails({ artistId: ARTIST_ID, bookedBy: 'an admin acting as the artist' }, artist)).toBe(true);
    expect(canSeeStudioBookingDetails(byTheHouse, admin)).toBe(true);
    expect(canSeeStudioBookingDetails(byArtist, admin)).toBe(true);
  });

  it('hides them from everyone else, anonymous callers first', () => {
    expect(canSeeStudioBookingDetails(byArtist, ANONYMOUS)).toBe(false);
    expect(canSeeStudioBookingDetails(byArtist, other)).toBe(false);
    expect(canSeeStudioBookingDetails(byTheHouse, artist)).toBe(false);
  });
});
