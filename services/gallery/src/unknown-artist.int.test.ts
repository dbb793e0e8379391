import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { stableId } from '@maison/house';
import { admin, startTestSubgraph, withRoles } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, at, createArtist, createStudio, data, day, minutes, type GalleryGraph } from './test-support/fixtures';

/**
 * A token (or ADMIN's artistId) naming an artist who does not exist: studio time is neither booked nor
 * cancelled as that artist (UNKNOWN_HOLDER, never NOT_FOUND nor NOT_ELIGIBLE), and nothing is written.
 */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
});
afterAll(async () => {
  await graph?.close();
});

const UNKNOWN_FR = 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.';
const UNKNOWN_EN = 'The tenant, member or artist named by your token does not exist or is archived.';

const BOOK = `mutation($input: BookStudioInput!) { bookStudio(input: $input) { booking { id artist { id } } userErrors { code message field } } }`;
const CANCEL = `mutation($id: ID!) { cancelStudioBooking(id: $id) { booking { id status } userErrors { code message field } } }`;
const ASSIGN = `mutation($input: AssignStudioInput!) { assignStudio(input: $input) { assignment { id } userErrors { code message field } } }`;

const book = (identity: Identity, studioId: string, startsAt: Date, lang: 'fr' | 'en' = 'fr') =>
  data(graph, BOOK, { input: { studioId, startsAt, endsAt: minutes(startsAt, 60), title: 'Essai' } }, identity, lang).then((d) => d.bookStudio);
const bookingsOf = async (studioId: string) => (await graph.ds.query('SELECT count(*)::int AS n FROM studio_booking WHERE studio_id = $1', [studioId]))[0].n;

describe('a token naming an artist who does not exist', () => {
  it('books no studio time: UNKNOWN_HOLDER in French by default and in English, and nothing written', async () => {
    const studio = await createStudio(graph.ds, 1);
    const ghost = artistIdentity(randomUUID());
    expect(await book(ghost, studio, at(3, '09:00'))).toEqual({ booking: null, userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: null }] });
    expect(await book(ghost, studio, at(3, '09:00'), 'en')).toEqual({
      booking: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: null }],
    });
    expect(await bookingsOf(studio)).toBe(0);
  });

  it('is refused before the rules of the booking: an unknown artist learns nothing about the studio or the slot', async () => {
    const ghost = artistIdentity(randomUUID());
    expect((await book(ghost, stableId('studio', 'grenier'), at(3, '10:00'))).userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_HOLDER']);
  });

  it('cancels nothing, not even a booking of the sub it signs with, while a real artist books and cancels', async () => {
    const studio = await createStudio(graph.ds, 1);
    const artistId = await createArtist(graph.ds, 'Réelle');
    const real = artistIdentity(artistId);
    const { booking } = await book(real, studio, at(4, '09:00'));
    expect(booking).toEqual({ id: expect.any(String), artist: { id: artistId } });

    const ghost = { ...real, artistId: randomUUID() };
    expect(await data(graph, CANCEL, { id: booking.id }, ghost, 'en')).toEqual({
      cancelStudioBooking: { booking: null, userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: null }] },
    });
    expect((await data(graph, CANCEL, { id: booking.id }, real)).cancelStudioBooking).toEqual({
      booking: { id: booking.id, status: 'CANCELLED' },
      userErrors: [],
    });
  });

  it('answers ADMIN whose own token names an unknown artist UNKNOWN_HOLDER too; ADMIN without one books for the house', async () => {
    const studio = await createStudio(graph.ds, 1);
    const adminGhost = withRoles('admin:ghost', ['ADMIN'], { artistId: randomUUID() });
    expect((await book(adminGhost, studio, at(5, '09:00'))).userErrors).toEqual([{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: null }]);
    expect(await book(admin, studio, at(5, '09:00'))).toEqual({ booking: { id: expect.any(String), artist: null }, userErrors: [] });
  });
});

describe('an artist gone between the lookup and the insert', () => {
  it('is refused by the foreign key with the same UNKNOWN_HOLDER, never an internal error', async () => {
    const studio = await createStudio(graph.ds, 1);
    // The service alone, as if the resolver's lookup had found an artist deleted just after.
    const outcome = await graph.services.studioBookings.book(artistIdentity(randomUUID()), {
      studioId: studio,
      startsAt: at(6, '09:00'),
      endsAt: at(6, '10:00'),
      title: 'Essai',
    });
    expect(outcome).toEqual({ booking: null, errors: [{ code: 'UNKNOWN_HOLDER' }] });
    expect(await bookingsOf(studio)).toBe(0);
  });
});

describe('ADMIN naming an artist who does not exist', () => {
  it('assigns nobody to a studio: UNKNOWN_HOLDER on input.artistId, in French and in English; a real artist is assigned', async () => {
    const studio = await createStudio(graph.ds, 2);
    const input = (artistId: string) => ({ input: { studioId: studio, artistId, startsOn: day(1) } });
    expect((await data(graph, ASSIGN, input(randomUUID()), admin)).assignStudio).toEqual({
      assignment: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: UNKNOWN_FR, field: ['input', 'artistId'] }],
    });
    expect((await data(graph, ASSIGN, input('personne'), admin, 'en')).assignStudio.userErrors).toEqual([
      { code: 'UNKNOWN_HOLDER', message: UNKNOWN_EN, field: ['input', 'artistId'] },
    ]);
    expect((await data(graph, ASSIGN, input(await createArtist(graph.ds)), admin)).assignStudio).toEqual({
      assignment: { id: expect.any(String) },
      userErrors: [],
    });
  });
});
