import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, startGraph, type RunningGraph } from '@maison/testing';
import type { Identity } from '@maison/auth';

/**
 * Le Vivoir keeps its own records, end to end through the gateway: ADMIN adds an artist; the
 * ARTIST adds a work and hangs it in the kitchen, whose walls show it at once; ADMIN puts it in an
 * exhibition on view today; the work is sold. The kitchen, the calendar and the exhibition page,
 * read as an anonymous visitor (through the response cache), show each step.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const kitchen = stableId('shared-space', 'cuisine');
const today = todayInHouse();
const EN = { 'accept-language': 'en' };

/** The one field an operation asks for, from an answer that must be HTTP 200 without errors. */
const ask = async (query: string, variables: Record<string, unknown>, identity: Identity, headers: Record<string, string> = {}) =>
  Object.values(await graph.data(query, variables, { identity, headers }))[0] as any;

const CREATE_ARTIST = `mutation($input: CreateArtistInput!) { createArtist(input: $input) { artist { id slug name } userErrors { code field } } }`;
const CREATE_ARTWORK = `mutation($input: CreateArtworkInput!) {
  createArtwork(input: $input) { artwork { id title priceLabel artist { name } } userErrors { code field } } }`;
const PLACE = `mutation($input: PlaceArtworkInput!) { placeArtwork(input: $input) { artwork { displayedIn { slug } } userErrors { code field } } }`;
const CREATE_EXHIBITION = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id slug status } userErrors { code field } } }`;
const ADD_WORKS = `mutation($e: ID!, $ids: [ID!]!) { addArtworksToExhibition(exhibitionId: $e, artworkIds: $ids) { exhibition { artworks { title } } userErrors { code } } }`;
const SOLD = `mutation($id: ID!) { markArtworkSold(id: $id) { artwork { availability priceLabel } userErrors { code } } }`;
const KITCHEN_WALLS = `{ sharedSpace(slug: "cuisine") { artworksOnDisplay { title priceLabel } } }`;
const CALENDAR = `query($d: LocalDate!) { calendar(from: $d, to: $d) { exhibitionsOnView { slug artworks { title priceLabel } } } }`;
const EXHIBITION = `query($slug: String!) { exhibition(slug: $slug) { title status artists { name } artworks { title priceLabel availability } } }`;

const walls = async (lang: Record<string, string> = {}) =>
  ((await ask(KITCHEN_WALLS, {}, anonymous, lang)).artworksOnDisplay as { title: string }[]).map((a) => a.title);
const onView = async (slug: string) =>
  ((await ask(CALENDAR, { d: today }, anonymous)) as any[])[0].exhibitionsOnView.find((e: { slug: string }) => e.slug === slug);

describe('a day at Le Vivoir, its records kept through the API', () => {
  let artist: Identity = anonymous;
  let artworkId = '';
  let exhibition = { id: '', slug: '' };

  it('ADMIN adds an artist; the artist adds a work and hangs it in the kitchen, whose walls show it at once', async () => {
    const created = await ask(
      CREATE_ARTIST,
      { input: { name: 'Maude Lévesque', bio: { fr: 'Céramiste de Kamouraska.', en: 'Ceramist from Kamouraska.' } } },
      admin,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.artist).toMatchObject({ slug: 'maude-levesque', name: 'Maude Lévesque' });
    artist = { sub: 'maude@test', roles: ['ARTIST'], artistId: created.artist.id };

    const work = await ask(
      CREATE_ARTWORK,
      {
        input: {
          title: { fr: 'Bol de grès bleu', en: 'Blue stoneware bowl' },
          year: 2026,
          medium: { fr: 'Grès émaillé', en: 'Glazed stoneware' },
          dimensions: '12 × 18 cm',
          priceCents: 18_000,
        },
      },
      artist,
    );
    expect(work.userErrors).toEqual([]);
    expect(work.artwork).toMatchObject({ title: 'Bol de grès bleu', priceLabel: '180,00\u00a0$', artist: { name: 'Maude Lévesque' } });
    artworkId = work.artwork.id;

    expect(await walls()).not.toContain('Bol de grès bleu'); // read once, so the cache holds the walls without it
    expect(await ask(PLACE, { input: { artworkId, sharedSpaceId: kitchen } }, artist)).toEqual({
      artwork: { displayedIn: { slug: 'cuisine' } },
      userErrors: [],
    });
    expect(await walls()).toContain('Bol de grès bleu');
    expect(await walls(EN)).toContain('Blue stoneware bowl');
  });

  it('ADMIN puts the work in an exhibition on view today: the calendar and the exhibition page show it', async () => {
    const created = await ask(
      CREATE_EXHIBITION,
      { input: { title: { fr: 'Terres du Kamouraska', en: 'Kamouraska clays' }, startsOn: today, endsOn: addDays(today, 20), artistIds: [artist.artistId] } },
      admin,
    );
    expect(created.userErrors).toEqual([]);
    exhibition = created.exhibition;
    expect(created.exhibition.status).toBe('CURRENT');
    expect((await onView(exhibition.slug)).artworks).toEqual([]);

    const added = await ask(ADD_WORKS, { e: exhibition.id, ids: [artworkId] }, admin);
    expect(added).toEqual({ exhibition: { artworks: [{ title: 'Bol de grès bleu' }] }, userErrors: [] });
    expect((await onView(exhibition.slug)).artworks).toEqual([{ title: 'Bol de grès bleu', priceLabel: '180,00\u00a0$' }]);
    expect(await ask(EXHIBITION, { slug: exhibition.slug }, anonymous, EN)).toEqual({
      title: 'Kamouraska clays',
      status: 'CURRENT',
      artists: [{ name: 'Maude Lévesque' }],
      artworks: [{ title: 'Blue stoneware bowl', priceLabel: '$180.00', availability: 'AVAILABLE' }],
    });
  });

  it('the work is sold: the walls, the calendar and the exhibition page say so, and it cannot be put on sale again', async () => {
    expect(await ask(SOLD, { id: artworkId }, admin)).toEqual({ artwork: { availability: 'SOLD', priceLabel: 'Vendue' }, userErrors: [] });
    expect((await ask(KITCHEN_WALLS, {}, anonymous)).artworksOnDisplay).toContainEqual({ title: 'Bol de grès bleu', priceLabel: 'Vendue' });
    expect((await onView(exhibition.slug)).artworks).toEqual([{ title: 'Bol de grès bleu', priceLabel: 'Vendue' }]);
    expect((await ask(EXHIBITION, { slug: exhibition.slug }, anonymous)).artworks).toEqual([
      { title: 'Bol de grès bleu', priceLabel: 'Vendue', availability: 'SOLD' },
    ]);
    const again = await ask(
      `mutation($id: ID!) { updateArtwork(id: $id, input: { availability: AVAILABLE }) { artwork { id } userErrors { code } } }`,
      { id: artworkId },
      artist,
    );
    expect(again).toEqual({ artwork: null, userErrors: [{ code: 'ALREADY_SOLD' }] });
  });
});
