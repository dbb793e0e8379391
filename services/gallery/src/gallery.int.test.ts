import { stableId } from '@maison/house';
import { useTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';

const graph = useTestSubgraph(galleryModule);

const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');
const artist = (slug: string) => stableId('artist', slug);
const artwork = (slug: string) => stableId('artwork', slug);
const nbsp = '\u00a0';

describe('gallery subgraph, on its seed', () => {
  it('lists the seeded artists by slug and the three shared studios', async () => {
    const { body } = await graph.execute('{ artists(first: 100) { totalCount nodes { slug } } studios { slug name capacity } }');
    expect(body).toEqual({
      data: {
        artists: {
          totalCount: 12,
          nodes: [
            'albertine-ouellet-drapeau',
            'aurore-michaud-st-onge',
            'fernand-saint-aubin',
            'gaspard-letourneau-roy',
            'ines-belzile-rioux',
            'lea-thibodeau-marquis',
            'mathis-fournier-chasse',
            'noemie-pelletier-vezina',
            'octave-bernier-lamothe',
            'rosalie-castonguay-fiset',
            'samuel-kwan-boisvert',
            'ulysse-vaillancourt-pare',
          ].map((slug) => ({ slug })),
        },
        studios: [
          { slug: 'atelier-de-la-terre', name: 'Atelier de la terre', capacity: 2 },
          { slug: 'atelier-du-bois', name: 'Atelier du bois', capacity: 3 },
          { slug: 'atelier-du-fleuve', name: 'Atelier du fleuve', capacity: 4 },
        ],
      },
    });
  });

  it('reads an artist by slug or by id, with their works newest first', async () => {
    const fields = '{ id name website disciplines artworks { slug year } }';
    const expected = {
      id: artist('fernand-saint-aubin'),
      name: 'Fernand Saint-Aubin',
      website: null,
      disciplines: ['Sculpture sur bois'],
      artworks: [
        { slug: 'la-fileuse', year: 2024 },
        { slug: 'le-passeur', year: 2021 },
        { slug: 'vieux-pecheur-de-l-anse', year: 2019 },
      ],
    };
    const bySlug = await graph.execute(`{ artist(slug: "fernand-saint-aubin") ${fields} }`);
    const byId = await graph.execute(`query($id: ID!) { artist(id: $id) ${fields} }`, { id: artist('fernand-saint-aubin').toUpperCase() });
    const unknown = await graph.execute('{ artist(slug: "personne") { id } }');
    expect(bySlug.body).toEqual({ data: { artist: expected } });
    expect(byId.body).toEqual({ data: { artist: expected } });
    expect(unknown.body).toEqual({ data: { artist: null } });
  });

  it('refuses an artist or exhibition lookup with neither or both of id and slug', async () => {
    for (const query of [
      '{ artist { id } }',
      `{ artist(id: "${artist('fernand-saint-aubin')}", slug: "fernand-saint-aubin") { id } }`,
      '{ exhibition { id } }',
      `{ exhibition(id: "${stableId('exhibition', 'marees-hautes')}", slug: "marees-hautes") { id } }`,
    ]) {
      const { body } = await graph.execute(query);
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('answers in French by default and in English when asked', async () => {
    const query = `query($id: ID!) {
      artwork(id: $id) { title medium dimensions priceOnRequest priceLabel price { amountCents currency formatted } artist { name disciplines bio } }
    }`;
    const vars = { id: artwork('battures-a-maree-basse') };
    const fr = await graph.execute(query, vars);
    const en = await graph.execute(query, vars, { lang: 'en' });
    expect(fr.body).toEqual({
      data: {
        artwork: {
          title: 'Battures à marée basse',
          medium: 'Huile sur toile',
          dimensions: '91 × 122 cm',
          priceOnRequest: false,
          priceLabel: `2${nbsp}400,00${nbsp}$`,
          price: { amountCents: 240000, currency: 'CAD', formatted: `2${nbsp}400,00${nbsp}$` },
          artist: {
            name: 'Albertine Ouellet-Drapeau',
            disciplines: ['Peinture'],
            bio: 'Peintre des battures et des marées du Saint-Laurent, elle travaille l’huile en grands formats, face au fleuve.',
          },
        },
      },
    });
    expect(en.body).toEqual({
      data: {
        artwork: {
          title: 'Mudflats at low tide',
          medium: 'Oil on canvas',
          dimensions: '91 × 122 cm',
          priceOnRequest: false,
          priceLabel: '$2,400.00',
          price: { amountCents: 240000, currency: 'CAD', formatted: '$2,400.00' },
          artist: {
            name: 'Albertine Ouellet-Drapeau',
            disciplines: ['Painting'],
            bio: 'A painter of the St. Lawrence mudflats and tides, she works in oil on large canvases, facing the river.',
          },
        },
      },
    });
  });

  it('labels works on request, sold, not for sale and on loan, without showing a sale price', async () => {
    const query = `query($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
      onRequest: artwork(id: $a) { availability priceOnRequest priceLabel price { amountCents } }
      sold: artwork(id: $b) { availability priceOnRequest priceLabel price { amountCents } }
      notForSale: artwork(id: $c) { availability priceOnRequest priceLabel price { amountCents } }
      onLoan: artwork(id: $d) { availability priceOnRequest priceLabel price { amountCents } }
    }`;
    const vars = {
      a: artwork('le-passeur'),
      b: artwork('le-fleuve-en-novembre'),
      c: artwork('porcelaine-de-givre'),
      d: artwork('l-ange-du-clocher'),
    };
    const labels = (fr: string[]) => ({
      onRequest: { availability: 'AVAILABLE', priceOnRequest: true, priceLabel: fr[0], price: null },
      sold: { availability: 'SOLD', priceOnRequest: false, priceLabel: fr[1], price: null },
      notForSale: { availability: 'NOT_FOR_SALE', priceOnRequest: false, priceLabel: fr[2], price: null },
      onLoan: { availability: 'ON_LOAN', priceOnRequest: false, priceLabel: fr[3], price: null },
    });
    expect((await graph.execute(query, vars)).body).toEqual({ data: labels(['Prix sur demande', 'Vendue', 'Pas à vendre', 'En prêt']) });
    expect((await graph.execute(query, vars, { lang: 'en' })).body).toEqual({
      data: labels(['Price on request', 'Sold', 'Not for sale', 'On loan']),
    });
  });

  it('filters artworks by artist and availability, newest first, page by page', async () => {
    const page = (after: string | null) =>
      graph.execute(
        `query($artistId: ID, $after: String) { artworks(artistId: $artistId, first: 2, after: $after) {
          totalCount nodes { slug } pageInfo { hasNextPage hasPreviousPage } } }`,
        { artistId: artist('albertine-ouellet-drapeau'), after },
      );
    const first = await page(null);
    const cursor: string = (
      await graph.execute(`query($artistId: ID) { artworks(artistId: $artistId, first: 2) { pageInfo { endCursor } } }`, {
        artistId: artist('albertine-ouellet-drapeau'),
      })
    ).body.data!.artworks.pageInfo.endCursor;
    const second = await page(cursor);
    expect(first.body.data!.artworks).toEqual({
      totalCount: 3,
      nodes: [{ slug: 'brume-sur-l-isle-aux-grues' }, { slug: 'battures-a-maree-basse' }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    expect(second.body.data!.artworks).toEqual({
      totalCount: 3,
      nodes: [{ slug: 'le-fleuve-en-novembre' }],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });

    const sold = await graph.execute('{ artworks(availability: SOLD, first: 100) { nodes { slug } } }');
    const expected = [
      { slug: 'les-glaces-du-printemps', year: 2023 },
      { slug: 'carnet-du-fleuve-planche-iii', year: 2023 },
      { slug: 'le-fleuve-en-novembre', year: 2022 },
      { slug: 'vieux-pecheur-de-l-anse', year: 2019 },
    ]
      .sort((a, b) => b.year - a.year || (artwork(b.slug) > artwork(a.slug) ? 1 : -1))
      .map(({ slug }) => ({ slug }));
    expect(sold.body).toEqual({ data: { artworks: { nodes: expected } } });

    const bad = await graph.execute('{ artworks(artistId: "not-an-id") { totalCount } }');
    expect(bad.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves every entity type by key with one SQL statement per type that needs one', async () => {
    const representations = [
      ...['albertine-ouellet-drapeau', 'fernand-saint-aubin', 'noemie-pelletier-vezina'].map((slug) => ({ __typename: 'Artist', id: artist(slug) })),
      ...['la-fileuse', 'nids', 'quai-de-nuit'].map((slug) => ({ __typename: 'Artwork', id: artwork(slug) })),
      ...['marees-hautes', 'terres-et-feux'].map((slug) => ({ __typename: 'Exhibition', id: stableId('exhibition', slug) })),
      { __typename: 'SharedSpace', id: kitchen },
      { __typename: 'SharedSpace', id: terrace },
      { __typename: 'CalendarDay', date: '2026-12-01' },
    ];
    const { body, statements } = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Artist { name } ... on Artwork { slug } ... on Exhibition { slug } ... on SharedSpace { id } ... on CalendarDay { date } } }`,
      { r: representations },
    );
    expect(body).toEqual({
      data: {
        _entities: [
          { name: 'Albertine Ouellet-Drapeau' },
          { name: 'Fernand Saint-Aubin' },
          { name: 'Noémie Pelletier-Vézina' },
          { slug: 'la-fileuse' },
          { slug: 'nids' },
          { slug: 'quai-de-nuit' },
          { slug: 'marees-hautes' },
          { slug: 'terres-et-feux' },
          { id: kitchen },
          { id: terrace },
          { date: '2026-12-01' },
        ],
      },
    });
    // Artist, Artwork, Exhibition: one statement each, and one for the artists of the works (whether the caller
    // sees them: a non-public artist's works are hidden); SharedSpace and CalendarDay need none.
    expect(statements).toBe(4);
  });

  it('answers null for a reference to an unknown or malformed key, without an error', async () => {
    const { body, statements } = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Artist { slug } ... on CalendarDay { date } } }`,
      {
        r: [
          { __typename: 'Artist', id: 'not-a-uuid' },
          { __typename: 'Artist', id: artist('personne') },
          { __typename: 'CalendarDay', date: '2026-02-30' },
        ],
      },
    );
    expect(body).toEqual({ data: { _entities: [null, null, null] } });
    expect(statements).toBe(1);
  });

  it('lists the artworks on display in the kitchen and on the terrace with two SQL statements (the works, their artists)', async () => {
    const { body, statements } = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on SharedSpace { id artworksOnDisplay { slug displayedIn { id } } } } }`,
      {
        r: [
          { __typename: 'SharedSpace', id: kitchen },
          { __typename: 'SharedSpace', id: terrace },
        ],
      },
    );
    const onDisplay = (space: string, slugs: string[]) => ({ id: space, artworksOnDisplay: slugs.map((slug) => ({ slug, displayedIn: { id: space } })) });
    expect(body).toEqual({
      data: {
        _entities: [
          onDisplay(kitchen, [
            'battures-a-maree-basse',
            'bols-des-marees',
            'chaloupe-du-dimanche',
            'estampe-des-goelettes',
            'indigo-et-verge-d-or',
            'la-fileuse',
            'petite-marine-rouge',
          ]),
          onDisplay(terrace, ['bouees', 'jarre-des-battures', 'nids']),
        ],
      },
    });
    // The works of both spaces, then their artists (a non-public artist's works are hidden): whatever the number of works.
    expect(statements).toBe(2);
  });

  it('carries its @key directives in _service { sdl }', async () => {
    const { body } = await graph.execute('{ _service { sdl } }');
    const sdl: string = body.data!._service.sdl;
    for (const type of ['Artist', 'Artwork', 'Exhibition', 'SharedSpace']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/type CalendarDay\s+@key\(fields: "date"\)/);
    expect(sdl).toMatch(/type Money\s+@shareable/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    expect(sdl).toContain('exhibitions(\n    status: ExhibitionStatus');
    expect(sdl).not.toMatch(/calendar\(/);
    expect(sdl).toContain('https://specs.apollo.dev/federation/v2.9');
  });
});
