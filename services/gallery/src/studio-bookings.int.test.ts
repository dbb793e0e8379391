import type { Identity } from '@maison/auth';
import { stableId, toHouseIso } from '@maison/house';
import { admin, anonymous, asMember, asTenant, startTestSubgraph, withRoles } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, at, createStudio, data, minutes, type GalleryGraph } from './test-support/fixtures';

/** bookStudio, cancelStudioBooking and Studio.bookings: the rules and who sees what. */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
});
afterAll(async () => {
  await graph?.close();
});

const BOOK = `mutation($input: BookStudioInput!) {
  bookStudio(input: $input) { booking { id startsAt endsAt status title studio { slug } artist { slug } } userErrors { code message field } }
}`;
const CANCEL = `mutation($id: ID!) { cancelStudioBooking(id: $id) { booking { id status } userErrors { code message field } } }`;
const BOOKINGS = `query($slug: String!, $from: DateTime!, $to: DateTime!) {
  studio(slug: $slug) { bookings(from: $from, to: $to) { id startsAt endsAt status title artist { slug } } }
}`;

const potter = artistIdentity(stableId('artist', 'noemie-pelletier-vezina'));
const carver = artistIdentity(stableId('artist', 'fernand-saint-aubin'));
const clay = stableId('studio', 'atelier-de-la-terre');

const book = (identity: Identity, studioId: string, startsAt: Date, durationMinutes: number, title = 'Tournage') =>
  data(graph, BOOK, { input: { studioId, startsAt, endsAt: minutes(startsAt, durationMinutes), title } }, identity).then((d) => d.bookStudio);
const codesOf = async (...args: Parameters<typeof book>) => (await book(...args)).userErrors.map((e: { code: string }) => e.code);
const cancel = (identity: Identity, id: string) => data(graph, CANCEL, { id }, identity).then((d) => d.cancelStudioBooking);

