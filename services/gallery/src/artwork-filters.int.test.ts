import { stableId } from '@maison/house';
import { startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { artworks, type SeedArtwork } from './seed-data';
import { data, type GalleryGraph } from './test-support/fixtures';
import { KITCHEN, TERRACE } from '@maison/testing';

/** artworks(artistId, availability, forSale, displayedIn) on the seed, each filter alone and together. */
let graph: GalleryGraph;
beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
});
afterAll(async () => {
  await graph?.close();
});

const QUERY = `query($artistId: ID, $availability: ArtworkAvailability, $forSale: Boolean, $displayedIn: ID) {
  artworks(artistId: $artistId, availability: $availability, forSale: $forSale, displayedIn: $displayedIn, first: 100) {
    totalCount nodes { slug availability priceOnRequest priceLabel }
  }
}`;
const list = (variables: Record<string, unknown>) => data(graph, QUERY, variables).then((d) => d.artworks);

/** The seed's works that pass `keep`, as the API lists them: newest first, then by id, descending. */
function expected(keep: (w: SeedArtwork) => boolean) {
  const rows = artworks
    .filter(keep)
    .map((w) => ({ w, id: stableId('artwork', w.slug) }))
    .sort((a, b) => b.w.year - a.w.year || (a.id < b.id ? 1 : -1));
  return {
    totalCount: rows.length,
    nodes: rows.map(({ w }) => ({
      slug: w.slug,
      availability: w.availability,
      priceOnRequest: w.availability === 'AVAILABLE' && w.price === null,
      priceLabel: expect.any(String),
    })),
  };
}

const kitchen = (w: SeedArtwork) => w.displayedIn === 'cuisine';

describe('artworks filters', () => {
  it('forSale: true lists the works one can buy, with a price or on request; false lists every other', async () => {
    const forSale = await list({ forSale: true });
    expect(forSale).toEqual(expected((w) => w.availability === 'AVAILABLE'));
    expect(forSale.nodes.some((n: { priceOnRequest: boolean }) => n.priceOnRequest)).toBe(true);
    expect(forSale.nodes.some((n: { priceOnRequest: boolean }) => !n.priceOnRequest)).toBe(true);
    expect(await list({ forSale: false })).toEqual(expected((w) => w.availability !== 'AVAILABLE'));
    expect((await list({})).totalCount).toBe(artworks.length);
  });

  it('labels prices in CAD or "sur demande" / "on request" in the list', async () => {
    const query = `{ artworks(forSale: true, artistId: "${stableId('artist', 'fernand-saint-aubin')}") { nodes { slug priceLabel } } }`;
    expect(await data(graph, query, {})).toEqual({
      artworks: {
        nodes: [
          { slug: 'la-fileuse', priceLabel: '3\u00a0200,00\u00a0$' },
          { slug: 'le-passeur', priceLabel: 'Prix sur demande' },
        ],
      },
    });
    expect(await data(graph, query, {}, undefined, 'en')).toEqual({
      artworks: {
        nodes: [
          { slug: 'la-fileuse', priceLabel: '$3,200.00' },
          { slug: 'le-passeur', priceLabel: 'Price on request' },
        ],
      },
    });
  });

  it('displayedIn lists the works hanging in one shared space; an unknown space has none', async () => {
    expect(await list({ displayedIn: TERRACE })).toEqual(expected((w) => w.displayedIn === 'terrasse'));
    expect(await list({ displayedIn: KITCHEN.toUpperCase() })).toEqual(expected(kitchen));
    expect(await list({ displayedIn: stableId('shared-space', 'grenier') })).toEqual({ totalCount: 0, nodes: [] });
  });

  it('applies every filter given together', async () => {
    const albertine = stableId('artist', 'albertine-ouellet-drapeau');
    expect(await list({ displayedIn: KITCHEN, forSale: true, artistId: albertine })).toEqual(
      expected((w) => kitchen(w) && w.availability === 'AVAILABLE' && w.artist === 'albertine-ouellet-drapeau'),
    );
    expect(await list({ artistId: albertine, forSale: false })).toEqual(
      expected((w) => w.artist === 'albertine-ouellet-drapeau' && w.availability !== 'AVAILABLE'),
    );
    // SOLD is not for sale: asking for both finds nothing.
    expect(await list({ availability: 'SOLD', forSale: true })).toEqual({ totalCount: 0, nodes: [] });
    expect(await list({ availability: 'SOLD', forSale: false })).toEqual(expected((w) => w.availability === 'SOLD'));
  });

  it('refuses a malformed space id with BAD_USER_INPUT', async () => {
    const { body } = await graph.execute(QUERY, { displayedIn: 'terrasse' });
    expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Argument invalide. « displayedIn » n’est pas un identifiant valide.'],
    ]);
  });
});
