import type { Identity } from '@maison/auth';
import { addDays, datesBetween, houseInstant, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, planNodesOf, seqScansOf, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { artistIdentity, type GalleryGraph } from './test-support/fixtures';

/**
 * Every query path of Le Vivoir has an index: on a large Le Vivoir (thousands of artists, tens of
 * thousands of artworks, decades of exhibitions and vernissages, years of studio time), the SQL the
 * subgraph really runs for its main operations is EXPLAINed, reads and writes alike, and must not
 * scan a large table.
 */
let graph: GalleryGraph;

/** The tables that grow with use. studio is tiny by nature (the three ateliers of the annex). */
const LARGE_TABLES = ['artist', 'artwork', 'exhibition', 'exhibition_artist', 'exhibition_artwork', 'studio_assignment', 'studio_booking'];
const seqScans = (operation: string, variables: Record<string, unknown>, identity: Identity) =>
  seqScansOf(graph, operation, variables, identity, LARGE_TABLES, { selectsOnly: false });

const ARTISTS = 20_000;
const ARTWORKS = 60_000;
const EXHIBITIONS = 12_000;
const today = todayInHouse();
const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');
const loadArtist = (n: string) => `md5('load-artist-' || (${n}))::uuid`;

beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule);
  const q = (sql: string, params: unknown[] = []) => graph.ds.query(sql, params);
  await q(
    `INSERT INTO artist (id, slug, name, bio, disciplines, website)
     SELECT ${loadArtist('g')}, 'artiste-charge-' || g, 'Artiste de charge ' || g,
            CASE WHEN g % 2 = 0 THEN jsonb_build_object('fr', 'Vit et travaille sur la Côte-du-Sud.', 'en', 'Lives and works on the Côte-du-Sud.') END,
            jsonb_build_array(jsonb_build_object('fr', (ARRAY['Peinture', 'Sculpture sur bois', 'Céramique', 'Photographie'])[1 + g % 4])),
            CASE WHEN g % 5 = 0 THEN 'https://example.org/artiste-' || g END
     FROM generate_series(1, ${ARTISTS}) g`,
  );
  // 60,000 works: three per artist, over 75 years; one in three hundred hangs in a shared space.
  await q(
    `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents, displayed_in_space_id)
     SELECT md5('load-artwork-' || g)::uuid, 'oeuvre-charge-' || g, ${loadArtist('1 + g % ' + ARTISTS)},
            jsonb_build_object('fr', 'Œuvre n° ' || g, 'en', 'Work #' || g), 1950 + g % 75,
            jsonb_build_object('fr', 'Huile sur toile', 'en', 'Oil on canvas'), '61 × 76 cm', av,
            CASE WHEN av <> 'NOT_FOR_SALE' AND g % 7 <> 0 THEN 20000 + (g % 50) * 5000 END,
            CASE WHEN g % 300 = 0 THEN (ARRAY[$1, $2]::uuid[])[1 + g / 300 % 2] END
     FROM generate_series(1, ${ARTWORKS}) g,
          LATERAL (SELECT (ARRAY['AVAILABLE', 'AVAILABLE', 'SOLD', 'NOT_FOR_SALE', 'ON_LOAN']::artwork_availability[])[1 + g % 5] AS av) x`,
    [kitchen, terrace],
  );
  // 12,000 exhibitions, a new one every day for thirty years up to four months ahead, three to nine weeks
  // long; two in three open with a vernissage the evening before, one in six of those in a shared space.
  await q(
    `INSERT INTO exhibition (id, slug, title, description, starts_on, ends_on, vernissage_starts_at, vernissage_ends_at, vernissage_venue, vernissage_space_id)
     SELECT md5('load-exhibition-' || g)::uuid, 'exposition-charge-' || g,
            jsonb_build_object('fr', 'Exposition n° ' || g, 'en', 'Exhibition #' || g), NULL,
            s, s + 21 + g % 40,
            CASE WHEN g % 3 <> 0 THEN (s - 1 + time '17:00') AT TIME ZONE 'America/Toronto' END,
            CASE WHEN g % 3 <> 0 THEN (s - 1 + time '20:00') AT TIME ZONE 'America/Toronto' END,
            CASE WHEN g % 3 <> 0 THEN jsonb_build_object('fr', 'Galerie Le Vivoir') END,
            CASE WHEN g % 3 <> 0 AND g % 6 = 1 THEN (ARRAY[$2, $3]::uuid[])[1 + g % 2] END
     FROM generate_series(1, ${EXHIBITIONS}) g, LATERAL (SELECT $1::date + 120 - g AS s) x`,
    [today, kitchen, terrace],
  );
  await q(
    `INSERT INTO exhibition_artist (exhibition_id, artist_id, position)
     SELECT md5('load-exhibition-' || g)::uuid, ${loadArtist(`1 + (g * 7 + k) % ${ARTISTS}`)}, k
     FROM generate_series(1, ${EXHIBITIONS}) g, generate_series(0, 1) k`,
  );
  await q(
    `INSERT INTO exhibition_artwork (exhibition_id, artwork_id, position)
     SELECT md5('load-exhibition-' || g)::uuid, md5('load-artwork-' || (1 + (g * 11 + k) % ${ARTWORKS}))::uuid, k
     FROM generate_series(1, ${EXHIBITIONS}) g, generate_series(0, 5) k`,
  );
  // 3,000 studio assignments of a month over 25 years, and 120,000 sessions of studio time over 14 years.
  const studios = (await q('SELECT id FROM studio ORDER BY slug')).map((s: { id: string }) => s.id);
  expect(studios).toHaveLength(3);
  await q(
    `INSERT INTO studio_assignment (id, studio_id, artist_id, starts_on, ends_on, created_by)
     SELECT gen_random_uuid(), ($1::uuid[])[1 + g % 3], ${loadArtist('g')}, $2::date + 60 - g * 3, $2::date + 60 - g * 3 + 27, 'admin@test'
     FROM generate_series(1, 3000) g`,
    [studios, today],
  );
  await q(
    `INSERT INTO studio_booking (id, studio_id, artist_id, booked_by, title, starts_at, ends_at, status, cancelled_at)
     SELECT gen_random_uuid(), ($1::uuid[])[s], a, 'artist-user:' || a, 'Séance ' || g, t, t + interval '2 hours',
            CASE WHEN g % 10 = 0 THEN 'CANCELLED'::studio_booking_status ELSE 'CONFIRMED'::studio_booking_status END,
            CASE WHEN g % 10 = 0 THEN t - interval '2 days' END
     FROM generate_series(1, 3) s, generate_series(1, 40000) g,
          LATERAL (SELECT ($2::date + 90 + time '20:00') AT TIME ZONE 'America/Toronto' - g * interval '3 hours' AS t,
                          ${loadArtist(`1 + (g * 3 + s) % ${ARTISTS}`)} AS a) x`,
    [studios, today],
  );
  await q('ANALYZE');
}, 180_000);
afterAll(async () => {
  await graph?.close();
});

