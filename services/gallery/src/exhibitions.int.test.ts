import { addDays, stableId, todayInHouse } from '@maison/house';
import { startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import type { GalleryLoaders, GalleryServices } from './services';

type Graph = Awaited<ReturnType<typeof startTestSubgraph<GalleryServices, GalleryLoaders>>>;
let graph: Graph;

const today = todayInHouse();

/** Exhibitions around today, as days from today: [startsIn, endsIn]. */
const fixtures: Record<string, [number, number]> = {
  'past-a': [-60, -40],
  'past-b': [-30, -1],
  'past-c': [-90, -20],
  'current-a': [-10, 30],
  'current-b': [-2, 3],
  'current-c': [0, 0],
  'upcoming-a': [1, 10],
  'upcoming-b': [40, 50],
  'upcoming-c': [5, 100],
};

async function insertExhibition(slug: string, startsIn: number, endsIn: number): Promise<void> {
  await graph.ds.query(`INSERT INTO exhibition (id, slug, title, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)`, [
    stableId('exhibition', slug),
    slug,
    { fr: `Exposition ${slug}`, en: `Exhibition ${slug}` },
    addDays(today, startsIn),
    addDays(today, endsIn),
  ]);
}

beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule, { seed: false });
  for (const [slug, [startsIn, endsIn]] of Object.entries(fixtures)) await insertExhibition(slug, startsIn, endsIn);
});
afterAll(async () => {
  await graph?.close();
});

const slugsOf = (connection: { nodes: { slug: string }[] }) => connection.nodes.map((n) => n.slug);