describe('bookStudio', () => {
  it('books studio time for an artist, who sees its title and artist', async () => {
    const startsAt = at(3, '09:00');
    expect(await book(potter, clay, startsAt, 180, 'Cuisson raku')).toEqual({
      booking: {
        id: expect.any(String),
        startsAt: toHouseIso(startsAt),
        endsAt: toHouseIso(minutes(startsAt, 180)),
        status: 'CONFIRMED',
        title: 'Cuisson raku',
        studio: { slug: 'atelier-de-la-terre' },
        artist: { slug: 'noemie-pelletier-vezina' },
      },
      userErrors: [],
    });
  });

  it('is for artists with an artist id and ADMIN: UNAUTHENTICATED when anonymous, FORBIDDEN for other roles', async () => {
    const input = { studioId: clay, startsAt: at(4, '09:00'), endsAt: at(4, '10:00'), title: 'Essai' };
    expect((await graph.execute(BOOK, { input }, { identity: anonymous })).body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    for (const identity of [asTenant('graphisme'), asMember('camille'), withRoles('artist:sans-id', ['ARTIST'])]) {
      const { body } = await graph.execute(BOOK, { input }, { identity });
      expect(body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] });
    }
    expect(await codesOf(admin, clay, at(4, '09:00'), 60)).toEqual([]);
    // An artist id the gallery does not know names nobody who could book.
    expect(await codesOf(artistIdentity(stableId('artist', 'inconnu')), clay, at(4, '11:00'), 60)).toEqual(['UNKNOWN_HOLDER']);
  });

  it('lets back-to-back bookings through and refuses an overlap of one minute (SLOT_UNAVAILABLE)', async () => {
    const studio = await createStudio(graph.ds, 2);
    const ten = at(5, '10:00');
    expect(await codesOf(potter, studio, ten, 60)).toEqual([]);
    expect(await codesOf(carver, studio, minutes(ten, 60), 60)).toEqual([]);
    expect(await codesOf(carver, studio, minutes(ten, -60), 60)).toEqual([]);
    const overlap = await book(carver, studio, minutes(ten, 119), 60);
    expect(overlap).toEqual({ booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'startsAt'] }] });
    // Another studio is another resource.
    expect(await codesOf(carver, await createStudio(graph.ds, 2), ten, 60)).toEqual([]);
  });

  it('keeps a booking between 30 minutes and 12 hours, and after its start', async () => {
    const studio = await createStudio(graph.ds, 1);
    expect(await codesOf(potter, studio, at(6, '08:00'), 29)).toEqual(['TOO_SHORT']);
    expect(await codesOf(potter, studio, at(6, '08:00'), 30)).toEqual([]);
    expect(await codesOf(potter, studio, at(7, '08:00'), 721)).toEqual(['TOO_LONG']);
    expect(await codesOf(potter, studio, at(7, '08:00'), 720)).toEqual([]);
    expect(await codesOf(potter, studio, at(8, '08:00'), 0)).toEqual(['INVALID_RANGE']);
    expect((await book(potter, studio, at(8, '08:00'), 29, 'x')).userErrors[0].message).toBe('La durée minimale est de 30 minutes.');
  });

  it('takes artists’ bookings from now to 180 days ahead; ADMIN is not bound by either limit', async () => {
    const studio = await createStudio(graph.ds, 1);
    const now = Date.now();
    const inMinutes = (n: number) => new Date(Math.ceil((now + n * 60_000) / 60_000) * 60_000);
    expect(await codesOf(potter, studio, inMinutes(-2), 60)).toEqual(['IN_THE_PAST']);
    expect(await codesOf(potter, studio, inMinutes(2), 60)).toEqual([]);
    expect(await codesOf(potter, studio, inMinutes(180 * 1440 + 5), 60)).toEqual(['TOO_FAR_AHEAD']);
    expect(await codesOf(potter, studio, inMinutes(180 * 1440 - 5), 60)).toEqual([]);
    expect(await codesOf(admin, studio, inMinutes(-300), 60)).toEqual([]);
    expect(await codesOf(admin, studio, inMinutes(400 * 1440), 60)).toEqual([]);
  });

  it('checks the title and the studio: INVALID_INPUT and NOT_FOUND', async () => {
    expect(await codesOf(potter, clay, at(9, '08:00'), 60, '   ')).toEqual(['INVALID_INPUT']);
    expect(await codesOf(potter, clay, at(9, '08:00'), 60, 't'.repeat(201))).toEqual(['INVALID_INPUT']);
    expect(await codesOf(potter, clay, at(9, '08:00'), 60, 'a\u0007b')).toEqual(['INVALID_INPUT']);
    expect(await codesOf(potter, clay, at(9, '08:00'), 60, 't'.repeat(200))).toEqual([]);
    expect(await codesOf(potter, stableId('studio', 'grenier'), at(9, '10:00'), 60)).toEqual(['NOT_FOUND']);
    expect(await codesOf(potter, 'atelier', at(9, '10:00'), 60)).toEqual(['NOT_FOUND']);
  });
});