const loadArtistId = (n: number) => graph.ds.query(`SELECT ${loadArtist('$1::int')} AS id`, [n]).then(([r]) => r.id as string);

describe('query plans on a large Le Vivoir', () => {
  it('reads the artists, page after page, one artist by slug and by id with their works, by index', async () => {
    const list = `query($after: String) { artists(first: 20, after: $after) { nodes { slug name } pageInfo { endCursor } } }`;
    expect(await seqScans(list, {}, anonymous)).toEqual([]);
    const first = await graph.execute(list, {}, { identity: anonymous });
    expect(first.body.data!.artists.nodes).toHaveLength(20);
    expect(await seqScans(list, { after: first.body.data!.artists.pageInfo.endCursor }, anonymous)).toEqual([]);
    const one = `query($id: ID, $slug: String) { artist(id: $id, slug: $slug) { name artworks { slug year } } }`;
    expect(await seqScans(one, { slug: 'artiste-charge-1234' }, anonymous)).toEqual([]);
    expect(await seqScans(one, { id: await loadArtistId(4321) }, anonymous)).toEqual([]);
    const { body } = await graph.execute(one, { slug: 'artiste-charge-1234' }, { identity: anonymous });
    expect(body.data!.artist.artworks).toHaveLength(3);
  });

  it('reads the artworks, with every filter alone and together, page after page, by index', async () => {
    const op = `query($artistId: ID, $availability: ArtworkAvailability, $forSale: Boolean, $displayedIn: ID, $after: String) {
      artworks(artistId: $artistId, availability: $availability, forSale: $forSale, displayedIn: $displayedIn, first: 20, after: $after) {
        nodes { slug year priceLabel artist { name } displayedIn { id } } pageInfo { endCursor } } }`;
    const withCount = op.replace('nodes {', 'totalCount nodes {');
    const artistId = await loadArtistId(77);
    const filters: Record<string, unknown>[] = [
      {},
      { availability: 'SOLD' },
      { availability: 'ON_LOAN' },
      { forSale: true },
      { forSale: false },
      { artistId },
      { artistId, forSale: true },
      { displayedIn: kitchen },
      { displayedIn: terrace, availability: 'AVAILABLE' },
    ];
    for (const filter of filters) {
      const first = await graph.execute(op, filter, { identity: anonymous });
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data!.artworks.nodes.length).toBeGreaterThan(0);
      expect({ filter, scans: await seqScans(op, filter, anonymous) }).toEqual({ filter, scans: [] });
      const after = first.body.data!.artworks.pageInfo.endCursor;
      expect({ filter, after, scans: await seqScans(op, { ...filter, after }, anonymous) }).toEqual({ filter, after, scans: [] });
    }
    // The count of a narrow list (one artist's works, the works hanging in a space) too.
    for (const filter of [{ artistId }, { displayedIn: kitchen }]) {
      expect({ filter, scans: await seqScans(withCount, filter, anonymous) }).toEqual({ filter, scans: [] });
    }
  });

  it('reads the exhibitions of each status with their artists and artworks, page after page, with their counts, by index', async () => {
    const op = `query($status: ExhibitionStatus, $after: String) { exhibitions(status: $status, first: 20, after: $after) {
      nodes { slug startsOn endsOn status vernissage { startsAt venueName } artists { name } artworks { slug } } pageInfo { endCursor } } }`;
    for (const status of [null, 'CURRENT', 'UPCOMING', 'PAST']) {
      const first = await graph.execute(op, { status }, { identity: anonymous });
      expect(first.body.data!.exhibitions.nodes).toHaveLength(20);
      expect({ status, scans: await seqScans(op, { status }, anonymous) }).toEqual({ status, scans: [] });
      const after = first.body.data!.exhibitions.pageInfo.endCursor;
      expect({ status, scans: await seqScans(op, { status, after }, anonymous) }).toEqual({ status, scans: [] });
    }
    const counted = op.replace('nodes {', 'totalCount nodes {');
    for (const status of ['CURRENT', 'UPCOMING']) {
      expect({ status, scans: await seqScans(counted, { status }, anonymous) }).toEqual({ status, scans: [] });
    }
  });

  it('reads one exhibition with its artists and artworks, by slug and by reference, by index', async () => {
    const op = `query($slug: String) { exhibition(slug: $slug) { title status vernissage { startsAt sharedSpace { id } }
      artists { slug name artworks { slug } } artworks { slug title artist { name } } } }`;
    expect(await seqScans(op, { slug: 'exposition-charge-4000' }, anonymous)).toEqual([]);
    const { body } = await graph.execute(op, { slug: 'exposition-charge-4000' }, { identity: anonymous });
    expect(body.data!.exhibition.artists).toHaveLength(2);
    expect(body.data!.exhibition.artworks).toHaveLength(6);
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Exhibition { slug artists { name } artworks { slug } } } }`;
    const r = [10, 200, 3_000, 11_000].map((n) => ({ __typename: 'Exhibition', id: stableId('exhibition', `absente-${n}`) }));
    const [row] = await graph.ds.query(`SELECT id FROM exhibition WHERE slug = 'exposition-charge-777'`);
    expect(await seqScans(entities, { r: [...r, { __typename: 'Exhibition', id: row.id }] }, anonymous)).toEqual([]);
  });

  it("reads the house calendar's gallery days (exhibitions on view, vernissages) by index, in the past and around today", async () => {
    const op = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CalendarDay { date
      exhibitionsOnView { slug endsOn } vernissages { slug vernissage { startsAt venueName } } } } }`;
    const days = (from: string, to: string) => datesBetween(from, to).map((date) => ({ __typename: 'CalendarDay', date }));
    expect(await seqScans(op, { r: days('2009-05-10', '2009-05-16') }, anonymous)).toEqual([]);
    expect(await seqScans(op, { r: days(addDays(today, -3), addDays(today, 27)) }, anonymous)).toEqual([]);
    const { body } = await graph.execute(op, { r: days(today, today) }, { identity: anonymous });
    expect(body.data!._entities[0].exhibitionsOnView.length).toBeGreaterThan(10);
  });

  it('reads what the gallery adds to the shared spaces (artworks on display, vernissages) by index', async () => {
    const op = `query($r: [_Any!]!, $from: DateTime, $to: DateTime) { _entities(representations: $r) {
      ... on SharedSpace { id artworksOnDisplay { slug } vernissages(from: $from, to: $to) { slug } } } }`;
    const r = [kitchen, terrace].map((id) => ({ __typename: 'SharedSpace', id }));
    expect(await seqScans(op, { r, from: houseInstant('2009-01-01', '00:00'), to: houseInstant('2009-07-01', '00:00') }, anonymous)).toEqual([]);
    expect(await seqScans(op, { r, from: new Date(), to: houseInstant(addDays(today, 90), '00:00') }, anonymous)).toEqual([]);
  });

  it('reads the studio time of the studios by index, in the past and this week', async () => {
    const op = `query($from: DateTime!, $to: DateTime!) { studios { slug bookings(from: $from, to: $to) { startsAt title artist { slug } } } }`;
    expect(await seqScans(op, { from: houseInstant('2016-03-01', '00:00'), to: houseInstant('2016-04-01', '00:00') }, admin)).toEqual([]);
    const week = { from: houseInstant(today, '00:00'), to: houseInstant(addDays(today, 7), '00:00') };
    expect(await seqScans(op, week, admin)).toEqual([]);
    const one = `query($from: DateTime!, $to: DateTime!) { studio(slug: "atelier-du-bois") { bookings(from: $from, to: $to) { id title } } }`;
    expect(await seqScans(one, week, artistIdentity(await loadArtistId(99)))).toEqual([]);
    const { body } = await graph.execute(one, week, { identity: admin });
    expect(body.data!.studio.bookings.length).toBeGreaterThan(40);
  });

  it('books and cancels studio time through indexes', async () => {
    const artist = artistIdentity(await loadArtistId(2_500));
    const book = `mutation($input: BookStudioInput!) { bookStudio(input: $input) { booking { id studio { slug } artist { slug } } userErrors { code } } }`;
    const startsAt = houseInstant(addDays(today, 120), '10:00');
    const input = { studioId: stableId('studio', 'atelier-du-fleuve'), startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), title: 'Glacis' };
    expect(await seqScans(book, { input }, artist)).toEqual([]);
    const [booking] = await graph.ds.query(`SELECT id FROM studio_booking WHERE booked_by = $1 AND starts_at = $2`, [artist.sub, startsAt]);
    expect(booking).toBeDefined();
    const cancel = `mutation($id: ID!) { cancelStudioBooking(id: $id) { booking { status } userErrors { code } } }`;
    expect(await seqScans(cancel, { id: booking.id }, artist)).toEqual([]);
  });
});