describe('exhibitions', () => {
  it('computes the status against today in house time: ended yesterday, ends today, starts today, starts tomorrow', async () => {
    const { body } = await graph.execute(`{
      endedYesterday: exhibition(slug: "past-b") { status startsOn endsOn }
      endsAndStartsToday: exhibition(slug: "current-c") { status startsOn endsOn }
      endsInThreeDays: exhibition(slug: "current-b") { status }
      startsTomorrow: exhibition(slug: "upcoming-a") { status startsOn }
    }`);
    expect(body).toEqual({
      data: {
        endedYesterday: { status: 'PAST', startsOn: addDays(today, -30), endsOn: addDays(today, -1) },
        endsAndStartsToday: { status: 'CURRENT', startsOn: today, endsOn: today },
        endsInThreeDays: { status: 'CURRENT' },
        startsTomorrow: { status: 'UPCOMING', startsOn: addDays(today, 1) },
      },
    });
  });

  it('orders each status as a visitor expects and filters on the same rule as the status field', async () => {
    const { body } = await graph.execute(`{
      current: exhibitions(status: CURRENT) { totalCount nodes { slug status } }
      upcoming: exhibitions(status: UPCOMING) { totalCount nodes { slug status } }
      past: exhibitions(status: PAST) { totalCount nodes { slug status } }
      all: exhibitions { totalCount nodes { slug } }
    }`);
    const withStatus = (status: string, slugs: string[]) => ({ totalCount: slugs.length, nodes: slugs.map((slug) => ({ slug, status })) });
    expect(body).toEqual({
      data: {
        // Closing soonest first.
        current: withStatus('CURRENT', ['current-c', 'current-b', 'current-a']),
        // Opening soonest first.
        upcoming: withStatus('UPCOMING', ['upcoming-a', 'upcoming-c', 'upcoming-b']),
        // Most recently closed first.
        past: withStatus('PAST', ['past-b', 'past-c', 'past-a']),
        // Latest opening first.
        all: {
          totalCount: 9,
          nodes: ['upcoming-b', 'upcoming-c', 'upcoming-a', 'current-c', 'current-b', 'current-a', 'past-b', 'past-a', 'past-c'].map((slug) => ({ slug })),
        },
      },
    });
  });

  it('pages with first and after, Relay page info and a total count', async () => {
    const query = `query($status: ExhibitionStatus, $first: Int, $after: String) {
      exhibitions(status: $status, first: $first, after: $after) {
        totalCount
        edges { cursor node { slug } }
        nodes { slug }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const first = (await graph.execute(query, { status: 'UPCOMING', first: 2 })).body.data!.exhibitions;
    expect(first).toEqual({
      totalCount: 3,
      edges: [
        { cursor: first.pageInfo.startCursor, node: { slug: 'upcoming-a' } },
        { cursor: first.pageInfo.endCursor, node: { slug: 'upcoming-c' } },
      ],
      nodes: [{ slug: 'upcoming-a' }, { slug: 'upcoming-c' }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: expect.any(String), endCursor: expect.any(String) },
    });
    const second = (await graph.execute(query, { status: 'UPCOMING', first: 2, after: first.pageInfo.endCursor })).body.data!.exhibitions;
    expect(second).toEqual({
      totalCount: 3,
      edges: [{ cursor: second.pageInfo.endCursor, node: { slug: 'upcoming-b' } }],
      nodes: [{ slug: 'upcoming-b' }],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: second.pageInfo.endCursor, endCursor: expect.any(String) },
    });

    // Walking every page of the unfiltered list gives the whole list, once, in order.
    const walked: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: { nodes: { slug: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await graph.execute(query, { first: 4, after })).body
        .data!.exhibitions;
      walked.push(...slugsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(['upcoming-b', 'upcoming-c', 'upcoming-a', 'current-c', 'current-b', 'current-a', 'past-b', 'past-a', 'past-c']);
  });

  it('refuses a page size above 100 or below 1, and a malformed cursor', async () => {
    for (const args of ['first: 101', 'first: 0', 'first: -5', 'after: "not-a-cursor"']) {
      const { body } = await graph.execute(`{ exhibitions(${args}) { totalCount } }`);
      expect({ args, codes: body.errors?.map((e) => e.extensions?.code) }).toEqual({ args, codes: ['BAD_USER_INPUT'] });
    }
    const { body } = await graph.execute('{ exhibitions(first: 100) { nodes { slug } } }');
    expect(body.errors).toBeUndefined();
    const message = async (args: string, lang: 'fr' | 'en') =>
      (await graph.execute(`{ exhibitions(${args}) { totalCount } }`, {}, { lang })).body.errors?.[0]?.message;
    expect(await message('first: 101', 'fr')).toBe('Argument invalide. first : 1..100.');
    expect(await message('after: "not-a-cursor"', 'en')).toBe('Invalid argument. after: cursor "not-a-cursor" is not valid.');
  });

  it('costs the same SQL statements for 5 or 50 exhibitions with their artists and artworks', async () => {
    await graph.ds.query(`INSERT INTO artist (id, slug, name, disciplines)
      SELECT gen_random_uuid(), 'artiste-' || n, 'Artiste ' || n, '[{"fr": "Peinture", "en": "Painting"}]' FROM generate_series(1, 4) n`);
    await graph.ds.query(`INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents)
      SELECT gen_random_uuid(), 'oeuvre-' || n, (SELECT id FROM artist WHERE slug = 'artiste-' || (1 + n % 4)),
             jsonb_build_object('fr', 'Œuvre ' || n), 2020 + n % 5, '{"fr": "Huile sur toile"}', '30 × 40 cm', 'AVAILABLE', 10000 * n
      FROM generate_series(1, 6) n`);
    // A work is in one exhibition at a time (migration 005), and these all run today: the other lots
    // show works of their own, by an artist they do not credit.
    await graph.ds.query(`INSERT INTO artist (id, slug, name) VALUES (gen_random_uuid(), 'artiste-autre', 'Artiste autre')`);
    await graph.ds.query(`INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents)
      SELECT gen_random_uuid(), 'autre-' || n, (SELECT id FROM artist WHERE slug = 'artiste-autre'),
             jsonb_build_object('fr', 'Autre ' || n), 2020, '{"fr": "Huile sur toile"}', '30 × 40 cm', 'AVAILABLE', 10000
      FROM generate_series(1, 150) n`);
    await graph.ds.query(
      `INSERT INTO exhibition (id, slug, title, starts_on, ends_on)
       SELECT gen_random_uuid(), 'lot-' || n, jsonb_build_object('fr', 'Lot ' || n), $1::date - n, $1::date + n FROM generate_series(1, 50) n`,
      [today],
    );
    await graph.ds.query(`INSERT INTO exhibition_artist (exhibition_id, artist_id, position)
      SELECT e.id, a.id, row_number() OVER (PARTITION BY e.id ORDER BY a.slug) FROM exhibition e, artist a
      WHERE e.slug LIKE 'lot-%' AND a.slug IN ('artiste-1', 'artiste-2')`);
    await graph.ds.query(`INSERT INTO exhibition_artwork (exhibition_id, artwork_id, position)
      SELECT e.id, w.id, k FROM generate_series(1, 50) n CROSS JOIN generate_series(1, 3) k
      JOIN exhibition e ON e.slug = 'lot-' || n
      JOIN artwork w ON w.slug = CASE WHEN n = 7 THEN 'oeuvre-' || k ELSE 'autre-' || ((n - 1) * 3 + k) END`);

    const query = (first: number) => `{ exhibitions(status: CURRENT, first: ${first}) { nodes {
      slug title status vernissage { venueName sharedSpace { id } }
      artists { name artworks { slug } }
      artworks { title priceLabel displayedIn { id } artist { name } }
    } } }`;
    const five = await graph.execute(query(5));
    const fifty = await graph.execute(query(50));
    expect(five.body.errors).toBeUndefined();
    expect(fifty.body.errors).toBeUndefined();
    expect(five.body.data!.exhibitions.nodes).toHaveLength(5);
    expect(fifty.body.data!.exhibitions.nodes).toHaveLength(50);
    expect(fifty.body.data!.exhibitions.nodes.find((e: { slug: string }) => e.slug === 'lot-7')).toEqual({
      slug: 'lot-7',
      title: 'Lot 7',
      status: 'CURRENT',
      vernissage: null,
      artists: [
        { name: 'Artiste 1', artworks: [{ slug: 'oeuvre-4' }] },
        { name: 'Artiste 2', artworks: [{ slug: 'oeuvre-1' }, { slug: 'oeuvre-5' }] },
      ],
      artworks: [
        { title: 'Œuvre 1', priceLabel: '100,00\u00a0$', displayedIn: null, artist: { name: 'Artiste 2' } },
        { title: 'Œuvre 2', priceLabel: '200,00\u00a0$', displayedIn: null, artist: { name: 'Artiste 3' } },
        { title: 'Œuvre 3', priceLabel: '300,00\u00a0$', displayedIn: null, artist: { name: 'Artiste 4' } },
      ],
    });
    // The page, then what the exhibitions show in one statement: their artists with the artists' works, their
    // artworks with the artworks' artists.
    expect(five.statements).toBe(2);
    expect(fifty.statements).toBe(five.statements);
  });

  it('answers the exhibition page of the benchmark with one statement: the exhibition and all it shows', async () => {
    // lot-7 (the test above): artists 1 and 2 credited, works by artists 2, 3 and 4.
    const { body, statements } = await graph.execute(
      `query Exhibition($slug: String!) { exhibition(slug: $slug) { title description startsOn endsOn status
      artists { name bio disciplines artworks { title priceLabel } } artworks { title year medium priceLabel artist { name } } } }`,
      { slug: 'lot-7' },
    );
    expect(body).toEqual({
      data: {
        exhibition: {
          title: 'Lot 7',
          description: null,
          startsOn: addDays(today, -7),
          endsOn: addDays(today, 7),
          status: 'CURRENT',
          artists: [
            { name: 'Artiste 1', bio: null, disciplines: ['Peinture'], artworks: [{ title: 'Œuvre 4', priceLabel: '400,00\u00a0$' }] },
            {
              name: 'Artiste 2',
              bio: null,
              disciplines: ['Peinture'],
              artworks: [
                { title: 'Œuvre 1', priceLabel: '100,00\u00a0$' },
                { title: 'Œuvre 5', priceLabel: '500,00\u00a0$' },
              ],
            },
          ],
          artworks: [1, 2, 3].map((n) => ({
            title: `Œuvre ${n}`,
            year: 2020 + (n % 5),
            medium: 'Huile sur toile',
            priceLabel: `${n}00,00\u00a0$`,
            artist: { name: `Artiste ${1 + (n % 4)}` },
          })),
        },
      },
    });
    expect(statements).toBe(1);

    // The artists' works asked through a fragment come in the same statement.
    const viaFragment = await graph.execute(`{ exhibition(slug: "lot-7") { artists { ...Works } } } fragment Works on Artist { artworks { title } }`);
    expect(viaFragment.body.data!.exhibition.artists).toEqual(
      body.data!.exhibition.artists.map((a: { artworks: { title: string }[] }) => ({ artworks: a.artworks.map(({ title }) => ({ title })) })),
    );
    expect(viaFragment.statements).toBe(1);
  });

  it('answers the other shapes of a page by slug as before: works only, nothing shown, an exhibition without contents, an unknown slug', async () => {
    const works = await graph.execute(`{ exhibition(slug: "lot-7") { artworks { title artist { name artworks { title } } } } }`);
    expect(works.body.data!.exhibition.artworks).toEqual([
      { title: 'Œuvre 1', artist: { name: 'Artiste 2', artworks: [{ title: 'Œuvre 1' }, { title: 'Œuvre 5' }] } },
      { title: 'Œuvre 2', artist: { name: 'Artiste 3', artworks: [{ title: 'Œuvre 2' }, { title: 'Œuvre 6' }] } },
      { title: 'Œuvre 3', artist: { name: 'Artiste 4', artworks: [{ title: 'Œuvre 3' }] } },
    ]);
    // The page, then the catalogues of artists reached through their works (not credited: not in the page's statement).
    expect(works.statements).toBe(2);
    const bare = await graph.execute(`{ exhibition(slug: "lot-7") { title } }`);
    expect(bare).toEqual({ body: { data: { exhibition: { title: 'Lot 7' } } }, statements: 1 });
    const empty = await graph.execute(`{ exhibition(slug: "past-a") { title artists { name artworks { title } } artworks { title } } }`);
    expect(empty).toEqual({ body: { data: { exhibition: { title: 'Exposition past-a', artists: [], artworks: [] } } }, statements: 1 });
    const unknown = await graph.execute(`{ exhibition(slug: "personne") { title artists { name } artworks { title } } }`);
    expect(unknown).toEqual({ body: { data: { exhibition: null } }, statements: 1 });
  });
});
