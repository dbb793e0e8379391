import { admin, anonymous, asArtist, startGraph, withRoles, type RunningGraph } from '@maison/testing';

/**
 * Le Vivoir keeps its artists and artworks through the API (issue 13, promises 3, 4 and 6), through
 * the gateway and the real subgraphs: ADMIN adds an artist, the artist adds a work and changes its
 * price, a search without accents finds it, and once retired it leaves the catalogue.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const CREATE_ARTIST = `mutation($input: CreateArtistInput!) { createArtist(input: $input) { artist { id slug name isPublic } userErrors { code message field } } }`;
const CREATE_ARTWORK = `mutation($input: CreateArtworkInput!) {
  createArtwork(input: $input) { artwork { id slug title priceLabel imageAlt artist { name } } userErrors { code message field } } }`;
const UPDATE_ARTWORK = `mutation($id: ID!, $input: UpdateArtworkInput!) {
  updateArtwork(id: $id, input: $input) { artwork { price { amountCents } priceLabel } userErrors { code message field } } }`;
const RETIRE = `mutation($id: ID!) { retireArtwork(id: $id) { artwork { id retiredAt } userErrors { code message field } } }`;
const SEARCH = `query($search: String!) { artworks(search: $search, first: 20) { totalCount nodes { id title artist { name } } } }`;
const WORK = `query($id: ID!) { artwork(id: $id) { id retiredAt } }`;

describe('the records of Le Vivoir, through the gateway', () => {
  it('ADMIN adds an artist; the artist adds a work, changes its price, finds it without accents, and retires it', async () => {
    const created = await graph.query(
      CREATE_ARTIST,
      { input: { name: 'Bérénice Côté', disciplines: [{ fr: 'Céramique', en: 'Ceramics' }] } },
      { identity: admin },
    );
    expect(created.body).toEqual({
      data: { createArtist: { artist: { id: expect.any(String), slug: 'berenice-cote', name: 'Bérénice Côté', isPublic: true }, userErrors: [] } },
    });
    const artistId = created.body.data!.createArtist.artist.id as string;
    const artist = withRoles(`artist:${artistId}`, ['ARTIST'], { artistId });

    const input = {
      title: { fr: 'Théière céleste', en: 'Celestial teapot' },
      year: 2025,
      medium: { fr: 'Grès émaillé', en: 'Glazed stoneware' },
      dimensions: '18 × 22 cm',
      priceCents: 42000,
      imageUrl: 'https://images.levivoir.example/oeuvres/theiere-celeste.jpg',
      imageAlt: { fr: 'Une théière bleu nuit', en: 'A midnight-blue teapot' },
    };
    const work = await graph.query(CREATE_ARTWORK, { input }, { identity: artist });
    expect(work.body).toEqual({
      data: {
        createArtwork: {
          artwork: {
            id: expect.any(String),
            slug: 'theiere-celeste',
            title: 'Théière céleste',
            priceLabel: '420,00\u00a0$',
            imageAlt: 'Une théière bleu nuit',
            artist: { name: 'Bérénice Côté' },
          },
          userErrors: [],
        },
      },
    });
    const id = work.body.data!.createArtwork.artwork.id as string;

    const repriced = await graph.query(UPDATE_ARTWORK, { id, input: { priceCents: 45000 } }, { identity: artist, headers: { 'accept-language': 'en' } });
    expect(repriced.body).toEqual({ data: { updateArtwork: { artwork: { price: { amountCents: 45000 }, priceLabel: '$450.00' }, userErrors: [] } } });
    // Another artist may not touch it.
    const stranger = await graph.query(UPDATE_ARTWORK, { id, input: { priceCents: 1 } }, { identity: asArtist('fernand-saint-aubin') });
    expect(stranger.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    // Anonymous, without accents or capitals: by the title, by the medium, by the artist's name.
    for (const search of ['theiere celeste', 'GRES EMAILLE', 'berenice cote']) {
      const found = await graph.query(SEARCH, { search }, { identity: anonymous });
      expect({ search, ids: found.body.data!.artworks.nodes.map((n: { id: string }) => n.id) }).toEqual({ search, ids: expect.arrayContaining([id]) });
    }

    // In no exhibition, it retires at once and leaves the catalogue; its artist still reads it by id, anonymous callers do not.
    const retired = await graph.query(RETIRE, { id }, { identity: artist });
    expect(retired.body).toEqual({ data: { retireArtwork: { artwork: { id, retiredAt: expect.any(String) }, userErrors: [] } } });
    const after = await graph.query(SEARCH, { search: 'theiere celeste' }, { identity: anonymous });
    expect(after.body.data!.artworks).toEqual({ totalCount: 0, nodes: [] });
    expect((await graph.query(WORK, { id }, { identity: anonymous })).body).toEqual({ data: { artwork: null } });
    expect((await graph.query(WORK, { id }, { identity: artist })).body.data!.artwork).toEqual({ id, retiredAt: expect.any(String) });
  });

  it('keeps createArtist for ADMIN: UNAUTHENTICATED anonymously, FORBIDDEN for an artist', async () => {
    const input = { name: 'Personne' };
    expect((await graph.query(CREATE_ARTIST, { input }, { identity: anonymous })).body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await graph.query(CREATE_ARTIST, { input }, { identity: asArtist('fernand-saint-aubin') })).body.errors?.map((e) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
    ]);
  });
});