describe('query plans of the catalogue kept through the API, on a large Le Vivoir', () => {
  it('searches the artworks by title, medium and artist name through the trigram indexes, with a few hidden artists', async () => {
    await graph.ds.query(`UPDATE artist SET is_public = false WHERE slug IN ('artiste-charge-500', 'artiste-charge-501', 'artiste-charge-502')`);
    await graph.ds.query('ANALYZE artist');
    const op = `query($search: String!, $after: String) { artworks(search: $search, first: 20, after: $after) {
      totalCount nodes { slug title artist { name } } pageInfo { endCursor } } }`;
    for (const search of ['oeuvre n° 4321', 'ŒUVRE N° 1234', 'work #5555', 'artiste de charge 777', 'charge 501']) {
      const first = await graph.execute(op, { search }, { identity: anonymous });
      expect(first.body.errors).toBeUndefined();
      expect({ search, scans: await seqScans(op, { search }, anonymous) }).toEqual({ search, scans: [] });
      const after = first.body.data!.artworks.pageInfo.endCursor;
      if (after) expect({ search, after, scans: await seqScans(op, { search, after }, anonymous) }).toEqual({ search, after, scans: [] });
    }
    const names = async (search: string, identity: Identity) =>
      (await graph.execute(op, { search }, { identity })).body.data!.artworks.nodes.map((n: { artist: { name: string } }) => n.artist.name);
    expect(await names('oeuvre n° 4321', anonymous)).toContain('Artiste de charge 4322');
    // "charge 501" finds the works of artists 501 and 5010 to 5019, three each; those of the hidden 501 for ADMIN only.
    const total = async (identity: Identity) => (await graph.execute(op, { search: 'charge 501' }, { identity })).body.data!.artworks.totalCount;
    expect([await total(anonymous), await total(admin)]).toEqual([30, 33]);
    expect(await names('charge 501', anonymous)).not.toContain('Artiste de charge 501');
  });

  it('creates, changes and retires works, and creates and changes artists, through indexes', async () => {
    const owner = artistIdentity(await loadArtistId(3_210));
    const create = `mutation($input: CreateArtworkInput!) { createArtwork(input: $input) { artwork { id slug } userErrors { code } } }`;
    const input = { title: { fr: 'Œuvre n° 5' }, year: 2024, medium: { fr: 'Huile sur toile' }, dimensions: '30 × 40 cm', priceCents: 50000 };
    expect(await seqScans(create, { input }, owner)).toEqual([]);
    const [work] = await graph.ds.query(`SELECT id FROM artwork WHERE artist_id = $1 AND title ->> 'fr' = 'Œuvre n° 5'`, [owner.artistId]);
    const update = `mutation($id: ID!, $input: UpdateArtworkInput!) { updateArtwork(id: $id, input: $input) { artwork { id } userErrors { code } } }`;
    expect(await seqScans(update, { id: work.id, input: { priceCents: 55000 } }, owner)).toEqual([]);
    const retire = `mutation($id: ID!) { retireArtwork(id: $id) { artwork { id } userErrors { code } } }`;
    expect(await seqScans(retire, { id: work.id }, owner)).toEqual([]);
    const shown = `mutation($id: ID!) { retireArtwork(id: $id) { userErrors { code } } }`;
    const [inExhibition] = await graph.ds.query(`SELECT artwork_id AS id FROM exhibition_artwork ORDER BY exhibition_id LIMIT 1`);
    expect(await seqScans(shown, { id: inExhibition.id }, admin)).toEqual([]);
    const artist = `mutation($input: CreateArtistInput!) { createArtist(input: $input) { artist { id } userErrors { code } } }`;
    expect(await seqScans(artist, { input: { name: 'Artiste de charge 12' } }, admin)).toEqual([]);
    const change = `mutation($id: ID!, $input: UpdateArtistInput!) { updateArtist(id: $id, input: $input) { artist { id } userErrors { code } } }`;
    expect(await seqScans(change, { id: owner.artistId, input: { website: 'https://charge.example' } }, owner)).toEqual([]);
  });
});

describe('the plan check itself', () => {
  it('does see a sequential scan when the index a query needs is missing', async () => {
    const runner = graph.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('DROP INDEX artwork_artist_idx');
      const plan = await planNodesOf(runner, `SELECT * FROM artwork a WHERE a.artist_id = ANY($1) ORDER BY a.year DESC, a.id DESC`, [[await loadArtistId(77)]]);
      expect(plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).toContain('artwork');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe('the plan check of the search', () => {
  it('sees a sequential scan of artwork when the trigram index of the search is missing', async () => {
    const runner = graph.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('DROP INDEX artwork_search_idx');
      const plan = await planNodesOf(runner, `SELECT id FROM artwork a WHERE artwork_search_text(a.title, a.medium) LIKE lower(f_unaccent($1))`, [
        '%oeuvre n° 4321%',
      ]);
      expect(plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).toContain('artwork');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
