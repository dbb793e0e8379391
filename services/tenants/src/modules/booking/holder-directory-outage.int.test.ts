import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraphOf, withRoles } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, startGalleryStub, startMembershipStub } from '../../test-fixtures';

/**
 * A coworking or a gallery that does not answer vouches for nobody: a member's or an artist's
 * booking (one, a series, a move) answers SERVICE_UNAVAILABLE with the dependency's reason, in the
 * caller's language, and nothing is written. The peers start, serve one booking, then stop: their
 * ports are closed.
 */
type Graph = TestSubgraphOf<typeof tenantsModule>;
let graph: Graph;
let gallery: Awaited<ReturnType<typeof startGalleryStub>>;
let coworking: Awaited<ReturnType<typeof startMembershipStub>>;
const [artistId, memberId] = [randomUUID(), randomUUID()];
const artist = withRoles(`artist:${artistId}`, ['ARTIST'], { artistId });
const member = withRoles(`member:${memberId}`, ['MEMBER'], { memberId });

beforeAll(async () => {
  gallery = await startGalleryStub(new Set([artistId]));
  coworking = await startMembershipStub(new Set([memberId]));
  graph = await startTestSubgraph(tenantsModule, { seed: false, env: { COWORKING_URL: coworking.url, GALLERY_URL: gallery.url } });
}, 120_000);
afterAll(async () => {
  await graph?.close();
  gallery?.close();
  coworking?.close();
});

const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const SERIES = `mutation($input: BookSharedSpaceSeriesInput!) { bookSharedSpaceSeries(input: $input) { seriesId userErrors { code } } }`;
const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleSpaceBooking(id: $id, startsAt: $s, endsAt: $e) { booking { id } userErrors { code } } }`;
const slot = (spaceId: string, day: number) => ({ spaceId, startsAt: futureHour(day, 10), endsAt: futureHour(day, 11), title: 'Atelier' });
const bookingRows = async () => (await graph.ds.query('SELECT count(*)::int AS n, max(updated_at) AS last FROM space_booking'))[0];

const UNAVAILABLE = {
  COWORKING_UNAVAILABLE: {
    fr: 'Le sous-graphe coworking, qui dit si un membre peut réserver, ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
    en: 'The coworking subgraph, which says whether a member may book, did not answer: nothing was saved. Try again later.',
  },
  GALLERY_UNAVAILABLE: {
    fr: 'Le sous-graphe gallery, qui dit si un artiste peut réserver, ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
    en: 'The gallery subgraph, which says whether an artist may book, did not answer: nothing was saved. Try again later.',
  },
} as const;
const refused = (reason: keyof typeof UNAVAILABLE, lang: 'fr' | 'en') => ({
  data: null,
  errors: [{ message: UNAVAILABLE[reason][lang], code: 'SERVICE_UNAVAILABLE', reason }],
});
const answerOf = async (query: string, variables: Record<string, unknown>, identity: typeof member, lang: 'fr' | 'en') => {
  const { body } = await graph.execute(query, variables, { identity, lang });
  return { data: body.data, errors: body.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, reason: e.extensions?.reason })) };
};

it('books for a member and an artist while coworking and the gallery answer, then refuses every booking path once they are gone', async () => {
  const spaceId = await createSpace(graph.ds);
  const booked = await Promise.all(
    [member, artist].map(async (identity, i) => {
      const { data } = await answerOf(BOOK, { input: slot(spaceId, 3 + i) }, identity, 'fr');
      expect(data!.bookSharedSpace.userErrors).toEqual([]);
      return data!.bookSharedSpace.booking.id as string;
    }),
  );
  // Their ports closed: as a subgraph stopped by its PID, nothing listens there any more.
  coworking.close();
  gallery.close();
  await new Promise((r) => setImmediate(r));
  const rowsBefore = await bookingRows();
  for (const lang of ['fr', 'en'] as const) {
    for (const [identity, reason, bookingId] of [
      [member, 'COWORKING_UNAVAILABLE', booked[0]!],
      [artist, 'GALLERY_UNAVAILABLE', booked[1]!],
    ] as const) {
      expect(await answerOf(BOOK, { input: slot(spaceId, 10) }, identity, lang)).toEqual(refused(reason, lang));
      const series = { ...slot(spaceId, 12), occurrences: 3 };
      expect(await answerOf(SERIES, { input: series }, identity, lang)).toEqual(refused(reason, lang));
      const moved = slot(spaceId, 14);
      expect(await answerOf(RESCHEDULE, { id: bookingId, s: moved.startsAt, e: moved.endsAt }, identity, lang)).toEqual(refused(reason, lang));
    }
  }
  expect(await bookingRows()).toEqual(rowsBefore);
});