describe('cancelStudioBooking', () => {
  it('lets the booker cancel before the start; the slot is free at once; a second cancel is ALREADY_CANCELLED', async () => {
    const studio = await createStudio(graph.ds, 1);
    const { booking } = await book(potter, studio, at(10, '09:00'), 60);
    expect(await cancel(carver, booking.id)).toEqual({ booking: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }] });
    expect(await cancel(potter, booking.id)).toEqual({ booking: { id: booking.id, status: 'CANCELLED' }, userErrors: [] });
    expect(await codesOf(carver, studio, at(10, '09:00'), 60)).toEqual([]);
    expect((await cancel(potter, booking.id)).userErrors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_CANCELLED']);
  });

  it('refuses the booker once the booking has started (TOO_LATE); ADMIN may still cancel', async () => {
    const studio = await createStudio(graph.ds, 1);
    const potterAdmin = withRoles(potter.sub!, ['ARTIST', 'ADMIN'], { artistId: potter.artistId });
    const { booking } = await book(potterAdmin, studio, new Date(Date.now() - 30 * 60_000), 60);
    expect((await cancel(potter, booking.id)).userErrors.map((e: { code: string }) => e.code)).toEqual(['TOO_LATE']);
    expect((await cancel(admin, booking.id)).booking).toEqual({ id: booking.id, status: 'CANCELLED' });
  });

  it('answers NOT_FOUND for an unknown or malformed id, and UNAUTHENTICATED when anonymous', async () => {
    for (const id of [stableId('studio-booking', 'aucune'), 'pas-un-id'])
      expect((await cancel(admin, id)).userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    expect((await graph.execute(CANCEL, { id: 'x' }, { identity: anonymous })).body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('Studio.bookings', () => {
  it('lists confirmed studio time in [from, to) by start, with details only for the booker and ADMIN', async () => {
    const day = 11;
    const mine = await book(potter, clay, at(day, '09:00'), 120, 'Émaillage');
    const theirs = await book(carver, clay, at(day, '13:00'), 60, 'Essai de tour');
    const gone = await book(carver, clay, at(day, '15:00'), 60, 'Annulé');
    await cancel(carver, gone.booking.id);
    await book(potter, clay, at(day + 1, '09:00'), 60, 'Le lendemain');
    const row = (b: { id: string; startsAt: string; endsAt: string }, title: string | null, artist: string | null) => ({
      ...b,
      status: 'CONFIRMED',
      title,
      artist: artist && { slug: artist },
    });
    const read = (identity: Identity) =>
      data(graph, BOOKINGS, { slug: 'atelier-de-la-terre', from: at(day, '00:00'), to: at(day + 1, '00:00') }, identity).then((d) => d.studio.bookings);
    const times = (p: { booking: { id: string; startsAt: string; endsAt: string } }) => ({
      id: p.booking.id,
      startsAt: p.booking.startsAt,
      endsAt: p.booking.endsAt,
    });
    expect(await read(potter)).toEqual([row(times(mine), 'Émaillage', 'noemie-pelletier-vezina'), row(times(theirs), null, null)]);
    expect(await read(anonymous)).toEqual([row(times(mine), null, null), row(times(theirs), null, null)]);
    expect(await read(admin)).toEqual([row(times(mine), 'Émaillage', 'noemie-pelletier-vezina'), row(times(theirs), 'Essai de tour', 'fernand-saint-aubin')]);
    // [from, to) is half-open: a booking ending at `from` is not in it.
    const after = await data(graph, BOOKINGS, { slug: 'atelier-de-la-terre', from: at(day, '11:00'), to: at(day, '13:00') }, admin);
    expect(after).toEqual({ studio: { bookings: [] } });
  });

  it('reads the bookings of every studio with one SQL statement', async () => {
    const { body, statements } = await graph.execute(`query($from: DateTime!, $to: DateTime!) { studios { slug bookings(from: $from, to: $to) { id } } }`, {
      from: at(0, '00:00'),
      to: at(30, '00:00'),
    });
    expect(body.errors).toBeUndefined();
    // The seeded studios and those of the tests above, several with bookings in the window.
    expect(body.data!.studios.length).toBeGreaterThan(3);
    expect(body.data!.studios.filter((s: { bookings: unknown[] }) => s.bookings.length > 0).length).toBeGreaterThan(1);
    // The studios, then the bookings of all of them.
    expect(statements).toBe(2);
  });

  it('refuses a backwards window or one longer than 366 days with BAD_USER_INPUT', async () => {
    for (const [from, to] of [
      [at(2, '10:00'), at(2, '10:00')],
      [at(0, '00:00'), at(367, '00:00')],
    ]) {
      const { body } = await graph.execute(BOOKINGS, { slug: 'atelier-de-la-terre', from, to });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    expect((await data(graph, BOOKINGS, { slug: 'atelier-de-la-terre', from: at(0, '00:00'), to: at(366, '00:00') })).studio.bookings).toEqual(
      expect.any(Array),
    );
  });
});
