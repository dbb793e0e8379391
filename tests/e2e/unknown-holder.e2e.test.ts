import { randomUUID } from 'node:crypto';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { ARTIST_SLUGS } from '../../services/gallery/src/seed-slugs';
import { asArtist, asMember, startGraph, withRoles, type RunningGraph } from '@maison/testing';

/**
 * Tokens whose memberId or artistId names nobody, through the gateway and the real subgraphs: every
 * action taken as that member or artist answers UNKNOWN_HOLDER (issue 12, promise 6); real ones still act.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const CHECK_IN = `mutation { checkIn { checkIn { member { id } } userErrors { code message field } } }`;
const CHECK_OUT = `mutation { checkOut { checkIn { checkedOutAt } userErrors { code } } }`;
const BOOK_STUDIO = `mutation($input: BookStudioInput!) { bookStudio(input: $input) { booking { id } userErrors { code message field } } }`;
const BOOK_SPACE = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code message field } } }`;
const at = (days: number, time: string) => houseInstant(addDays(todayInHouse(), days), time);
const unknownHolder = (message: string) => ({ code: 'UNKNOWN_HOLDER', message, field: null });
const FR = 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.';
const EN = 'The tenant, member or artist named by your token does not exist or is archived.';

describe('a token naming a member or an artist who does not exist, through the gateway', () => {
  it('checks in no member: UNKNOWN_HOLDER, in French by default and in English', async () => {
    const memberId = randomUUID();
    const ghost = withRoles(`member:${memberId}`, ['MEMBER'], { memberId });
    expect((await graph.query(CHECK_IN, {}, { identity: ghost })).body).toEqual({ data: { checkIn: { checkIn: null, userErrors: [unknownHolder(FR)] } } });
    const en = await graph.query(CHECK_IN, {}, { identity: ghost, headers: { 'accept-language': 'en' } });
    expect(en.body).toEqual({ data: { checkIn: { checkIn: null, userErrors: [unknownHolder(EN)] } } });
  });

  it('books no studio time as an artist: UNKNOWN_HOLDER', async () => {
    const artistId = randomUUID();
    const ghost = withRoles(`artist:${artistId}`, ['ARTIST'], { artistId });
    const input = { studioId: stableId('studio', 'atelier-de-la-terre'), startsAt: at(6, '09:00'), endsAt: at(6, '10:00'), title: 'Essai' };
    expect((await graph.query(BOOK_STUDIO, { input }, { identity: ghost })).body).toEqual({
      data: { bookStudio: { booking: null, userErrors: [unknownHolder(FR)] } },
    });
  });

  it('books no shared space as a member coworking does not know: UNKNOWN_HOLDER, not NOT_ELIGIBLE', async () => {
    const memberId = randomUUID();
    const ghost = withRoles(`member:${memberId}`, ['MEMBER'], { memberId });
    const input = { spaceId: stableId('shared-space', 'cuisine'), startsAt: at(22, '12:00'), endsAt: at(22, '13:00'), title: 'Dîner' };
    expect((await graph.query(BOOK_SPACE, { input }, { identity: ghost, headers: { 'accept-language': 'en' } })).body).toEqual({
      data: { bookSharedSpace: { booking: null, userErrors: [unknownHolder(EN)] } },
    });
  });

  it('books no shared space as an artist the gallery does not know: UNKNOWN_HOLDER, while a seeded artist books the kitchen', async () => {
    const artistId = randomUUID();
    const ghost = withRoles(`artist:${artistId}`, ['ARTIST'], { artistId });
    const input = { spaceId: stableId('shared-space', 'cuisine'), startsAt: at(23, '12:00'), endsAt: at(23, '13:00'), title: 'Atelier' };
    expect((await graph.query(BOOK_SPACE, { input }, { identity: ghost })).body).toEqual({
      data: { bookSharedSpace: { booking: null, userErrors: [unknownHolder(FR)] } },
    });
    const seeded = asArtist(ARTIST_SLUGS[0]!);
    const booked = await graph.query(BOOK_SPACE, { input }, { identity: seeded });
    expect(booked.body).toEqual({ data: { bookSharedSpace: { booking: { id: expect.any(String) }, userErrors: [] } } });
  });

  it('offers an unknown artist no slot, and a seeded one the kitchen, each asking the gallery once for every space and day', async () => {
    const dates = [2, 9, 16].map((d) => addDays(todayInHouse(), d));
    const op = `{ sharedSpaces { slug ${dates.map((d, i) => `d${i}: availability(date: "${d}", durationMinutes: 60) { startsAt }`).join(' ')} } }`;
    const artistId = randomUUID();
    for (const [identity, offered] of [
      [withRoles(`artist:${artistId}`, ['ARTIST'], { artistId }), false],
      [asArtist(ARTIST_SLUGS[1]!), true],
    ] as const) {
      await graph.settle();
      const before = await graph.subgraphRequests('gallery');
      const { body } = await graph.query(op, {}, { identity });
      expect(body.errors).toBeUndefined();
      const kitchen = body.data!.sharedSpaces.find((s: { slug: string }) => s.slug === 'cuisine');
      expect([identity.sub, dates.map((_, i) => kitchen[`d${i}`].length > 0)]).toEqual([identity.sub, dates.map(() => offered)]);
      // The tenants subgraph's one signed call to the gallery for the caller's artist, whatever the spaces and days.
      expect((await graph.subgraphRequests('gallery')) - before).toBe(1);
    }
  });

  it('still checks a real seeded member in, and out', async () => {
    const felix = asMember('felix-pelletier');
    expect((await graph.query(CHECK_IN, {}, { identity: felix })).body).toEqual({
      data: { checkIn: { checkIn: { member: { id: felix.memberId } }, userErrors: [] } },
    });
    expect((await graph.query(CHECK_OUT, {}, { identity: felix })).body.data!.checkOut.userErrors).toEqual([]);
  });
});
