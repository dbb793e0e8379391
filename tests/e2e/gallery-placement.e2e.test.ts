import { stableId } from '@maison/house';
import { admin, startGraph, type RunningGraph } from '@maison/testing';

/**
 * Where a work hangs and what an exhibition shows, through the gateway with the real subgraphs: the
 * gallery asks the tenants subgraph about the space, the kitchen's walls show the work at once (the
 * response cache does not serve the answer from before the mutation), and the overlap rule holds.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const PASSEUR = stableId('artwork', 'le-passeur');
const KITCHEN_WALLS = `{ sharedSpace(slug: "cuisine") { artworksOnDisplay { title } } }`;
const PLACE = `mutation($input: PlaceArtworkInput!) {
  placeArtwork(input: $input) { artwork { title placement { place sharedSpace { slug } } } userErrors { code message field } }
}`;
const HISTORY = `query($id: ID!) { artwork(id: $id) { placementHistory { place sharedSpace { slug } since until by } } }`;
const ADD = `mutation($e: ID!, $ids: [ID!]!) { addArtworksToExhibition(exhibitionId: $e, artworkIds: $ids) { exhibition { slug } userErrors { code message field } } }`;
const EXHIBITION = `query($slug: String!) { exhibition(slug: $slug) { id title status artworks { title } } }`;

const titles = (list: { title: string }[]) => list.map((w) => w.title);

describe('placing a work and showing it', () => {
  it('hangs a seeded work in the kitchen, moves it to the gallery, and shows it in one current exhibition only', async () => {
    // An anonymous read of the kitchen's walls, twice: the second comes from the gateway's cache.
    const caches: (string | null)[] = [];
    for (let i = 0; i < 2; i++) {
      const before = await graph.query(KITCHEN_WALLS);
      expect(titles(before.body.data!.sharedSpace.artworksOnDisplay)).not.toContain('Le passeur');
      caches.push(before.headers.get('x-cache'));
    }
    expect(caches).toEqual(['MISS', 'HIT']);

    const placed = await graph.query(PLACE, { input: { artworkId: PASSEUR, sharedSpaceId: stableId('shared-space', 'cuisine') } }, { identity: admin });
    expect(placed.body).toEqual({
      data: { placeArtwork: { artwork: { title: 'Le passeur', placement: { place: 'SHARED_SPACE', sharedSpace: { slug: 'cuisine' } } }, userErrors: [] } },
    });
    const after = await graph.query(KITCHEN_WALLS);
    expect(after.headers.get('x-cache')).not.toBe('HIT');
    expect(titles(after.body.data!.sharedSpace.artworksOnDisplay)).toContain('Le passeur');

    const moved = await graph.query(PLACE, { input: { artworkId: PASSEUR, inGallery: true } }, { identity: admin });
    expect(moved.body.data!.placeArtwork.userErrors).toEqual([]);
    const history = (await graph.query(HISTORY, { id: PASSEUR }, { identity: admin })).body.data!.artwork.placementHistory;
    expect(history).toEqual([
      { place: 'GALLERY', sharedSpace: null, since: expect.any(String), until: null, by: admin.sub },
      { place: 'SHARED_SPACE', sharedSpace: { slug: 'cuisine' }, since: expect.any(String), until: history[0].since, by: admin.sub },
    ]);
    expect(titles((await graph.query(KITCHEN_WALLS)).body.data!.sharedSpace.artworksOnDisplay)).not.toContain('Le passeur');
    // Anonymous callers see where it is, not its history.
    expect((await graph.query(HISTORY, { id: PASSEUR })).body.data!.artwork.placementHistory).toBeNull();

    const tides = (await graph.query(EXHIBITION, { slug: 'marees-hautes' })).body.data!.exhibition;
    expect(tides.status).toBe('CURRENT');
    expect(titles(tides.artworks)).not.toContain('Le passeur');
    const added = await graph.query(ADD, { e: tides.id, ids: [PASSEUR] }, { identity: admin });
    expect(added.body.data!.addArtworksToExhibition).toEqual({ exhibition: { slug: 'marees-hautes' }, userErrors: [] });
    expect(titles((await graph.query(EXHIBITION, { slug: 'marees-hautes' })).body.data!.exhibition.artworks)).toContain('Le passeur');

    // Couleurs de grange runs on some of the same days: refused, and it says which exhibition holds the work.
    const barn = (await graph.query(EXHIBITION, { slug: 'couleurs-de-grange' })).body.data!.exhibition;
    const refused = await graph.query(ADD, { e: barn.id, ids: [PASSEUR] }, { identity: admin });
    expect(refused.body.data!.addArtworksToExhibition).toEqual({
      exhibition: null,
      userErrors: [
        {
          code: 'ARTWORK_IN_OTHER_EXHIBITION',
          message: `Cette œuvre est déjà dans l’exposition « ${tides.title} », dont les dates chevauchent celles-ci.`,
          field: ['artworkIds', '0'],
        },
      ],
    });
    const english = await graph.query(ADD, { e: barn.id, ids: [PASSEUR] }, { identity: admin, headers: { 'accept-language': 'en' } });
    expect(english.body.data!.addArtworksToExhibition.userErrors[0].message).toMatch(
      /^This work is already in the exhibition ".+", whose dates overlap these ones\.$/,
    );
    expect(titles((await graph.query(EXHIBITION, { slug: 'couleurs-de-grange' })).body.data!.exhibition.artworks)).not.toContain('Le passeur');
  });
});
